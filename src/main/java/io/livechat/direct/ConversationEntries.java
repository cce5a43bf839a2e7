package io.livechat.direct;

import java.util.List;
import java.util.Set;

import io.livechat.chat.ChatEvents;
import io.livechat.people.People;

/**
 * The entries of people's conversation lists, as each of the two sees theirs: the other's
 * current name and presence, and how far the other has read when both share read receipts; and
 * the {@code conversation} updates to a person's connections on this node. Asks the store, the
 * people directory and the presence with no lock held (all may do I/O).
 */
final class ConversationEntries {

	private final DirectMessageStore store;

	private final People people;

	private final OnlinePeople online;

	private final ReceiptSharing sharing;

	private final Mailboxes mailboxes;

	private final ChatEvents events;

	ConversationEntries(DirectMessageStore store, People people, OnlinePeople online, ReceiptSharing sharing,
			Mailboxes mailboxes, ChatEvents events) {
		this.store = store;
		this.people = people;
		this.online = online;
		this.sharing = sharing;
		this.mailboxes = mailboxes;
		this.events = events;
	}

	/** The person's list, the newest conversation first, at most {@code limit}. */
	ConversationsEvent listOf(String person, int limit) {
		List<DirectMessageStore.Summary> summaries = this.store.conversationsOf(person, limit);
		Set<String> online = this.online.onlineOf(summaries.stream().map(DirectMessageStore.Summary::peer).toList());
		return new ConversationsEvent(summaries.stream().map((summary) -> entry(summary, online)).toList());
	}

	/**
	 * The reader's position in the conversation moved: their connections here hear their entry,
	 * and the other person's hear theirs when both share receipts.
	 */
	void read(String reader, Conversation conversation) {
		tell(reader, conversation);
		String peer = conversation.other(reader);
		if (this.sharing.shares(reader) && this.sharing.shares(peer)) {
			tell(peer, conversation);
		}
	}

	/** The person's entry for the conversation, to their connections here (none without a message). */
	void tell(String person, Conversation conversation) {
		if (!this.mailboxes.isOnline(person)) {
			return;
		}
		DirectMessageStore.Summary summary = this.store.conversation(person, conversation);
		if (summary != null) {
			tell(person, entry(summary, this.online.onlineOf(List.of(summary.peer()))));
		}
	}

	/** The person blocks (or unblocks) {@code peer}, named {@code name}: their entry, even without a message. */
	void tellBlocked(String person, String peer, String name, boolean blocked) {
		Conversation conversation = Conversation.between(person, peer);
		DirectMessageStore.Summary summary = this.store.conversation(person, conversation);
		Set<String> online = this.online.onlineOf(List.of(peer));
		tell(person, (summary != null) ? entry(summary, online) : new ConversationEntry(conversation.id(),
				new Peer(peer, name, online.contains(peer)), 0, 0, 0, 0, blocked, null));
	}

	private void tell(String person, ConversationEntry entry) {
		ConversationEvent event = ConversationEvent.of(entry);
		this.mailboxes.connectionsOf(person).forEach((connection) -> this.events.toConnection(connection, event));
	}

	private ConversationEntry entry(DirectMessageStore.Summary summary, Set<String> online) {
		String peer = summary.peer();
		String name = this.people.nameOf(peer).orElse((summary.last() != null) ? nameIn(summary.last(), peer) : peer);
		String person = summary.conversation().other(peer);
		long peerRead = (this.sharing.shares(person) && this.sharing.shares(peer)) ? summary.peerLastReadId() : 0;
		return new ConversationEntry(summary.conversation().id(), new Peer(peer, name, online.contains(peer)),
				summary.lastId(), summary.lastReadId(), peerRead, summary.unread(), summary.blocked(), summary.last());
	}

	private static String nameIn(DirectMessage message, String person) {
		return message.from().id().equals(person) ? message.from().name() : message.to().name();
	}

}
