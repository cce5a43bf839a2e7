package io.livechat.bench;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of a run: a scenario, then {@code --name value} options.
 *
 * @param urls the server nodes; client i connects to {@code urls.get(i % size)}
 * @param serverPids the server processes for {@code /proc} readings, empty when not given
 * @param protocol what the clients speak: LiveChat's STOMP or the Socket.io reference chat's events
 * @param client whose WebSocket client the clients use
 * @param deflate whether the clients offer permessage-deflate (through the tool's own WebSocket client)
 * @param rates total messages per second, one per step (one element unless in step mode)
 * @param concurrency connection attempts in flight at once
 * @param reads whether every fanout client reports what it has read, as the page does
 */
record Options(Scenario scenario, Protocol protocol, Client client, boolean deflate, List<URI> urls, String room, int roomCount, int clients, List<Long> serverPids,
		String label, Path out, int heartbeatMillis, int concurrency, int senders, List<Double> rates, boolean stepMode,
		boolean reads, Duration duration, Duration warmup, Duration drain, double p99LimitMillis, Duration hold, boolean forcedGc,
		Duration joinTimeout, Duration settleTimeout, Map<String, String> given) {

	enum Scenario {

		FANOUT, IDLE, STORM;

		String id() {
			return name().toLowerCase();
		}

	}

	/**
	 * Whose WebSocket client the clients use: the tool's own (two selector threads for every
	 * connection, the lighter of the two, so that the generator's CPU is not what limits a
	 * storm), or the JDK's {@code java.net.http} one.
	 */
	enum Client {

		OWN, JDK;

		String id() {
			return name().toLowerCase();
		}

	}

	/**
	 * What the clients speak, and the WebSocket subprotocol they offer for it (none for
	 * Socket.io, whose Engine.IO packets are the protocol).
	 */
	enum Protocol {

		STOMP("ws://127.0.0.1:8080/ws", LoadClient.SUBPROTOCOL),

		SOCKETIO("ws://127.0.0.1:3000", null);

		private final String defaultUrl;

		private final String subprotocol;

		Protocol(String defaultUrl, String subprotocol) {
			this.defaultUrl = defaultUrl;
			this.subprotocol = subprotocol;
		}

		String id() {
			return name().toLowerCase();
		}

		String subprotocol() {
			return this.subprotocol;
		}

	}

	static final List<String> ROOMS = List.of("general", "tech", "random");

	private static final Set<String> COMMON = Set.of("proto", "client", "deflate", "url", "room", "rooms", "clients",
			"server-pid", "label", "out", "heartbeat", "concurrency", "join-timeout");

	/** Options that take no value. */
	private static final Set<String> FLAGS = Set.of("deflate", "reads");

	private static final Map<Scenario, Set<String>> SPECIFIC = Map.of(Scenario.FANOUT,
			Set.of("senders", "rate", "rates", "reads", "duration", "warmup", "drain", "p99-limit"), Scenario.IDLE,
			Set.of("hold", "forced-gc"), Scenario.STORM, Set.of("settle-timeout"));

	static final String USAGE = """
			usage: LoadTool fanout|idle|storm [--option value ...]

			  fanout   N clients join, S of them send R messages/s in total; latency of every delivery
			  idle     N clients join and stay; server memory per connection (with --server-pid)
			  storm    N clients connect and join at once; joins/s and time until the user lists settle

			common:
			  --proto P            stomp: LiveChat (docs/protocol.md); socketio: the Socket.io reference chat
			                       (src/bench/socketio), Engine.IO 4 over WebSocket
			  --client own|jdk     own: the tool's own WebSocket client (ws:// only, the lighter one); jdk: the
			                       JDK's java.net.http client
			  --deflate            offer permessage-deflate in the handshake as Chromium does (the tool's own
			                       client only); the report names what the server accepted
			  --url URL,...        ws://127.0.0.1:8080/ws (socketio: ws://127.0.0.1:3000, to which the tool adds
			                       /socket.io/?EIO=4&transport=websocket); several for a cluster, one per node:
			                       clients spread round-robin over them (client i to URL i mod count)
			  --room NAME          general (the first room)
			  --rooms K            1: clients spread round-robin over --room, then the others of general,tech,random
			  --clients N          200
			  --server-pid PID,... read the server's CPU, RSS and threads from /proc/PID (idle: heap via
			                       jcmd); several: their sums, and each one's CPU and RSS
			  --label TEXT         recorded in the JSON line
			  --out FILE           append the JSON line(s) to FILE too
			  --heartbeat MS       10000: heart-beat offered and sent by every client (0: none; the server
			                       then closes silent connections after 45 s); stomp only: a Socket.io
			                       server pings and the clients answer
			  --concurrency C      connection attempts in flight: 64 (storm: all clients)
			  --join-timeout SEC   120
			fanout:
			  --senders S          50 (the first S clients, at least one per URL; the server allows 5
			                       messages/s each)
			  --rate R             200 messages/s in total
			  --rates R1,R2,...    step mode: each rate in turn, stop at the first step whose p99 exceeds
			                       --p99-limit or that loses, duplicates or reorders anything; reports the knee
			  --reads              every client reports its read position as the page does: whenever it has
			                       received a message newer than the id it last reported, /app/read with the
			                       newest id, at once, then at most once a second; counts the reads sent and
			                       the reads events received (stomp only; a server before protocol v1.3
			                       refuses /app/read and closes the connection)
			  --duration SEC       20 (measured, per step)
			  --warmup SEC         5 (sent, not measured, per step)
			  --drain SEC          5 (longest wait for late deliveries after sending stops)
			  --p99-limit MS       100
			idle:
			  --hold SEC           10 (how long the clients stay after all joined)
			  --forced-gc yes|no   yes: a full GC (jcmd, JVMs only) before reading RSS and heap at each end;
			                       no: none, for RSS growth as the server left it, comparable with Node
			storm:
			  --settle-timeout SEC 60 (longest wait for every user list to name all N)
			""";

	Options {
		urls = List.copyOf(urls);
		serverPids = List.copyOf(serverPids);
		rates = List.copyOf(rates);
		given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
	}

	static Options parse(String... args) {
		if (args.length == 0 || isHelp(args[0])) {
			throw new IllegalArgumentException("a scenario is required: fanout, idle or storm");
		}
		Scenario scenario = scenario(args[0]);
		Map<String, String> given = new LinkedHashMap<>();
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			if (arg.isEmpty()) {
				continue;
			}
			if (!arg.startsWith("--") || arg.length() == 2) {
				throw new IllegalArgumentException("expected an --option, got '" + arg + "'");
			}
			String name = arg.substring(2);
			if (!COMMON.contains(name) && !SPECIFIC.get(scenario).contains(name)) {
				throw new IllegalArgumentException("--" + name + " is not an option of " + scenario.id());
			}
			if (!FLAGS.contains(name) && i + 1 >= args.length) {
				throw new IllegalArgumentException("--" + name + " needs a value");
			}
			if (given.put(name, FLAGS.contains(name) ? "true" : args[++i]) != null) {
				throw new IllegalArgumentException("--" + name + " is given twice");
			}
		}
		return new Reader(scenario, given).options();
	}

	static boolean isHelp(String arg) {
		return arg.equals("help") || arg.equals("--help") || arg.equals("-h");
	}

	/** The rooms the clients are spread over, in order: client i joins {@code rooms().get(i % size)}. */
	List<String> rooms() {
		List<String> rooms = new ArrayList<>();
		rooms.add(this.room);
		for (String other : ROOMS) {
			if (rooms.size() < this.roomCount && !other.equals(this.room)) {
				rooms.add(other);
			}
		}
		return rooms;
	}

	/** The URLs as given: comma-separated. */
	String urlList() {
		return String.join(",", this.urls.stream().map(URI::toString).toList());
	}

	/**
	 * Whether clients of every room connect to every URL. Not so when the room count and the URL
	 * count share a factor: with 2 rooms over 2 URLs client i joins room i mod 2 on node i mod 2,
	 * so each room lives on one node and no message crosses nodes.
	 */
	boolean roomsSpanEveryNode() {
		return BigInteger.valueOf(this.roomCount).gcd(BigInteger.valueOf(this.urls.size())).intValue() == 1;
	}

	/** Longest the whole run may take, from the phases' own bounds. */
	Duration runTimeout() {
		Duration step = this.warmup.plus(this.duration).plus(this.drain).plus(Duration.ofSeconds(90));
		return this.joinTimeout.plus(this.settleTimeout)
			.plus(this.hold)
			.plus(step.multipliedBy(this.rates.size()))
			.plus(Duration.ofMinutes(2));
	}

	JsonLine toJson() {
		JsonLine json = new JsonLine().put("proto", this.protocol.id())
			.put("client", this.client.id())
			.put("deflate", this.deflate)
			.put("url", urlList())
			.put("rooms", this.rooms())
			.put("clients", this.clients)
			.put("heartbeat_ms", this.heartbeatMillis)
			.put("concurrency", this.concurrency);
		if (this.scenario == Scenario.FANOUT) {
			json.put("senders", this.senders)
				.put(this.stepMode ? "rates" : "rate", this.stepMode ? this.rates : this.rates.get(0))
				.put("reads", this.reads)
				.put("duration_s", seconds(this.duration))
				.put("warmup_s", seconds(this.warmup))
				.put("drain_s", seconds(this.drain));
			if (this.stepMode) {
				json.put("p99_limit_ms", this.p99LimitMillis);
			}
		}
		if (this.scenario == Scenario.IDLE) {
			json.put("hold_s", seconds(this.hold)).put("forced_gc", this.forcedGc);
		}
		Object pids = switch (this.serverPids.size()) {
			case 0 -> null;
			case 1 -> this.serverPids.get(0);
			default -> this.serverPids;
		};
		return json.put("server_pid", pids).put("given", this.given);
	}

	static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	private static Protocol protocol(String name) {
		for (Protocol protocol : Protocol.values()) {
			if (protocol.id().equals(name)) {
				return protocol;
			}
		}
		throw new IllegalArgumentException("--proto: stomp or socketio, got '" + name + "'");
	}

	private static Client client(String name) {
		for (Client client : Client.values()) {
			if (client.id().equals(name)) {
				return client;
			}
		}
		throw new IllegalArgumentException("--client: own or jdk, got '" + name + "'");
	}

	private static Scenario scenario(String name) {
		for (Scenario scenario : Scenario.values()) {
			if (scenario.id().equals(name)) {
				return scenario;
			}
		}
		throw new IllegalArgumentException("unknown scenario '" + name + "': use fanout, idle or storm");
	}

	/** Turns the given values into options, with defaults and checks. */
	private static final class Reader {

		private final Scenario scenario;

		private final Map<String, String> given;

		Reader(Scenario scenario, Map<String, String> given) {
			this.scenario = scenario;
			this.given = given;
		}

		Options options() {
			Protocol protocol = protocol(this.given.getOrDefault("proto", "stomp"));
			boolean deflate = this.given.containsKey("deflate");
			List<URI> urls = urls(this.given.getOrDefault("url", protocol.defaultUrl));
			boolean reads = this.given.containsKey("reads");
			if (protocol == Protocol.SOCKETIO) {
				urls = urls.stream().map(SocketIoPacket::url).toList();
				if (reads) {
					throw new IllegalArgumentException("--reads is for stomp: the Socket.io reference chat has no read"
							+ " positions to report");
				}
				if (this.given.containsKey("heartbeat")) {
					throw new IllegalArgumentException("--heartbeat is for stomp: a Socket.io server pings its clients"
							+ " and they answer");
				}
			}
			Client client = client(this.given.getOrDefault("client", "own"));
			if (deflate && client != Client.OWN) {
				throw new IllegalArgumentException("--deflate needs the tool's own client: the JDK's cannot offer an extension");
			}
			if (client == Client.OWN && urls.stream().anyMatch((url) -> !"ws".equals(url.getScheme()))) {
				throw new IllegalArgumentException("the tool's own WebSocket client speaks ws:// only; use --client jdk for wss://");
			}
			String room = this.given.getOrDefault("room", "general");
			if (!room.matches("[A-Za-z0-9_-]{1,64}")) {
				throw new IllegalArgumentException("--room: letters, digits, '_' and '-' only, got '" + room + "'");
			}
			int roomCount = integer("rooms", 1, 1, ROOMS.size());
			if (roomCount > 1 && !ROOMS.contains(room)) {
				throw new IllegalArgumentException("--rooms above 1 spreads over general, tech and random; --room must be one of them");
			}
			int clients = integer("clients", 200, 1, 100_000);
			if (clients < urls.size()) {
				throw new IllegalArgumentException("--clients: at least one per --url (" + urls.size() + "), got " + clients);
			}
			List<Long> serverPids = pids(this.given.get("server-pid"));
			int senders = integer("senders", Math.min(50, clients), 1, clients);
			if (this.scenario == Scenario.FANOUT && senders < urls.size()) {
				throw new IllegalArgumentException("--senders: at least one per --url (" + urls.size()
						+ ") so that every node has a sender, got " + senders);
			}
			boolean stepMode = this.given.containsKey("rates");
			if (stepMode && this.given.containsKey("rate")) {
				throw new IllegalArgumentException("give either --rate or --rates, not both");
			}
			List<Double> rates = stepMode ? rates(this.given.get("rates")) : List.of(decimal("rate", 200, 1_000_000));
			int concurrencyDefault = (this.scenario == Scenario.STORM) ? clients : 64;
			int heartbeatDefault = (protocol == Protocol.STOMP) ? 10_000 : 0;
			return new Options(this.scenario, protocol, client, deflate, urls, room, roomCount, clients, serverPids,
					this.given.getOrDefault("label", ""), path("out"), integer("heartbeat", heartbeatDefault, 0, 3_600_000),
					integer("concurrency", concurrencyDefault, 1, 100_000), senders, rates, stepMode, reads,
					seconds("duration", 20, 0.1), seconds("warmup", 5, 0), seconds("drain", 5, 0),
					decimal("p99-limit", 100, 3_600_000), seconds("hold", 10, 0), yesNo("forced-gc", true),
					seconds("join-timeout", 120, 1), seconds("settle-timeout", 60, 1), this.given);
		}

		private int integer(String name, int fallback, int min, int max) {
			String value = this.given.get(name);
			if (value == null) {
				return fallback;
			}
			try {
				int parsed = Integer.parseInt(value.trim());
				if (parsed >= min && parsed <= max) {
					return parsed;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new IllegalArgumentException("--" + name + ": a whole number from " + min + " to " + max + ", got '"
					+ value + "'");
		}

		private boolean yesNo(String name, boolean fallback) {
			String value = this.given.get(name);
			if (value == null) {
				return fallback;
			}
			return switch (value.trim()) {
				case "yes" -> true;
				case "no" -> false;
				default -> throw new IllegalArgumentException("--" + name + ": yes or no, got '" + value + "'");
			};
		}

		private double decimal(String name, double fallback, double max) {
			String value = this.given.get(name);
			return (value != null) ? positive("--" + name, value, max) : fallback;
		}

		private Duration seconds(String name, double fallback, double min) {
			String value = this.given.get(name);
			double seconds = fallback;
			if (value != null) {
				try {
					seconds = Double.parseDouble(value.trim());
				}
				catch (NumberFormatException ex) {
					seconds = Double.NaN;
				}
				if (!(seconds >= min && seconds <= 86_400)) {
					throw new IllegalArgumentException("--" + name + ": seconds, at least " + min + ", got '" + value + "'");
				}
			}
			return Duration.ofNanos(Math.round(seconds * 1e9));
		}

		private Path path(String name) {
			String value = this.given.get(name);
			return (value == null || value.isBlank()) ? null : Path.of(value);
		}

		private static List<Double> rates(String value) {
			List<Double> rates = new ArrayList<>();
			for (String rate : value.split(",")) {
				rates.add(positive("--rates", rate, 1_000_000));
			}
			return rates;
		}

		private static double positive(String name, String value, double max) {
			try {
				double parsed = Double.parseDouble(value.trim());
				if (parsed > 0 && parsed <= max) {
					return parsed;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new IllegalArgumentException(name + ": a number above 0 and at most " + max + ", got '" + value + "'");
		}

		private static List<URI> urls(String value) {
			List<URI> urls = new ArrayList<>();
			for (String entry : value.split(",", -1)) {
				urls.add(url(entry.trim(), value));
			}
			return urls;
		}

		private static URI url(String entry, String value) {
			try {
				URI url = URI.create(entry);
				if (("ws".equals(url.getScheme()) || "wss".equals(url.getScheme())) && url.getHost() != null) {
					return url;
				}
			}
			catch (IllegalArgumentException ex) {
				// reported below
			}
			throw new IllegalArgumentException("--url: ws:// or wss:// URLs such as ws://127.0.0.1:8080/ws, separated by"
					+ " commas, got " + got(entry, value));
		}

		private static List<Long> pids(String value) {
			if (value == null) {
				return List.of();
			}
			List<Long> pids = new ArrayList<>();
			for (String entry : value.split(",", -1)) {
				long pid = pid(entry.trim(), value);
				if (pids.contains(pid)) {
					throw new IllegalArgumentException("--server-pid: " + pid + " is given twice");
				}
				pids.add(pid);
			}
			return pids;
		}

		private static long pid(String entry, String value) {
			try {
				long pid = Long.parseLong(entry);
				if (pid >= 1 && pid <= Integer.MAX_VALUE) {
					return pid;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new IllegalArgumentException("--server-pid: process ids from 1 to " + Integer.MAX_VALUE
					+ ", separated by commas, got " + got(entry, value));
		}

		/** {@code 'entry'}, and the whole value when the entry is one of several. */
		private static String got(String entry, String value) {
			return "'" + entry + "'" + (entry.equals(value) ? "" : " in '" + value + "'");
		}

	}

}
