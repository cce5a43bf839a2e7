package io.livechat.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import io.livechat.chat.Room;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every LiveChat setting, bound from {@code livechat.*} (and so from {@code LIVECHAT_*}
 * environment variables).
 *
 * @param rooms the chat rooms, in display order
 * @param heartbeat the STOMP heart-beat interval the server offers and expects
 * @param limits per-connection limits
 * @param allowedOrigins origin patterns (besides the page's own origin) allowed to open the
 * WebSocket and SockJS endpoints and to call {@code /api}; a handshake from any other origin is
 * refused
 * @param store where messages are kept: {@code jdbc} (the database of {@code spring.datasource},
 * an embedded H2 file by default) or {@code memory} (the last 50 per room, lost on restart)
 * @param history how long stored messages are kept
 * @param presenceInterval a room's user list (and the room counts) go out at most once per this
 * interval, always the newest; a room of more than 1,000 people waits one interval per 1,000
 * people, and while it keeps changing up to the square of that (at most 20 intervals)
 * @param cluster {@code none} (one node, the default) or {@code redis}: several nodes behind one
 * address share their rooms through Redis and their messages through PostgreSQL
 * @param clusterName nodes with the same name form one chat (the prefix of their Redis keys and
 * channel)
 * @param nodeId this node's name in the cluster, stable across its restarts (default: host name
 * and port)
 * @param nodeTimeout a node not heard of for this long is taken as gone, and its users as having
 * left
 * @param catchUpInterval how often a node of a cluster compares each room's last message id in the
 * database with the last it delivered, and delivers what it missed
 * @param metrics who may read {@code /actuator/prometheus}
 * @param trustedProxies networks (CIDR) whose requests may name the client they forward for in
 * {@code X-Forwarded-For}: the platform's proxies and this machine; a request from anywhere else
 * is taken as from the client itself
 * @param announceLimit up to this many people in a room, each arrival and departure is announced
 * as a {@code system} event; in a bigger room only the coalesced {@code users} lists say who
 * joined and who left
 * @param publicIdSecret the secret (at least 32 characters) that turns a {@code clientId} into the
 * person's public id; without it the server makes one and keeps it in the database, shared by
 * every node (with {@code livechat.store=memory}: a new one on each start)
 * @param uploads the images people send
 */
