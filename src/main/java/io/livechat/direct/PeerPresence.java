package io.livechat.direct;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.livechat.chat.ChatEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the people someone has a conversation with when that someone comes online or goes
 * offline here, at most once per interval per person, the newest state: changes collect in a
 * map, and the scheduler's thread sends them (finding the peers is I/O, so never under a lock).
 */
final class PeerPresence {

	private static final Logger logger = LoggerFactory.getLogger(PeerPresence.class);

	private final DirectMessageStore store;

	private final Mailboxes mailboxes;

	private final ChatEvents events;

	private Map<String, Boolean> changed = new LinkedHashMap<>();

	PeerPresence(DirectMessageStore store, Mailboxes mailboxes, ChatEvents events) {
		this.store = store;
		this.mailboxes = mailboxes;
		this.events = events;
	}

	/** Sends what changed every {@code interval}, from {@code scheduler}. */
	void start(ScheduledExecutorService scheduler, Duration interval) {
		scheduler.scheduleWithFixedDelay(this::flush, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
	}

	synchronized void changed(String person, boolean online) {
		this.changed.put(person, online);
	}

	void flush() {
		Map<String, Boolean> batch;
		synchronized (this) {
			if (this.changed.isEmpty()) {
				return;
			}
			batch = this.changed;
			this.changed = new LinkedHashMap<>();
		}
		batch.forEach((person, online) -> {
			try {
				PresenceEvent event = new PresenceEvent(person, online);
				for (String peer : this.store.peersOf(person)) {
					this.mailboxes.connectionsOf(peer).forEach((connection) -> this.events.toConnection(connection, event));
				}
			}
			catch (RuntimeException ex) { // the store is down: the next list says it
				logger.debug("Could not tell the peers of a person that they are {}: {}", online ? "online" : "offline",
						ex.getMessage());
			}
		});
	}

}
