package io.livechat.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Any other session (SockJS, whose transports write through Spring's own framing): each batch
 * joined into one message and written with the session's blocking send, on a small pool of its
 * own, one batch at a time per connection. A client that stops reading holds one of those
 * threads until it is dropped; it never holds a native WebSocket's delivery.
 */
final class BlockingFrames implements FrameSink {

	private final WebSocketSession session;

	private final Executor executor;

	BlockingFrames(WebSocketSession session, Executor executor) {
		this.session = session;
		this.executor = executor;
	}

	@Override
	public void send(List<byte[]> frames, Done done) {
		run(() -> {
			done.started();
			try {
				this.session.sendMessage(new TextMessage(joined(frames)));
				done.written();
			}
			catch (IOException | RuntimeException ex) {
				done.failed(ex);
			}
		});
	}

	@Override
	public boolean pipelines() {
		return false;
	}

	@Override
	public void close(CloseStatus status) {
		run(() -> closeQuietly(status));
	}

	@Override
	public void abort() {
		closeQuietly(CloseStatus.SESSION_NOT_RELIABLE);
	}

	private void run(Runnable task) {
		try {
			this.executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			task.run(); // shutting down: rather on this thread than lose a close frame
		}
	}

	private void closeQuietly(CloseStatus status) {
		try {
			if (this.session.isOpen()) {
				this.session.close(status);
			}
		}
		catch (IOException | RuntimeException ex) {
			// gone already
		}
	}

	private static byte[] joined(List<byte[]> frames) {
		if (frames.size() == 1) {
			return frames.get(0);
		}
		ByteArrayOutputStream joined = new ByteArrayOutputStream();
		frames.forEach(joined::writeBytes);
		return joined.toByteArray();
	}

}