@ConfigurationProperties("livechat")
public record LiveChatProperties(List<Room> rooms, @DefaultValue("10s") Duration heartbeat,
		@DefaultValue Limits limits, @DefaultValue("http://localhost:[*]") List<String> allowedOrigins,
		@DefaultValue("jdbc") Store store, @DefaultValue HistoryRetention history,
		@DefaultValue("250ms") Duration presenceInterval, @DefaultValue("none") Cluster cluster,
		@DefaultValue("livechat") String clusterName, String nodeId, @DefaultValue("30s") Duration nodeTimeout,
		@DefaultValue("1s") Duration catchUpInterval, @DefaultValue Metrics metrics,
		@DefaultValue({ "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16",
				"127.0.0.0/8", "::1/128", "fc00::/7", "fe80::/10" }) List<String> trustedProxies,
		@DefaultValue("50") int announceLimit, String publicIdSecret, @DefaultValue Uploads uploads) {

	public enum Store {

		JDBC, MEMORY

	}

	public enum Cluster {

		NONE, REDIS

	}

	/**
	 * @param retention messages older than this are deleted
	 * @param maxPerRoom at most this many of a room's newest messages are kept
	 * @param pruneInterval how often the two rules above are applied
	 * @param keepClientIds how long a message's client id is known after it was stored, even when
	 * the message is pruned sooner (a page's outbox sends again for a day); at most the retention
	 */
	public record HistoryRetention(@DefaultValue("30d") Duration retention, @DefaultValue("10000") int maxPerRoom,
			@DefaultValue("1h") Duration pruneInterval, @DefaultValue("1d") Duration keepClientIds) {

		public HistoryRetention {
			if (maxPerRoom < 50) {
				throw new IllegalArgumentException("livechat.history.max-per-room must keep at least a join's 50 messages");
			}
			if (keepClientIds.compareTo(retention) > 0) {
				keepClientIds = retention; // a message pruned by age is older than any outbox keeps it
			}
		}

	}

	/** Names of clusters and nodes: they end up in Redis keys and in lists separated by commas. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	public static final List<Room> DEFAULT_ROOMS = List.of(new Room("general", "General"), new Room("tech", "Tech"),
			new Room("random", "Random"));

	public LiveChatProperties {
		rooms = (rooms == null || rooms.isEmpty()) ? DEFAULT_ROOMS : List.copyOf(rooms);
		if (rooms.stream().map(Room::id).distinct().count() != rooms.size()) {
			throw new IllegalArgumentException("livechat.rooms: room ids must be unique, got " + rooms);
		}
		if (clusterName != null && !NAME.matcher(clusterName).matches()) {
			throw new IllegalArgumentException("livechat.cluster-name must match " + NAME + ", got " + clusterName);
		}
		if (announceLimit < 0) {
			throw new IllegalArgumentException("livechat.announce-limit must be 0 or more, got " + announceLimit);
		}
		if (publicIdSecret != null && publicIdSecret.isBlank()) {
			publicIdSecret = null;
		}
		if (publicIdSecret != null && publicIdSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
			throw new IllegalArgumentException("livechat.public-id-secret must be at least 32 bytes long");
		}
		if (nodeId != null && !NAME.matcher(nodeId).matches()) {
			throw new IllegalArgumentException("livechat.node-id must match " + NAME + ", got " + nodeId);
		}
	}

	/**
	 * Images people upload to send in a room or a direct message.
	 *
	 * @param maxBytes the largest file accepted; a larger one is refused (413) before it is read
	 * @param maxPixels the most pixels an image may have (width x height, read from its header
	 * before anything decodes it); more are refused (422)
	 * @param burst uploads one person may make at once
	 * @param perMinute uploads one person may make per minute after the burst
	 * @param unsentFor an upload not sent in a message within this time is deleted
	 * @param pruneInterval how often unsent uploads, and images whose messages were pruned, are deleted
	 */
	public record Uploads(@DefaultValue("5MB") DataSize maxBytes, @DefaultValue("40000000") long maxPixels,
			@DefaultValue("5") int burst, @DefaultValue("10") double perMinute, @DefaultValue("1h") Duration unsentFor,
			@DefaultValue("10m") Duration pruneInterval) {

		public Uploads {
			if (maxBytes.toBytes() < 1 || maxPixels < 1 || burst < 1 || perMinute <= 0) {
				throw new IllegalArgumentException(
						"livechat.uploads: max-bytes, max-pixels, burst and per-minute must be positive");
			}
		}

		/** The uploads rate as a token bucket's. */
		public Rate rate() {
			return new Rate(this.burst, this.perMinute / 60);
		}

	}

	/**
	 * @param token the bearer token a scraper sends ({@code Authorization: Bearer <token>}) to read
	 * {@code /actuator/prometheus}; without one the endpoint is not served
	 */
	public record Metrics(String token) {

		public Metrics {
			if (token != null && token.isBlank()) {
				token = null;
			}
		}

	}

	/**
	 * @param maxFrameSize the largest STOMP frame a client may send; larger ones close the connection
	 * @param maxRequestSize the largest HTTP request body (a SockJS {@code xhr_send} carries frames,
	 * so it is a little over the frame size); larger ones get 413 before they are read
	 * @param send chat messages per connection
	 * @param join joins per connection
	 * @param typing typing notices per connection (the excess is dropped silently)
	 * @param maxConnections open WebSocket and SockJS connections the node accepts; more are
	 * refused with close code 1013 (try again later)
	 * @param maxSubscriptions subscriptions one connection may hold
	 * @param connectTimeout time a new socket has to complete its STOMP CONNECT
	 * @param idleTimeout time a connection may send nothing at all (no frame, no heart-beat)
	 * before it is closed
	 * @param sendTimeLimit time a send to one slow client may take before it is dropped
	 * @param sendBufferSize bytes buffered for one slow client before it is dropped (or four times
	 * the longest frame it was sent, if that is more: a big room's lists)
	 * @param inboundQueue frames from all clients waiting to be handled; beyond it, frames are
	 * refused
	 * @param frames STOMP frames one connection may send (heart-beats too), counted one by one however
	 * many arrive in one WebSocket message; a connection beyond it is closed, so that no client can
	 * pile up work faster than it is done
	 * @param perUser limits shared by every connection of one person (one {@code clientId})
	 * @param perAddress limits shared by every connection from one address
	 * @param conversationsPerHour new conversations (a first direct message to someone) one person may
	 * start in an hour
	 * @param lookups direct-message reads per connection (lists, pages, read marks, blocks) and
	 * settings
	 * @param reads read positions per connection (the excess is dropped silently)
	 */
	public record Limits(@DefaultValue("64KB") DataSize maxFrameSize, @DefaultValue("80KB") DataSize maxRequestSize,
			@DefaultValue({ "20", "5" }) Rate send, @DefaultValue({ "10", "1" }) Rate join,
			@DefaultValue({ "2", "2" }) Rate typing, @DefaultValue("10000") int maxConnections,
			@DefaultValue("8") int maxSubscriptions, @DefaultValue("10s") Duration connectTimeout,
			@DefaultValue("45s") Duration idleTimeout, @DefaultValue("5s") Duration sendTimeLimit,
			@DefaultValue("256KB") DataSize sendBufferSize, @DefaultValue("10000") int inboundQueue,
			@DefaultValue({ "200", "100" }) Rate frames, @DefaultValue PerUser perUser,
			@DefaultValue PerAddress perAddress, @DefaultValue("30") int conversationsPerHour,
			@DefaultValue({ "20", "5" }) Rate lookups, @DefaultValue({ "5", "2" }) Rate reads) {

		public Limits {
			if (maxRequestSize.toBytes() < maxFrameSize.toBytes()) {
				throw new IllegalArgumentException("livechat.limits.max-request-size must be at least max-frame-size");
			}
		}

	}

	/**
	 * What one person may do, whatever their number of tabs: every connection that joined with
	 * the same {@code clientId} draws on these.
	 *
	 * @param send chat messages
	 * @param join joins (a restored browser session opens many tabs at once)
	 * @param typing typing notices (the excess is dropped silently)
	 */
	public record PerUser(@DefaultValue({ "20", "5" }) Rate send, @DefaultValue({ "30", "2" }) Rate join,
			@DefaultValue({ "4", "4" }) Rate typing) {
	}

	/**
	 * What every connection from one address may do together: a household or an office behind
	 * one NAT shares these. IPv6 addresses count by their /64 network (what one customer gets).
	 *
	 * @param maxConnections open connections; more are refused with close code 1013
	 * @param send chat messages
	 * @param join joins
	 * @param typing typing notices (the excess is dropped silently)
	 * @param exemptLoopback whether connections from a loopback address (a load test, a reverse
	 * proxy on the same host that sends no {@code X-Forwarded-For}) are exempt from these limits
	 */
	public record PerAddress(@DefaultValue("50") int maxConnections, @DefaultValue({ "100", "20" }) Rate send,
			@DefaultValue({ "60", "5" }) Rate join, @DefaultValue({ "60", "30" }) Rate typing,
			@DefaultValue("true") boolean exemptLoopback) {
	}

	/**
	 * A token bucket: {@code burst} actions at once, then {@code perSecond} sustained.
	 */
	public record Rate(int burst, double perSecond) {

		public Rate {
			if (burst < 1 || perSecond <= 0) {
				throw new IllegalArgumentException("a rate needs burst >= 1 and perSecond > 0");
			}
		}

	}

}
