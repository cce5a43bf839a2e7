package io.livechat.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "livechat.metrics.token=" + HttpHardeningTest.TOKEN)
class HttpHardeningTest {

	static final String TOKEN = "scrape-token-for-tests";

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/info" })
	void actuatorExposesHealthAndInfoToAnyone(String path) throws Exception {
		assertThat(get(path).statusCode()).isEqualTo(200);
	}

	@Test
	void prometheusAnswersOnlyAScraperWithTheToken() throws Exception {
		assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", "Authorization", "Bearer wrong-token").statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", "Authorization", "Basic " + TOKEN).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
	}

	@Test
	void theContainersOwnErrorPagesCarryTheSecurityHeaders() throws Exception {
		String response = rawRequest("GET /api/rooms/..%2fgeneral/messages");

		assertThat(response).startsWith("HTTP/1.1 400");
		String head = response.substring(0, response.indexOf("\r\n\r\n"));
		assertThat(head).contains("Content-Security-Policy: default-src 'self'", "X-Content-Type-Options: nosniff",
				"X-Frame-Options: DENY", "Referrer-Policy: no-referrer");
	}

	@Test
	void aRequestBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(5000);
			socket.getOutputStream()
				.write(("POST /api/rooms HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
						+ "Content-Length: " + 50 * 1024 * 1024 + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));

			String status = new String(socket.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);

			assertThat(status).isEqualTo("HTTP/1.1 413");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
			"/actuator/threaddump", "/actuator/loggers", "/actuator/metrics", "/actuator/mappings" })
	void actuatorExposesNothingElse(String path) throws Exception {
		assertThat(get(path).statusCode()).isEqualTo(404);
	}

	@Test
	void healthShowsNoDetails() throws Exception {
		assertThat(get("/actuator/health").body()).doesNotContain("components", "details", "diskSpace");
	}

	@Test
	void prometheusCarriesTheChatMetrics() throws Exception {
		assertThat(get("/actuator/prometheus", "Authorization", "Bearer " + TOKEN).body()).contains("livechat_connections", "livechat_joins_total",
				"livechat_messages_received_total", "livechat_deliveries_total", "livechat_broadcast_seconds_bucket",
				"livechat_slow_consumer_drops_total");
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET /no/such/page", "GET /api/rooms/%ZZ", "POST /api/rooms",
			"GET /../../etc/passwd", "GET /sockjs/x/y/z" })
	void errorsRevealNoInternals(String requestLine) throws Exception {
		String response = rawRequest(requestLine);

		assertThat(response).matches("(?s)HTTP/1.1 4\\d\\d.*");
		assertThat(response).doesNotContain("Exception", "at io.", "at org.", "\"trace\"", "springframework",
				"Apache Tomcat/");
	}

	private String rawRequest(String requestLine) throws Exception {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(5000);
			socket.getOutputStream()
				.write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
					.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
