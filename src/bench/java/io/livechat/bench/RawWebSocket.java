package io.livechat.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One connection of {@link RawWebSocketClient}: the handshake, frames in (whole messages to the
 * listener, inflated when compressed) and out (masked, compressed when permessage-deflate was
 * agreed), Close, and Ping answered with Pong. Reading, and every call to the listener, happen on
 * its selector's thread; {@link #send} and {@link #sendClose} may come from any thread.
 */
final class RawWebSocket implements ClientSocket {

	static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

	private static final int MAX_HEAD_BYTES = 16 * 1024;

	private static final int MAX_QUEUED_BYTES = 1024 * 1024;

	/** Reads per readiness at most; the selector comes back for the rest. */
	private static final int READS_PER_WAKEUP = 16;

	private static final byte[] HEAD_END = { '\r', '\n', '\r', '\n' };

	private final URI url;

	private final WebSocketHandshake handshake;

	private final SocketListener listener;

	private final ByteBuilder inflated;

	private final long deadlineNanos;

	private final Runnable wakeup;

	private final CompletableFuture<ClientSocket> opened = new CompletableFuture<>();

	private final WebSocketFrames frames = new WebSocketFrames(this::frame, MAX_MESSAGE_BYTES);

	private final ByteBuilder head = new ByteBuilder(MAX_HEAD_BYTES);

	private final ByteBuilder fragments = new ByteBuilder(MAX_MESSAGE_BYTES);

	/** Frames the socket did not take at once, in order; the lock of every write. */
	private final ArrayDeque<ByteBuffer> queued = new ArrayDeque<>(2);

	private int queuedBytes;

	private SocketChannel channel;

	private SelectionKey key;

	private volatile PerMessageDeflate deflate;

	private int fragmentsOpcode = -1;

	private boolean fragmentsCompressed;

	private volatile boolean open;

	private volatile boolean outputClosed;

	private volatile boolean closed;

	/**
	 * @param inflated where compressed messages are inflated: the selector thread's own
	 * @param wakeup wakes the selector, to see that the socket wants to write
	 */
	RawWebSocket(URI url, WebSocketHandshake handshake, SocketListener listener, ByteBuilder inflated,
			long deadlineNanos, Runnable wakeup) {
		this.url = url;
		this.handshake = handshake;
		this.listener = listener;
		this.inflated = inflated;
		this.deadlineNanos = deadlineNanos;
		this.wakeup = wakeup;
	}

	/** Completes when the handshake has succeeded, exceptionally when it failed or timed out. */
	CompletableFuture<ClientSocket> opened() {
		return this.opened;
	}

	@Override
	public void send(CharSequence text) {
		byte[] payload = text.toString().getBytes(StandardCharsets.UTF_8);
		PerMessageDeflate deflate = this.deflate;
		byte[] compressed = (deflate != null) ? deflate.compress(payload, payload.length) : null;
		IOException failure = (compressed != null) ? write(WebSocketFrames.TEXT, true, compressed)
				: write(WebSocketFrames.TEXT, false, payload);
		if (failure != null) {
			this.listener.onSendFailed(failure);
		}
	}

	@Override
	public CompletableFuture<?> sendClose() {
		if (this.outputClosed) {
			return CompletableFuture.completedFuture(null);
		}
		this.outputClosed = true;
		IOException failure = write(WebSocketFrames.CLOSE, false, WebSocketFrames.closePayload(1000, ""));
		return (failure == null) ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(failure);
	}

	@Override
	public boolean isOutputClosed() {
		return this.outputClosed;
	}

	@Override
	public void abort() {
		closeChannel();
		this.opened.completeExceptionally(new ClosedChannelException());
	}

	// On the selector's thread

