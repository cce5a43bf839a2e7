package io.livechat.stomp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.livechat.config.LiveChatProperties;
import io.livechat.config.RateConverter;
import io.livechat.stomp.ConnectionQuotas.Action;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionQuotasTest {

	private static final ClientAddress HOME = ClientAddress.of("203.0.113.5");

	private static final ClientAddress LOOPBACK = ClientAddress.of("127.0.0.1");

	private final AtomicLong now = new AtomicLong();

	private final ConnectionQuotas quotas = quotas(Map.of());

	/** The quotas with the default limits, changed by {@code settings} (as in application.properties). */
	private ConnectionQuotas quotas(Map<String, String> settings) {
		ApplicationConversionService conversions = new ApplicationConversionService();
		conversions.addConverter(new RateConverter());
		LiveChatProperties properties = new Binder(List.of(new MapConfigurationPropertySource(settings)), null,
				conversions)
			.bindOrCreate("livechat", LiveChatProperties.class);
		return new ConnectionQuotas(properties.limits(), this.now::get);
	}

	@Nested
	class PerConnection {

		@Test
		void allowsABurstOfTwentyMessagesThenFivePerSecond() {
			quotas.register("c1", HOME);

			assertThat(takeAll(quotas, "c1", Action.SEND)).isEqualTo(20);
			advance(1000);
			assertThat(takeAll(quotas, "c1", Action.SEND)).isEqualTo(5);
			advance(200);
			assertThat(takeAll(quotas, "c1", Action.SEND)).isEqualTo(1);
		}

		@Test
		void refillsNoMoreThanTheBurst() {
			quotas.register("c1", HOME);
			advance(60_000);

			assertThat(takeAll(quotas, "c1", Action.SEND)).isEqualTo(20);
		}

		@Test
		void countsEachActionSeparately() {
			quotas.register("c1", HOME);
			takeAll(quotas, "c1", Action.SEND);

			assertThat(quotas.tryAcquire("c1", Action.TYPING)).isTrue();
			assertThat(quotas.tryAcquire("c1", Action.JOIN)).isTrue();
		}

		@Test
		void refusesEverythingForAConnectionThatIsGone() {
			quotas.register("c1", HOME);
			quotas.forget("c1");

			assertThat(quotas.tryAcquire("c1", Action.SEND)).isFalse();
			assertThat(quotas.size()).isZero();
		}

	}

	@Nested
	class PerPerson {

		@Test
		void everyTabOfOnePersonDrawsOnOneBucket() {
			for (int tab = 0; tab < 5; tab++) {
				quotas.register("tab" + tab, LOOPBACK);
				quotas.identify("tab" + tab, "browser-of-pat");
			}

			int sent = 0;
			for (int tab = 0; tab < 5; tab++) {
				sent += takeAll(quotas, "tab" + tab, Action.SEND);
			}

			assertThat(sent).isEqualTo(20);
		}

		@Test
		void aRefusalByThePersonsBucketCostsTheConnectionNothing() {
			quotas.register("tab1", LOOPBACK);
			quotas.register("tab2", LOOPBACK);
			quotas.identify("tab1", "browser-of-pat");
			takeAll(quotas, "tab1", Action.SEND);
			quotas.identify("tab2", "browser-of-pat");

			assertThat(quotas.tryAcquire("tab2", Action.SEND)).isFalse();
			quotas.identify("tab2", "another-browser");

			assertThat(takeAll(quotas, "tab2", Action.SEND)).isEqualTo(20);
		}

		@Test
		void reconnectingDoesNotBuyAFreshBurst() {
			quotas.register("c1", LOOPBACK);
			quotas.identify("c1", "browser-of-pat");
			takeAll(quotas, "c1", Action.SEND);
			quotas.forget("c1");
			quotas.sweep();

			quotas.register("c2", LOOPBACK);
			quotas.identify("c2", "browser-of-pat");

			assertThat(quotas.tryAcquire("c2", Action.SEND)).isFalse();
		}

		@Test
		void aPersonWithNoConnectionIsForgottenOnceTheirBucketsHaveRefilled() {
			quotas.register("c1", LOOPBACK);
			quotas.identify("c1", "browser-of-pat");
			takeAll(quotas, "c1", Action.SEND);
			quotas.forget("c1");
			advance(60_000);

			quotas.sweep();

			assertThat(quotas.sharedSize()).isZero();
		}

	}

	@Nested
	class PerAddress {

		@Test
		void everyoneBehindOneAddressSharesItsBucket() {
			ConnectionQuotas quotas = quotas(addressSendBurst(30));
			for (int person = 0; person < 3; person++) {
				quotas.register("c" + person, HOME);
				quotas.identify("c" + person, "browser-" + person);
			}

			int sent = 0;
			for (int person = 0; person < 3; person++) {
				sent += takeAll(quotas, "c" + person, Action.SEND);
			}

			assertThat(sent).isEqualTo(30);
		}

		@Test
		void otherAddressesHaveTheirOwn() {
			ConnectionQuotas quotas = quotas(addressSendBurst(5));
			quotas.register("c1", HOME);
			quotas.register("c2", ClientAddress.of("198.51.100.7"));
			takeAll(quotas, "c1", Action.SEND);

			assertThat(takeAll(quotas, "c2", Action.SEND)).isEqualTo(5);
		}

		@Test
		void loopbackIsExemptUnlessSaidOtherwise() {
			ConnectionQuotas exempt = quotas(addressSendBurst(5));
			Map<String, String> notExempt = new java.util.HashMap<>(addressSendBurst(5));
			notExempt.put("livechat.limits.per-address.exempt-loopback", "false");
			ConnectionQuotas counted = quotas(notExempt);
			for (int i = 0; i < 3; i++) {
				exempt.register("c" + i, LOOPBACK);
				counted.register("c" + i, LOOPBACK);
			}

			assertThat(takeAll(exempt, "c0", Action.SEND) + takeAll(exempt, "c1", Action.SEND)).isEqualTo(40);
			assertThat(takeAll(counted, "c0", Action.SEND) + takeAll(counted, "c1", Action.SEND)).isEqualTo(5);
		}

	}

	private static Map<String, String> addressSendBurst(int burst) {
		return Map.of("livechat.limits.per-address.send.burst", String.valueOf(burst),
				"livechat.limits.per-address.send.per-second", "1");
	}

	private static int takeAll(ConnectionQuotas quotas, String connectionId, Action action) {
		int taken = 0;
		while (taken < 1000 && quotas.tryAcquire(connectionId, action)) {
			taken++;
		}
		return taken;
	}

	private void advance(long millis) {
		this.now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
	}

}
