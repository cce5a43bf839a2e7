package io.livechat.web;

import java.util.List;

import jakarta.servlet.ServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose request it is: behind the platform's proxy, the client named in X-Forwarded-For by the
 * last hop that is not a trusted proxy; from anywhere else, the peer itself.
 */
class ClientAddressFilterTest {

	private final ClientAddressFilter filter = new ClientAddressFilter(
			new TrustedProxies(List.of("10.0.0.0/8", "127.0.0.0/8", "::1/128", "fc00::/7")));

	@ParameterizedTest(name = "from {0} with X-Forwarded-For \"{1}\": {2}")
	@CsvSource(delimiter = '|', value = {
			"10.0.0.5   | 203.0.113.9                      | 203.0.113.9",
			"10.0.0.5   | 203.0.113.9, 10.0.0.4            | 203.0.113.9",
			"10.0.0.5   | 1.2.3.4, 203.0.113.9             | 203.0.113.9",
			"10.0.0.5   | evil, 203.0.113.9                | 203.0.113.9",
			"10.0.0.5   | 10.0.0.3, 10.0.0.4               | 10.0.0.3",
			"10.0.0.5   | 203.0.113.9:4711                 | 203.0.113.9",
			"10.0.0.5   | [2001:db8::1]:4711               | 2001:db8::1",
			"127.0.0.1  | 2001:db8::7                      | 2001:db8::7",
			"203.0.113.1| 198.51.100.7                     | 203.0.113.1",
			"10.0.0.5   | spoofed.example.com              | spoofed.example.com" })
	void namesTheClientAsTheLastUntrustedHopSaysOrThePeer(String peer, String forwardedFor, String client)
			throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(peer);
		request.addHeader("X-Forwarded-For", forwardedFor);

		assertThat(clientOf(request)).isEqualTo(client);
	}

	@Test
	void severalForwardedForHeadersAreOneList() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("10.0.0.5");
		request.addHeader("X-Forwarded-For", "1.2.3.4");
		request.addHeader("X-Forwarded-For", "203.0.113.9");

		assertThat(clientOf(request)).isEqualTo("203.0.113.9");
	}

	@Test
	void aRequestWithoutTheHeaderKeepsItsPeer() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("10.0.0.5");

		assertThat(clientOf(request)).isEqualTo("10.0.0.5");
	}

	private String clientOf(MockHttpServletRequest request) throws Exception {
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, new MockHttpServletResponse(), chain);
		ServletRequest passedOn = chain.getRequest();
		if (passedOn != request) { // named by a proxy: its host is the address, never looked up
			assertThat(passedOn.getRemoteHost()).isEqualTo(passedOn.getRemoteAddr());
		}
		return passedOn.getRemoteAddr();
	}

}
