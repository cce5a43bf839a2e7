package io.livechat.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on 127.0.0.1 between a browser and the server, which a test controls as the network
 * between them: {@link #stop} makes the server unreachable (connections refused, open ones
 * closed), {@link #cut} closes what is open, and {@link #muteReplies} lets the browser's frames
 * through while nothing comes back (the server has a message, the browser never hears of it).
 */
final class Relay implements AutoCloseable {

	private final int target;

	private final int port;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket listener;

	private volatile boolean muted;

	/** Starts relaying a free local port to {@code target}. */
	Relay(int target) {
		this.target = target;
		this.port = listen(0);
	}

	/** The port browsers connect to. */
	int port() {
		return this.port;
	}

	/** The server is unreachable: new connections are refused and open ones closed. */
	synchronized void stop() {
		closeQuietly(this.listener);
		this.listener = null;
		cut();
	}

	/** The server is reachable again, on the same port. */
	synchronized void start() {
		if (this.listener == null) {
			listen(this.port);
		}
	}

	/** Closes every open connection, as a dropped network does; new ones are still accepted. */
	void cut() {
		this.open.forEach(Relay::closeQuietly);
		this.open.clear();
	}

	/** While muted, what the server sends is dropped; what the browser sends still arrives. */
	void muteReplies(boolean muted) {
		this.muted = muted;
	}

	@Override
	public void close() {
		stop();
	}

	private int listen(int port) {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			this.listener = socket;
			Thread acceptor = new Thread(() -> accept(socket), "relay-accept-" + socket.getLocalPort());
			acceptor.setDaemon(true);
			acceptor.start();
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not listen on 127.0.0.1:" + port, ex);
		}
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket browser = socket.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), this.target);
				browser.setTcpNoDelay(true);
				server.setTcpNoDelay(true);
				this.open.add(browser);
				this.open.add(server);
				pump(browser, server, false);
				pump(server, browser, true);
			}
			catch (IOException ex) {
				// the listener was closed (stop), or the server refused: the browser sees a failed connection
			}
		}
	}

	/** Copies one direction until either side closes, then closes both. */
	private void pump(Socket from, Socket to, boolean replies) {
		Thread pump = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					if (!(replies && this.muted)) {
						out.write(buffer, 0, n);
						out.flush();
					}
				}
			}
			catch (IOException ex) {
				// cut, or closed by either side
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.open.remove(from);
				this.open.remove(to);
			}
		}, "relay-pump");
		pump.setDaemon(true);
		pump.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// closing what is closed already
		}
	}

}
