package io.livechat.direct;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Who has a connection: here ({@link Mailboxes}), and in a cluster on any node. Told when a
 * person's first connection on this node joins and when their last one here closes (either may do
 * I/O: called with no lock held).
 */
public interface OnlinePeople {

	void arrived(String person);

	void departed(String person);

	/** Those of {@code people} with a connection now. */
	Set<String> onlineOf(Collection<String> people);

	/** A node alone: online is online here. */
	static OnlinePeople here(Mailboxes mailboxes) {
		return new OnlinePeople() {

			@Override
			public void arrived(String person) {
			}

			@Override
			public void departed(String person) {
			}

			@Override
			public Set<String> onlineOf(Collection<String> people) {
				Set<String> online = new HashSet<>();
				people.forEach((person) -> {
					if (mailboxes.isOnline(person)) {
						online.add(person);
					}
				});
				return online;
			}

		};
	}

}
