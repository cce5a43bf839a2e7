package io.livechat.chat;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs one room's hand-overs in the order given, one at a time, on an executor's threads: the
 * store's writer hands over a stored message and goes on with the next commit, and only the
 * executor's thread waits for the room's lock. At most one drain per room is queued on the
 * executor at a time.
 */
final class SerialHandOff {

	private static final Log logger = LogFactory.getLog(SerialHandOff.class);

	private final Executor executor;

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	SerialHandOff(Executor executor) {
		this.executor = executor;
	}

	void execute(Runnable task) {
		this.tasks.add(task);
		schedule();
	}

	private void schedule() {
		if (!this.scheduled.compareAndSet(false, true)) {
			return;
		}
		try {
			this.executor.execute(this::drain);
		}
		catch (RejectedExecutionException ex) { // shutting down: on the caller's thread, as before
			drain();
		}
	}

	private void drain() {
		try {
			Runnable task;
			while ((task = this.tasks.poll()) != null) {
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					logger.error("A room's hand-over failed", ex);
				}
			}
		}
		finally {
			this.scheduled.set(false);
		}
		if (!this.tasks.isEmpty()) { // added after the last poll, before the flag went down
			schedule();
		}
	}

}
