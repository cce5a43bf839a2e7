package io.livechat.direct;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import io.livechat.chat.AckEvent;
import io.livechat.chat.ChatEvents;
import io.livechat.chat.ChatException;
import io.livechat.chat.ErrorCode;
import io.livechat.chat.ImageClaims;
import io.livechat.chat.MessageImage;
import io.livechat.chat.MessageText;
import io.livechat.people.People;
import io.livechat.people.Person;
import io.livechat.people.PublicIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct messages between two people: stored first, then delivered to every connection of the
 * sender and of the recipient on this node, and to no one else. A connection has an identity
 * (its person's public id) from its first join; before that it may not use any of this.
 * <p>
 * Everything here runs on the caller's thread with no lock held while the store or the people
 * directory is asked (both may do I/O); deliveries go through {@link ChatEvents#toConnection},
 * which does not block.
 */
public class DirectMessages {

	private static final Logger logger = LoggerFactory.getLogger(DirectMessages.class);

	/** The most conversations a list holds. */
	public static final int LIST_LIMIT = 100;

	/** A page of a conversation: at most this many messages. */
	public static final int MAX_PAGE = 100;

	public static final int DEFAULT_PAGE = 50;

	private final DirectMessageStore store;

	private final People people;

	private final ChatEvents events;

	private final Clock clock;

	private final Mailboxes mailboxes;

	private final DirectMessageRoute route;

	private final OnlinePeople online;

	private final ConversationStarts starts;

	private final PeerPresence presence;

	private final ConversationEntries entries;

	private final ImageClaims images;

	/** A node alone: messages go to this node's connections only. */
	public DirectMessages(DirectMessageStore store, People people, ChatEvents events, Clock clock,
			int conversationsPerHour) {
		this(store, people, events, new Mailboxes(), null, null, ReceiptSharing.EVERYONE, ImageClaims.NONE, clock,
				conversationsPerHour);
	}

	/**
	 * @param mailboxes this node's connections by person
	 * @param route where stored messages go (null: {@link LocalDelivery} to {@code mailboxes})
	 * @param online who is connected anywhere (null: here, in {@code mailboxes})
	 * @param sharing who shows (and sees) how far people have read
	 * @param images the uploads a message may carry
	 */
	public DirectMessages(DirectMessageStore store, People people, ChatEvents events, Mailboxes mailboxes,
			DirectMessageRoute route, OnlinePeople online, ReceiptSharing sharing, ImageClaims images, Clock clock,
			int conversationsPerHour) {
		this.store = store;
		this.people = people;
		this.events = events;
		this.mailboxes = mailboxes;
		this.route = (route != null) ? route : new LocalDelivery(mailboxes, events)::deliver;
		this.online = (online != null) ? online : OnlinePeople.here(mailboxes);
		this.clock = clock;
		this.starts = new ConversationStarts(conversationsPerHour, System::nanoTime);
		this.presence = new PeerPresence(store, this.mailboxes, events, this.online);
		this.entries = new ConversationEntries(store, people, this.online, sharing, mailboxes, events);
		this.images = images;
	}

	/** Tells peers who came online or went offline, every {@code interval}, from {@code scheduler}. */
	public void startPresence(ScheduledExecutorService scheduler, Duration interval) {
		this.presence.start(scheduler, interval);
	}

	/** A new connection; it has no identity until it joins. */
	public void connected(String connectionId) {
		this.mailboxes.open(connectionId);
	}

	/**
	 * The connection joined a room as {@code person}: the person is known from now on under that
	 * name, the connection receives their direct messages, and gets their conversations.
	 */
	public void joined(String connectionId, Person person) {
		try {
			this.people.remember(person);
		}
		catch (ChatException ex) { // the join stands; messages to them wait for a join that is remembered
			logger.warn("Could not remember a person who joined: {}", ex.getMessage());
		}
		announce(this.mailboxes.claim(connectionId, person.id()));
		try {
			if (this.mailboxes.ownerOf(connectionId) != null) {
				conversations(connectionId);
			}
		}
		catch (ChatException ex) { // the join stands; the page can ask again
			logger.warn("Could not list the conversations of a person who joined: {}", ex.getMessage());
		}
	}

	/** The connection closed (idempotent). */
	public void disconnected(String connectionId) {
		String offline = this.mailboxes.close(connectionId);
		if (offline != null) {
			this.online.departed(offline);
			this.presence.changed(offline);
		}
	}

	/** Whether the person has a joined connection now, on this node or (in a cluster) any other. */
	public boolean isOnline(String person) {
		return this.online.onlineOf(List.of(person)).contains(person);
	}

	/** Someone came or went on another node: their peers here hear it (coalesced). */
	public void peerChanged(String person) {
		this.presence.changed(person);
	}

	public void send(String connectionId, String to, String rawText) {
		send(connectionId, to, rawText, null, null);
	}

	/**
	 * Sends a message to {@code to}, with the sender's uploaded image {@code imageId} (its text
	 * then a caption, perhaps empty) or without ({@code imageId} null), and with the client's id
	 * for it, or none. With an id, the connection hears an ack once it is stored (after the
	 * {@code dm} event), and a resend of a message stored before only gets the ack again.
	 */
	public void send(String connectionId, String to, String rawText, String imageId, String clientMsgId) {
		String me = identity(connectionId);
		String recipient = peer(me, to);
		String text = (imageId != null) ? MessageText.caption(rawText) : MessageText.parse(rawText);
		String recipientName = nameOf(recipient);
		Conversation conversation = Conversation.between(me, recipient);
		if (!this.store.exists(conversation) && !this.starts.tryStart(me, conversation.id())) {
			throw new ChatException(ErrorCode.RATE_LIMITED,
					"You have started too many new conversations in the last hour. Try again later.");
		}
		boolean hidden = this.store.blocks(recipient, me);
		MessageImage image = (imageId != null)
				? this.images.claim(imageId, me, ImageClaims.conversation(conversation.id()), clientMsgId) : null;
		this.store.append(conversation, new Person(me, nameOf(me)), new Person(recipient, recipientName), text, image,
				this.clock.millis(), hidden, clientMsgId, new DirectMessageStore.Stored() {
					@Override
					public void stored(DirectMessage message) { // perhaps on the store's writer: never blocks
						DirectMessages.this.route.stored(message, hidden);
						acknowledge(message.id());
					}

					@Override
					public void alreadyStored(long id) {
						acknowledge(id);
					}

					private void acknowledge(long id) {
						if (clientMsgId != null) {
							DirectMessages.this.events.toConnection(connectionId,
									AckEvent.inConversation(clientMsgId, id, conversation.id()));
						}
					}

					@Override
					public void failed(ChatException reason) {
						DirectMessages.this.events.toConnection(connectionId, reason.about(clientMsgId).toEvent());
					}
				});
	}

	/** The person's conversations, to this connection. */
	public void conversations(String connectionId) {
		this.events.toConnection(connectionId, this.entries.listOf(identity(connectionId), LIST_LIMIT));
	}

	/**
	 * A page of the conversation with {@code with}, to this connection: before an id, since one,
	 * or the newest.
	 */
	public void history(String connectionId, String with, Long before, Long since, Integer limit) {
		String me = identity(connectionId);
		String peer = peer(me, with);
		if (before != null && since != null) {
			throw badRequest("Give 'before' or 'since', not both.");
		}
		if ((before != null && before < 1) || (since != null && since < 0)) {
			throw badRequest("'before' must be 1 or more, 'since' 0 or more.");
		}
		int size = (limit != null) ? limit : DEFAULT_PAGE;
		if (size < 1 || size > MAX_PAGE) {
			throw badRequest("'limit' must be a whole number from 1 to " + MAX_PAGE + ".");
		}
		nameOf(peer); // someone who ever joined
		Conversation conversation = Conversation.between(me, peer);
		DirectMessageStore.Page page = this.store.page(conversation, me, before, since, size);
		this.events.toConnection(connectionId, new DirectHistoryEvent(peer, conversation.id(), page.messages(),
				page.hasMore(), this.store.blocks(me, peer)));
	}

	/**
	 * The person has read the conversation with {@code with} up to {@code id}: every tab of theirs
	 * hears it, and if that moved their position and both share read receipts, every tab of the
	 * other person too, on every node.
	 */
	public void read(String connectionId, String with, long id) {
		String me = identity(connectionId);
		String peer = peer(me, with);
		nameOf(peer);
		Conversation conversation = Conversation.between(me, peer);
		if (this.store.markRead(me, conversation, id)) {
			this.route.read(me, conversation);
			this.entries.read(me, conversation);
		}
		else {
			this.entries.tell(me, conversation);
		}
	}

	/** Another node moved the reader's position in the conversation (stored): their tabs here hear it, and the other's. */
	public void readElsewhere(String reader, Conversation conversation) {
		this.entries.read(reader, conversation);
	}

	/** The person blocks (or unblocks) {@code user}'s messages; every tab of theirs hears it. */
	public void block(String connectionId, String user, boolean blocked) {
		String me = identity(connectionId);
		String peer = peer(me, user);
		String name = nameOf(peer);
		this.store.block(me, peer, blocked);
		this.entries.tellBlocked(me, peer, name, blocked);
	}

	private void announce(Mailboxes.Change change) {
		if (change.online() != null) {
			this.route.arrived(change.online());
			this.online.arrived(change.online());
			this.presence.changed(change.online());
		}
		if (change.offline() != null) {
			this.online.departed(change.offline());
			this.presence.changed(change.offline());
		}
	}

	private String identity(String connectionId) {
		String me = this.mailboxes.ownerOf(connectionId);
		if (me == null) {
			throw new ChatException(ErrorCode.NOT_JOINED, "Join a room first: direct messages need to know who you are.");
		}
		return me;
	}

	/** The other person named by a command: a public id, not {@code me}. */
	private static String peer(String me, String id) {
		if (id == null) {
			throw badRequest("The id of the other person is required.");
		}
		if (!PublicIds.isWellFormed(id)) {
			throw unknownUser();
		}
		if (id.equals(me)) {
			throw badRequest("That is your own id: write to someone else.");
		}
		return id;
	}

	private String nameOf(String person) {
		return this.people.nameOf(person).orElseThrow(DirectMessages::unknownUser);
	}

	private static ChatException unknownUser() {
		return new ChatException(ErrorCode.UNKNOWN_USER, "Nobody with that id has ever joined.");
	}

	private static ChatException badRequest(String message) {
		return new ChatException(ErrorCode.BAD_REQUEST, message);
	}

}
