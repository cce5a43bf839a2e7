package io.livechat.stomp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One SockJS session over plain HTTP, as a browser without WebSocket opens it: xhr-streaming
 * down, {@code xhr_send} up, with a cookie jar of its own.
 */
final class SockJsHttpSession implements AutoCloseable {

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final String base;

	private InputStream stream;

	private BufferedReader down;

	private SockJsHttpSession(String base) {
		this.base = base;
	}

	/** Opens the streaming request of a new session and reads the SockJS open frame. */
	static SockJsHttpSession open(int port) throws Exception {
		SockJsHttpSession session = new SockJsHttpSession(
				"http://127.0.0.1:" + port + "/sockjs/000/" + UUID.randomUUID().toString().replace("-", ""));
		HttpResponse<InputStream> response = session.http.sendAsync(HttpRequest
			.newBuilder(URI.create(session.base + "/xhr_streaming"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofInputStream()).get(ChatClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		if (response.statusCode() != 200) {
			throw new IOException("xhr_streaming answered " + response.statusCode());
		}
		session.stream = response.body();
		session.down = new BufferedReader(new InputStreamReader(session.stream, StandardCharsets.UTF_8));
		if (!"o".equals(session.nextFrame())) {
			throw new IOException("Expected the SockJS open frame");
		}
		return session;
	}

	/** The session's URL, up to its id: {@code http://host:port/sockjs/000/<id>}. */
	String base() {
		return this.base;
	}

	/** Posts STOMP frames (each without its NUL) to {@code xhr_send}; returns the status. */
	int send(String... stompFrames) throws Exception {
		return post(this.http, body(stompFrames)).statusCode();
	}

	/** Posts a raw {@code xhr_send} body with this session's cookies. */
	HttpResponse<String> post(String body) throws Exception {
		return post(this.http, body);
	}

	/** Posts a raw {@code xhr_send} body as another HTTP client would: without this session's cookies. */
	HttpResponse<String> postAsStranger(String body, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + "/xhr_send"))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(HttpClient client, String body) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(this.base + "/xhr_send"))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A SockJS {@code xhr_send} body: a JSON array of the frames, each with its NUL. */
	static String body(String... stompFrames) {
		StringBuilder body = new StringBuilder("[");
		for (int i = 0; i < stompFrames.length; i++) {
			body.append((i > 0) ? "," : "").append(ChatClient.quote(stompFrames[i] + "\0"));
		}
		return body.append(']').toString();
	}

	/** The next SockJS frame on the stream, skipping the prelude of 'h's and heart-beats. */
	String nextFrame() throws IOException {
		String line;
		do {
			line = this.down.readLine();
		}
		while (line != null && (line.isEmpty() || line.chars().allMatch((c) -> c == 'h')));
		return line;
	}

	/** Reads frames until one contains {@code text}; returns it. */
	String awaitFrameContaining(String text) throws IOException {
		for (int i = 0; i < 50; i++) {
			String frame = nextFrame();
			if (frame == null) {
				throw new IOException("The stream ended before a frame with " + text);
			}
			if (frame.contains(text)) {
				return frame;
			}
		}
		throw new IOException("No frame with " + text + " among the next 50");
	}

	/**
	 * Ends the STOMP session cleanly (a DISCONNECT, so its user leaves at once: a vanished
	 * HTTP stream is noticed only at the next SockJS heart-beat), then the stream.
	 */
	@Override
	public void close() throws IOException {
		try {
			post(this.http, body("DISCONNECT\n\n"));
		}
		catch (Exception ex) {
			// gone already
		}
		if (this.stream != null) {
			this.stream.close();
		}
	}

}
