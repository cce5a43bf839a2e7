package io.livechat.direct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.livechat.chat.MessageImage;
import io.livechat.people.Person;

/**
 * Direct messages kept for as long as the process runs ({@code livechat.store=memory}), each
 * conversation's newest {@value #KEPT} only. One monitor guards everything; nothing here blocks.
 */
public final class InMemoryDirectMessageStore implements DirectMessageStore {

	static final int KEPT = 500;

	private final Map<String, Log> logs = new HashMap<>();

	private final Map<String, Set<String>> peers = new HashMap<>();

	/** Read positions, by person and conversation id. */
	private final Map<String, Long> reads = new HashMap<>();

	private final Set<String> blocks = new HashSet<>();

	@Override
	public void append(Conversation conversation, Person from, Person to, String text, MessageImage image,
			long timestamp, boolean hidden, String clientMsgId, Stored then) {
		DirectMessage message;
		Long known;
		synchronized (this) {
			Log log = this.logs.computeIfAbsent(conversation.id(), (id) -> new Log());
			String key = (clientMsgId != null) ? from.id() + "\n" + clientMsgId : null;
			known = (key != null) ? log.clientIds.get(key) : null;
			message = (known != null) ? null
					: new DirectMessage(log.lastId + 1, conversation.id(), from, to, text, timestamp, image);
			if (message != null) {
				keep(log, key, message, hidden);
				this.peers.computeIfAbsent(from.id(), (id) -> new HashSet<>()).add(to.id());
				this.peers.computeIfAbsent(to.id(), (id) -> new HashSet<>()).add(from.id());
				this.reads.put(readKey(from.id(), conversation), message.id());
			}
		}
		if (known != null) {
			then.alreadyStored(known);
		}
		else {
			then.stored(message);
		}
	}

	private static void keep(Log log, String clientKey, DirectMessage message, boolean hidden) {
		log.lastId = message.id();
		if (clientKey != null) {
			log.clientIds.put(clientKey, message.id());
		}
		log.messages.add(new Kept(message, hidden));
		if (log.messages.size() > KEPT) {
			log.messages.remove(0);
		}
	}

	@Override
	public synchronized List<Summary> conversationsOf(String person, int limit) {
		List<Summary> summaries = new ArrayList<>();
		for (String peer : this.peers.getOrDefault(person, Set.of())) {
			Summary summary = conversation(person, Conversation.between(person, peer));
			if (summary != null && !summary.blocked()) {
				summaries.add(summary);
			}
		}
		summaries.sort(Comparator.comparingLong((Summary summary) -> (summary.last() != null) ? summary.last().timestamp() : 0)
			.thenComparingLong(Summary::lastId)
			.reversed());
		return List.copyOf(summaries.subList(0, Math.min(limit, summaries.size())));
	}

	@Override
	public synchronized Summary conversation(String person, Conversation conversation) {
		Log log = this.logs.get(conversation.id());
		if (log == null) {
			return null;
		}
		String peer = conversation.other(person);
		long read = this.reads.getOrDefault(readKey(person, conversation), 0L);
		int unread = 0;
		DirectMessage last = null;
		for (Kept kept : log.messages) {
			if (kept.visibleTo(person)) {
				last = kept.message;
				if (kept.message.id() > read && kept.message.from().id().equals(peer)) {
					unread++;
				}
			}
		}
		long peerRead = this.reads.getOrDefault(readKey(peer, conversation), 0L);
		return new Summary(conversation, peer, log.lastId, read, peerRead, unread, blocks(person, peer), last);
	}

	@Override
	public synchronized Page page(Conversation conversation, String viewer, Long beforeId, Long sinceId, int limit) {
		Log log = this.logs.get(conversation.id());
		if (log == null) {
			return new Page(List.of(), false);
		}
		List<DirectMessage> visible = log.messages.stream()
			.filter((kept) -> kept.visibleTo(viewer))
			.map(Kept::message)
			.toList();
		if (sinceId != null) {
			List<DirectMessage> after = visible.stream().filter((message) -> message.id() > sinceId).toList();
			return new Page(List.copyOf(after.subList(0, Math.min(limit, after.size()))), after.size() > limit);
		}
		long below = (beforeId != null) ? beforeId : Long.MAX_VALUE;
		List<DirectMessage> before = visible.stream().filter((message) -> message.id() < below).toList();
		int from = Math.max(0, before.size() - limit);
		return new Page(List.copyOf(before.subList(from, before.size())), from > 0);
	}

	@Override
	public synchronized boolean markRead(String person, Conversation conversation, long id) {
		Log log = this.logs.get(conversation.id());
		if (log == null) {
			return false;
		}
		long before = this.reads.getOrDefault(readKey(person, conversation), 0L);
		return this.reads.merge(readKey(person, conversation), Math.min(id, log.lastId), Math::max) > before;
	}

	@Override
	public synchronized void block(String person, String other, boolean blocked) {
		if (blocked) {
			this.blocks.add(person + " " + other);
		}
		else {
			this.blocks.remove(person + " " + other);
		}
	}

	@Override
	public synchronized boolean blocks(String person, String other) {
		return this.blocks.contains(person + " " + other);
	}

	@Override
	public synchronized boolean exists(Conversation conversation) {
		return this.logs.containsKey(conversation.id());
	}

	@Override
	public synchronized List<String> peersOf(String person) {
		return List.copyOf(this.peers.getOrDefault(person, Set.of()));
	}

	@Override
	public synchronized int deleteOlderThan(long cutoffMillis) {
		int deleted = 0;
		for (Log log : this.logs.values()) {
			int before = log.messages.size();
			log.messages.removeIf((kept) -> kept.message.timestamp() < cutoffMillis);
			deleted += before - log.messages.size();
		}
		return deleted;
	}

	private static String readKey(String person, Conversation conversation) {
		return person + " " + conversation.id();
	}

	private static final class Log {

		private final List<Kept> messages = new ArrayList<>();

		private long lastId;

		/** Each sender's client ids, to the messages they became (as long as the conversation is kept). */
		private final Map<String, Long> clientIds = new HashMap<>();

	}

	private record Kept(DirectMessage message, boolean hidden) {

		boolean visibleTo(String person) {
			return !this.hidden || !this.message.to().id().equals(person);
		}

	}

}
