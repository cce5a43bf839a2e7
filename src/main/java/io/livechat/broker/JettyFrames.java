package io.livechat.broker;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.ee11.websocket.jakarta.common.JakartaWebSocketSession;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;
import org.springframework.web.socket.sockjs.transport.SockJsSession;

/**
 * A native WebSocket connection on Jetty, written through its core session: each STOMP frame
 * goes out as a text frame from the bytes it was encoded to once (no copy, no encoding per
 * recipient), a batch gathered into as few writes as Jetty can, the last frame flushing. Jetty
 * writes on the calling thread while the socket takes it, and finishes later, from its own
 * threads, when it does not: nobody waits on a slow client.
 */
final class JettyFrames implements FrameSink {

	private final CoreSession socket;

	private JettyFrames(CoreSession socket) {
		this.socket = socket;
	}

	/** The sink for a session when it is a native WebSocket on Jetty, or null. */
	static FrameSink of(WebSocketSession session) {
		WebSocketSession unwrapped = WebSocketSessionDecorator.unwrap(session);
		if (unwrapped instanceof SockJsSession) {
			return null; // its WebSocket carries SockJS framing, which Spring's session writes
		}
		Object socket = (unwrapped instanceof NativeWebSocketSession nativeSession) ? nativeSession.getNativeSession()
				: null;
		if (socket instanceof org.eclipse.jetty.websocket.common.WebSocketSession jetty) { // Spring's Jetty upgrade
			return new JettyFrames(jetty.getCoreSession());
		}
		if (socket instanceof JakartaWebSocketSession jakarta) { // the standard (JSR 356) upgrade
			return new JettyFrames(jakarta.getCoreSession());
		}
		return null;
	}

	@Override
	public void send(List<byte[]> frames, Done done) {
		int last = frames.size() - 1;
		if (last == 0) {
			this.socket.sendFrame(new Frame(OpCode.TEXT, ByteBuffer.wrap(frames.get(0))), new FrameWritten(done), false);
			return;
		}
		Callback callback = new BatchWritten(frames.size(), done);
		for (int i = 0; i <= last; i++) {
			this.socket.sendFrame(new Frame(OpCode.TEXT, ByteBuffer.wrap(frames.get(i))), callback, i < last);
		}
	}

	@Override
	public boolean pipelines() {
		return true;
	}

	@Override
	public void close(CloseStatus status) {
		this.socket.close(status.getCode(), status.getReason(), Callback.NOOP);
	}

	@Override
	public void abort() {
		this.socket.abort();
	}

	/** Tells {@link Done} once the batch's only frame is written, or failed. */
	private record FrameWritten(Done done) implements Callback {

		@Override
		public void succeeded() {
			this.done.written();
		}

		@Override
		public void failed(Throwable reason) {
			this.done.failed(reason);
		}

		@Override
		public Invocable.InvocationType getInvocationType() {
			return Invocable.InvocationType.NON_BLOCKING;
		}

	}

	/** Tells {@link Done} once every frame of the batch is written, or the first failure. */
	private static final class BatchWritten implements Callback {

		private final AtomicInteger left;

		private final Done done;

		BatchWritten(int frames, Done done) {
			this.left = new AtomicInteger(frames);
			this.done = done;
		}

		@Override
		public void succeeded() {
			if (this.left.decrementAndGet() == 0) {
				this.done.written();
			}
		}

		@Override
		public void failed(Throwable reason) {
			if (this.left.getAndSet(-1) > 0) {
				this.done.failed(reason);
			}
		}

		@Override
		public Invocable.InvocationType getInvocationType() {
			return Invocable.InvocationType.NON_BLOCKING;
		}

	}

}
