package io.livechat.bench;

import java.net.http.WebSocket;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Text messages waiting to go out on one WebSocket. The JDK's WebSocket takes one send at a
 * time, while a client's frames come from several threads (its listener, the pacer, the
 * heart-beats); each send starts when the previous one completes.
 */
final class Outbox {

	private final Queue<CharSequence> queue = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean sending = new AtomicBoolean();

	private final Consumer<Throwable> onFailure;

	private volatile WebSocket socket;

	Outbox(Consumer<Throwable> onFailure) {
		this.onFailure = onFailure;
	}

	void open(WebSocket socket) {
		this.socket = socket;
		pump();
	}

	void send(CharSequence text) {
		this.queue.add(text);
		pump();
	}

	private void pump() {
		WebSocket socket = this.socket;
		while (socket != null && !this.queue.isEmpty() && this.sending.compareAndSet(false, true)) {
			CharSequence next = this.queue.poll();
			if (next == null) {
				this.sending.set(false);
				continue;
			}
			socket.sendText(next, true).whenComplete((ws, failure) -> {
				this.sending.set(false);
				if (failure != null) {
					this.queue.clear();
					this.onFailure.accept(failure);
				}
				else {
					pump();
				}
			});
			return;
		}
	}

}
