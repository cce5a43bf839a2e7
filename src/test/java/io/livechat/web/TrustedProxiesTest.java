package io.livechat.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrustedProxiesTest {

	private final TrustedProxies proxies = new TrustedProxies(
			List.of("10.0.0.0/8", "172.16.0.0/12", "100.64.0.0/10", "127.0.0.1", "fc00::/7"));

	@Test
	void containsTheAddressesOfItsNetworks() {
		assertThat(this.proxies.contains("10.1.2.3")).isTrue();
		assertThat(this.proxies.contains("172.31.255.255")).isTrue();
		assertThat(this.proxies.contains("100.127.0.1")).isTrue();
		assertThat(this.proxies.contains("127.0.0.1")).isTrue();
		assertThat(this.proxies.contains("fd12:3456::1")).isTrue();
		assertThat(this.proxies.contains("[fd12:3456::1]")).isTrue();
	}

	@Test
	void andNoOthers() {
		assertThat(this.proxies.contains("11.0.0.1")).isFalse();
		assertThat(this.proxies.contains("172.32.0.1")).isFalse();
		assertThat(this.proxies.contains("100.128.0.1")).isFalse();
		assertThat(this.proxies.contains("127.0.0.2")).isFalse();
		assertThat(this.proxies.contains("2001:db8::1")).isFalse();
	}

	@Test
	void neverLooksUpANameOrTakesItForAProxy() {
		assertThat(this.proxies.contains("localhost")).isFalse();
		assertThat(this.proxies.contains("proxy.internal")).isFalse();
		assertThat(this.proxies.contains("")).isFalse();
		assertThat(this.proxies.contains(null)).isFalse();
	}

	@Test
	void refusesASettingThatIsNotANetwork() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TrustedProxies(List.of("proxy.example.com/8")));
	}

}
