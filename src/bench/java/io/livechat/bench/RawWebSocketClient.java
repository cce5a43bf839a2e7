package io.livechat.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The tool's own WebSocket client, for what the JDK's cannot do: offer an extension. Plain
 * {@code ws://} over non-blocking sockets, two selector threads for every connection of the
 * run, each connection read, inflated and handed to its listener on the thread of its
 * selector; sends write straight to the socket from the sending thread.
 */
final class RawWebSocketClient implements SocketConnector {

	static final int THREADS = 2;

	/** Longest a selector sleeps, so that handshake time-outs and closing are noticed. */
	private static final long TICK_MILLIS = 100;

	private final String extensionOffer;

	private final List<Loop> loops = new ArrayList<>();

	private final AtomicInteger next = new AtomicInteger();

	/** @param extensionOffer the {@code Sec-WebSocket-Extensions} every handshake sends, none if null */
	RawWebSocketClient(String extensionOffer) {
		this.extensionOffer = extensionOffer;
		try {
			for (int i = 0; i < THREADS; i++) {
				this.loops.add(new Loop(i + 1));
			}
		}
		catch (IOException ex) {
			close();
			throw new UncheckedIOException("Could not open a selector", ex);
		}
		this.loops.forEach(Loop::start);
	}

	@Override
	public CompletableFuture<?> connect(URI url, String subprotocol, Duration timeout, SocketListener listener) {
		if (!"ws".equals(url.getScheme())) {
			return CompletableFuture.failedFuture(new IllegalArgumentException("ws:// only, got " + url));
		}
		Loop loop = this.loops.get(Math.floorMod(this.next.getAndIncrement(), this.loops.size()));
		WebSocketHandshake handshake = WebSocketHandshake.of(url, subprotocol, this.extensionOffer);
		RawWebSocket socket = new RawWebSocket(url, handshake, listener, loop.inflated,
				System.nanoTime() + timeout.toNanos(), loop.selector::wakeup);
		loop.add(socket);
		return socket.opened();
	}

	@Override
	public void close() {
		this.loops.forEach(Loop::stop);
	}

	/** One selector and its thread. */
	private static final class Loop implements Runnable {

		private final Selector selector;

		private final Thread thread;

		private final Queue<RawWebSocket> added = new ConcurrentLinkedQueue<>();

		/** The sockets not open yet, for their time-outs; touched by this loop's thread only. */
		private final List<RawWebSocket> connecting = new ArrayList<>();

		/** One buffer for every read of this loop. */
		private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);

		/** Where this loop's sockets inflate their messages. */
		private final ByteBuilder inflated = new ByteBuilder(RawWebSocket.MAX_MESSAGE_BYTES);

		private final Consumer<SelectionKey> onReady = this::ready;

		private volatile boolean stopped;

		Loop(int number) throws IOException {
			this.selector = Selector.open();
			this.thread = new Thread(this, "loadgen-ws-" + number);
			this.thread.setDaemon(true);
		}

		void start() {
			this.thread.start();
		}

		void add(RawWebSocket socket) {
			this.added.add(socket);
			this.selector.wakeup();
		}

		void stop() {
			this.stopped = true;
			this.selector.wakeup();
		}

		@Override
		public void run() {
			try {
				while (!this.stopped) {
					this.selector.select(this.onReady, TICK_MILLIS);
					register();
					expire();
				}
			}
			catch (IOException | RuntimeException ex) {
				// the loop is gone: its sockets fail below
			}
			finally {
				for (SelectionKey key : this.selector.keys()) {
					((RawWebSocket) key.attachment()).abort();
				}
				this.connecting.forEach(RawWebSocket::abort);
				try {
					this.selector.close();
				}
				catch (IOException ex) {
					// closing anyway
				}
			}
		}

		private void ready(SelectionKey key) {
			((RawWebSocket) key.attachment()).ready(key, this.readBuffer);
		}

		private void register() {
			for (RawWebSocket socket = this.added.poll(); socket != null; socket = this.added.poll()) {
				if (socket.register(this.selector)) {
					this.connecting.add(socket);
				}
			}
		}

		private void expire() {
			long now = System.nanoTime();
			this.connecting.removeIf((socket) -> socket.isHandshakeDone() || socket.expireIfLate(now));
		}

	}

}
