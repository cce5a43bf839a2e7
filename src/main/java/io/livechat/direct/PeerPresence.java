package io.livechat.direct;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.livechat.chat.ChatEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the people someone has a conversation with when that someone comes online or goes
 * offline, at most once per interval per person, with the state at that moment: changes collect
 * in a set, and the scheduler's thread reads the state and sends it (finding the peers and, in a
 * cluster, who is online is I/O, so never under a lock).
 */
final class PeerPresence {

	private static final Logger logger = LoggerFactory.getLogger(PeerPresence.class);

	private final DirectMessageStore store;

	private final Mailboxes mailboxes;

	private final ChatEvents events;

	private final OnlinePeople online;

	private Set<String> changed = new LinkedHashSet<>();

	PeerPresence(DirectMessageStore store, Mailboxes mailboxes, ChatEvents events, OnlinePeople online) {
		this.store = store;
		this.mailboxes = mailboxes;
		this.events = events;
		this.online = online;
	}

	/** Sends what changed every {@code interval}, from {@code scheduler}. */
	void start(ScheduledExecutorService scheduler, Duration interval) {
		scheduler.scheduleWithFixedDelay(this::flush, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
	}

	/** The person came or went (here, or on another node). */
	synchronized void changed(String person) {
		this.changed.add(person);
	}

	void flush() {
		Set<String> batch;
		synchronized (this) {
			if (this.changed.isEmpty()) {
				return;
			}
			batch = this.changed;
			this.changed = new LinkedHashSet<>();
		}
		try {
			Set<String> online = this.online.onlineOf(batch);
			for (String person : batch) {
				PresenceEvent event = new PresenceEvent(person, online.contains(person));
				for (String peer : this.store.peersOf(person)) {
					this.mailboxes.connectionsOf(peer).forEach((connection) -> this.events.toConnection(connection, event));
				}
			}
		}
		catch (RuntimeException ex) { // the store is down: the next list says it
			logger.debug("Could not tell peers who came and went: {}", ex.getMessage());
		}
	}

}
