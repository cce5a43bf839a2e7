package io.livechat.stomp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

	@Test
	void anIpv4AddressIsItsOwnKey() {
		assertThat(ClientAddress.of("203.0.113.5")).isEqualTo(new ClientAddress("203.0.113.5", false));
	}

	@Test
	void ipv6AddressesOfOneNetworkShareAKey() {
		ClientAddress first = ClientAddress.of("2001:db8:1:2:aaaa::1");
		ClientAddress second = ClientAddress.of("2001:db8:1:2:bbbb:cccc:dddd:eeee");

		assertThat(first.key()).isEqualTo(second.key()).isEqualTo("2001:db8:1:2::/64");
		assertThat(ClientAddress.of("2001:db8:1:3::1").key()).isNotEqualTo(first.key());
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.0.0.2", "::1", "0:0:0:0:0:0:0:1" })
	void loopbackIsKnownAsSuch(String address) {
		assertThat(ClientAddress.of(address).loopback()).isTrue();
	}

	@Test
	void anIpv4MappedIpv6AddressIsTheIpv4Address() {
		assertThat(ClientAddress.of("::ffff:203.0.113.5").key()).isEqualTo("203.0.113.5");
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "evil.example.com", "unknown" })
	void aNameIsNeverLookedUpAndNeverTakenForLoopback(String name) {
		assertThat(ClientAddress.of(name)).isEqualTo(new ClientAddress(name, false));
	}

}
