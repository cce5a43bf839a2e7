package io.livechat.images;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Uploads and fetches images over HTTP as the page does: a multipart part {@code file}, the client's header. */
public final class TestUploads {

	public static final String CLIENT_HEADER = "X-LiveChat-Client";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final String BOUNDARY = "----livechat-test-boundary-7MA4YWxkTrZu0gW";

	private TestUploads() {
	}

	/** POST {@code file} to {@code base}/api/uploads as {@code clientId} (null: no header), named and typed as given. */
	public static HttpResponse<String> upload(String base, String clientId, byte[] file, String filename,
			String declaredType) {
		return uploadBody(base, clientId, multipart(file, filename, declaredType));
	}

	/** POST a multipart body made by {@link #multipart} (one body may be sent by many). */
	public static HttpResponse<String> uploadBody(String base, String clientId, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/uploads"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			// streamed from the one array (ofByteArray would copy it for each request), with its length
			.POST(HttpRequest.BodyPublishers.fromPublisher(
					HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), body.length));
		if (clientId != null) {
			request.header(CLIENT_HEADER, clientId);
		}
		return send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	public static HttpResponse<String> upload(String base, String clientId, byte[] file) {
		return upload(base, clientId, file, "picture.png", "image/png");
	}

	/** GET a path of {@code base} as {@code clientId} (null: no header). */
	public static HttpResponse<byte[]> fetch(String base, String path, String clientId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		if (clientId != null) {
			request.header(CLIENT_HEADER, clientId);
		}
		return send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	public static byte[] multipart(byte[] file, String filename, String declaredType) {
		ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 512);
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return http.send(request, handler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
