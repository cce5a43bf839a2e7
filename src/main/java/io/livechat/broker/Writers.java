package io.livechat.broker;

import java.util.concurrent.LinkedTransferQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that hand queued frames to the sockets. An outbox with frames waiting is put on
 * one shared queue once (however many frames it gets meanwhile); each thread takes outboxes off
 * it one after another and drains them, so a busy room costs one queue insertion per recipient
 * and as few wake-ups as the traffic allows, not a task per recipient. Draining never blocks:
 * the sockets are written without waiting ({@link FrameSink}).
 */
public final class Writers implements Drainer, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Writers.class);

	private final LinkedTransferQueue<Outbox> ready = new LinkedTransferQueue<>();

	private final Thread[] threads;

	private volatile boolean running = true;

	public Writers(int count) {
		this.threads = new Thread[count];
		for (int i = 0; i < count; i++) {
			this.threads[i] = new Thread(this::run, "chat-writer-" + (i + 1));
			this.threads[i].setDaemon(true);
			this.threads[i].start();
		}
	}

	@Override
	public void ready(Outbox outbox) {
		if (this.running) {
			this.ready.offer(outbox);
		}
		else {
			outbox.drain(); // shutting down: on this thread rather than lose a close frame
		}
	}

	private void run() {
		while (this.running) {
			Outbox outbox;
			try {
				outbox = this.ready.take();
			}
			catch (InterruptedException ex) {
				return;
			}
			try {
				outbox.drain();
			}
			catch (RuntimeException ex) { // one connection's failure must not end a writer
				logger.warn("Could not write to session {}", outbox.getId(), ex);
			}
		}
	}

	/** Stops the threads; what is still queued is drained on the caller's thread. */
	@Override
	public void close() throws InterruptedException {
		this.running = false;
		for (Thread thread : this.threads) {
			thread.interrupt();
		}
		for (Thread thread : this.threads) {
			thread.join(1000);
		}
		Outbox left;
		while ((left = this.ready.poll()) != null) {
			left.drain();
		}
	}

}