	/** Opens the connection and registers it; false if that failed (the failure reported). */
	boolean register(Selector selector) {
		if (this.closed) {
			return false;
		}
		try {
			this.channel = SocketChannel.open();
			this.channel.configureBlocking(false);
			this.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			int port = (this.url.getPort() >= 0) ? this.url.getPort() : 80;
			boolean connected = this.channel.connect(new InetSocketAddress(this.url.getHost(), port));
			synchronized (this.queued) {
				this.key = this.channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT,
						this);
			}
			if (connected) {
				startHandshake();
			}
			return !this.closed;
		}
		catch (IOException | RuntimeException ex) {
			fail(ex);
			return false;
		}
	}

	void ready(SelectionKey key, ByteBuffer buffer) {
		try {
			int ops = key.readyOps();
			if ((ops & SelectionKey.OP_CONNECT) != 0) {
				this.channel.finishConnect();
				synchronized (this.queued) {
					key.interestOps(SelectionKey.OP_READ);
				}
				startHandshake();
			}
			if ((ops & SelectionKey.OP_WRITE) != 0) {
				flush();
			}
			if ((ops & SelectionKey.OP_READ) != 0) {
				read(buffer);
			}
		}
		catch (CancelledKeyException ex) {
			// aborted meanwhile
		}
		catch (IOException | RuntimeException ex) {
			fail(ex);
		}
	}

	/** Whether the handshake has ended, one way or the other. */
	boolean isHandshakeDone() {
		return this.open || this.closed;
	}

	/** Fails the handshake if it has outlived its deadline; returns whether it has ended. */
	boolean expireIfLate(long nowNanos) {
		if (!isHandshakeDone() && nowNanos - this.deadlineNanos > 0) {
			fail(new HttpTimeoutException("WebSocket handshake timed out"));
		}
		return isHandshakeDone();
	}

	private void startHandshake() {
		IOException failure = write(ByteBuffer.wrap(this.handshake.request().getBytes(StandardCharsets.US_ASCII)));
		if (failure != null) {
			fail(failure);
		}
	}

	private void read(ByteBuffer buffer) throws IOException {
		for (int reads = 0; reads < READS_PER_WAKEUP && !this.closed; reads++) {
			buffer.clear();
			int count = this.channel.read(buffer);
			if (count < 0) {
				fail(new EOFException("the server closed the connection without a Close frame"));
				return;
			}
			if (count == 0) {
				return;
			}
			if (this.open) {
				this.frames.accept(buffer.array(), 0, count);
			}
			else {
				answer(buffer.array(), count);
			}
			if (count < buffer.capacity()) {
				return;
			}
		}
	}

	/** Bytes of the server's handshake answer, and perhaps the first frames after it. */
	private void answer(byte[] data, int count) throws IOException {
		this.head.append(data, 0, count);
		int end = indexOf(this.head, HEAD_END);
		if (end < 0) {
			return;
		}
		WebSocketHandshake.Answer answer = this.handshake
			.check(new String(this.head.array(), 0, end, StandardCharsets.ISO_8859_1));
		if (!answer.extensions().isEmpty()) {
			this.deflate = new PerMessageDeflate(PerMessageDeflate.Agreement.parse(answer.extensions()));
		}
		this.open = true;
		this.listener.onOpen(this, answer.extensions());
		this.opened.complete(this);
		int rest = end + HEAD_END.length;
		if (rest < this.head.length()) {
			this.frames.accept(this.head.array(), rest, this.head.length());
		}
		this.head.release();
	}

	private void frame(boolean fin, boolean rsv1, int opcode, byte[] data, int from, int length) throws IOException {
		if (this.closed) {
			return;
		}
		switch (opcode) {
			case WebSocketFrames.TEXT, WebSocketFrames.BINARY -> {
				if (this.fragmentsOpcode >= 0) {
					throw new ProtocolException("a new message before the last one ended");
				}
				if (rsv1 && this.deflate == null) {
					throw new ProtocolException("a compressed frame without permessage-deflate");
				}
				if (fin) {
					message(opcode, rsv1, data, from, length);
				}
				else {
					this.fragmentsOpcode = opcode;
					this.fragmentsCompressed = rsv1;
					this.fragments.append(data, from, length);
				}
			}
			case WebSocketFrames.CONTINUATION -> {
				if (this.fragmentsOpcode < 0 || rsv1) {
					throw new ProtocolException("a continuation frame out of place");
				}
				this.fragments.append(data, from, length);
				if (fin) {
					int messageOpcode = this.fragmentsOpcode;
					this.fragmentsOpcode = -1;
					message(messageOpcode, this.fragmentsCompressed, this.fragments.array(), 0, this.fragments.length());
					this.fragments.clear();
				}
			}
			case WebSocketFrames.CLOSE -> closed(data, from, length);
			case WebSocketFrames.PING -> {
				byte[] payload = new byte[length];
				System.arraycopy(data, from, payload, 0, length);
				write(WebSocketFrames.PONG, false, payload);
			}
			case WebSocketFrames.PONG -> {
			}
			default -> throw new ProtocolException("an unknown opcode " + opcode);
		}
	}

	private void message(int opcode, boolean compressed, byte[] data, int from, int length) throws IOException {
		byte[] bytes = data;
		int start = from;
		int count = length;
		if (compressed) {
			this.deflate.inflate(data, from, length, this.inflated);
			bytes = this.inflated.array();
			start = 0;
			count = this.inflated.length();
		}
		if (opcode == WebSocketFrames.TEXT) {
			this.listener.onText(new String(bytes, start, count, StandardCharsets.UTF_8), true);
		}
	}

	/** The server's Close: answered with the same code, then the connection ends. */
	private void closed(byte[] data, int from, int length) {
		int code = (length >= 2) ? ((data[from] & 0xFF) << 8) | (data[from + 1] & 0xFF) : 1005;
		String reason = (length > 2) ? new String(data, from + 2, length - 2, StandardCharsets.UTF_8) : "";
		if (!this.outputClosed) {
			this.outputClosed = true;
			write(WebSocketFrames.CLOSE, false, (length >= 2) ? WebSocketFrames.closePayload(code, "") : new byte[0]);
		}
		closeChannel();
		this.listener.onClose(code, reason);
	}

	private void flush() throws IOException {
		synchronized (this.queued) {
			for (int frames = this.queued.size(); frames > 0; frames--) {
				ByteBuffer frame = this.queued.peek();
				int before = frame.remaining();
				this.channel.write(frame);
				this.queuedBytes -= before - frame.remaining();
				if (frame.hasRemaining()) {
					return;
				}
				this.queued.poll();
			}
			this.key.interestOps(SelectionKey.OP_READ);
		}
	}

	/** The connection failed: before the handshake ended, the handshake fails; after, the listener hears it. */
	private void fail(Throwable error) {
		boolean wasClosed = this.closed;
		closeChannel();
		if (!this.open) {
			this.opened.completeExceptionally(error);
		}
		else if (!wasClosed) {
			this.listener.onError(error);
		}
	}

	private void closeChannel() {
		this.closed = true;
		this.outputClosed = true;
		synchronized (this.queued) {
			this.queued.clear();
			this.queuedBytes = 0;
			try {
				if (this.channel != null) {
					this.channel.close();
				}
			}
			catch (IOException ex) {
				// closed anyway
			}
		}
		PerMessageDeflate deflate = this.deflate;
		if (deflate != null) {
			deflate.end();
		}
	}

	// From any thread

	private IOException write(int opcode, boolean rsv1, byte[] payload) {
		return write(WebSocketFrames.frame(opcode, rsv1, payload, payload.length, ThreadLocalRandom.current().nextInt()));
	}

	/** Writes what the socket takes now and queues the rest for the selector; returns why it failed, or null. */
	private IOException write(ByteBuffer frame) {
		synchronized (this.queued) {
			if (this.channel == null || !this.channel.isOpen()) {
				return new ClosedChannelException();
			}
			try {
				if (this.queued.isEmpty()) {
					this.channel.write(frame);
					if (!frame.hasRemaining()) {
						return null;
					}
				}
				if (this.queuedBytes + frame.remaining() > MAX_QUEUED_BYTES) {
					return new IOException("more than " + MAX_QUEUED_BYTES + " bytes waiting to be written");
				}
				this.queued.add(frame);
				this.queuedBytes += frame.remaining();
				this.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
			}
			catch (IOException ex) {
				return ex;
			}
		}
		this.wakeup.run();
		return null;
	}

	private static int indexOf(ByteBuilder bytes, byte[] needle) {
		byte[] data = bytes.array();
		for (int i = 0; i + needle.length <= bytes.length(); i++) {
			if (data[i] == needle[0] && data[i + 1] == needle[1] && data[i + 2] == needle[2] && data[i + 3] == needle[3]) {
				return i;
			}
		}
		return -1;
	}

}
