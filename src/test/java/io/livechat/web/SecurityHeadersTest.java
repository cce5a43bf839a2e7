package io.livechat.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersTest {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/index.html", "/chat.html", "/js/client.js", "/api/rooms" })
	void everyResponseForbidsInlineScriptsFramingAndSniffing(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/index.html", "/chat.html" })
	void pagesCarryNoInlineScriptOrHandler(String path) throws Exception {
		String page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();

		assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
		assertThat(page).doesNotContainPattern("\\son[a-z]+\\s*=");
		assertThat(page).doesNotContain("javascript:");
	}

}
