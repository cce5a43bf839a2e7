package io.livechat.stomp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressSlotsTest {

	private final AddressSlots slots = new AddressSlots(2);

	@Test
	void anAddressTakesUpToItsCap() {
		assertThat(this.slots.take("203.0.113.5")).isTrue();
		assertThat(this.slots.take("203.0.113.5")).isTrue();

		assertThat(this.slots.take("203.0.113.5")).isFalse();
		assertThat(this.slots.take("198.51.100.7")).isTrue();
	}

	@Test
	void aReleasedSlotCanBeTakenAgainAndAnEmptyAddressIsForgotten() {
		this.slots.take("203.0.113.5");
		this.slots.take("203.0.113.5");

		this.slots.release("203.0.113.5");

		assertThat(this.slots.take("203.0.113.5")).isTrue();
		this.slots.release("203.0.113.5");
		this.slots.release("203.0.113.5");
		assertThat(this.slots.addresses()).isZero();
	}

}
