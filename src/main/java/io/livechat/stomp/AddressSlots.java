package io.livechat.stomp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open connections per address, up to a cap: a household or an office behind one NAT may open
 * that many, a script on one machine no more.
 */
final class AddressSlots {

	private final int maxPerAddress;

	/** Open connections by address key; an address with none has no entry. */
	private final Map<String, Integer> open = new ConcurrentHashMap<>();

	AddressSlots(int maxPerAddress) {
		this.maxPerAddress = maxPerAddress;
	}

	/** Takes a slot of the address; false when it has none left. */
	boolean take(String addressKey) {
		boolean[] taken = new boolean[1];
		this.open.compute(addressKey, (key, count) -> {
			int now = (count != null) ? count : 0;
			taken[0] = now < this.maxPerAddress;
			return taken[0] ? now + 1 : count;
		});
		return taken[0];
	}

	void release(String addressKey) {
		this.open.computeIfPresent(addressKey, (key, count) -> (count <= 1) ? null : count - 1);
	}

	/** How many addresses hold slots. */
	int addresses() {
		return this.open.size();
	}

}
