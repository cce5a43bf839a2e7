package io.livechat.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * One run of the tool and what all its clients share: the run's id (in every name, client id
 * and message mark, so runs never mix), the incidents, a count of the frames received, the
 * window being measured, and what the server said in the handshakes (the extensions it
 * accepted, a Socket.io server's ping interval).
 */
final class Run {

	static final String NO_EXTENSION = "none";

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	private final String id;

	private final Incidents incidents = new Incidents();

	private final LongAdder frames = new LongAdder();

	private final Map<String, LongAdder> extensions = new ConcurrentHashMap<>();

	private volatile MeasureWindow window = MeasureWindow.NONE;

	private volatile long pingIntervalMillis = -1;

	Run(String id) {
		this.id = id;
	}

	static Run random() {
		StringBuilder id = new StringBuilder();
		for (int i = 0; i < 5; i++) {
			id.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
		}
		return new Run(id.toString());
	}

	String id() {
		return this.id;
	}

	/** The start of every user name of this run: {@code lg{run}-}. */
	String usernamePrefix() {
		return "lg" + this.id + "-";
	}

	String username(int client) {
		return usernamePrefix() + client;
	}

	String clientId(int client) {
		return "loadgen-" + this.id + "-" + client;
	}

	Incidents incidents() {
		return this.incidents;
	}

	void frameReceived() {
		this.frames.increment();
	}

	long framesReceived() {
		return this.frames.sum();
	}

	MeasureWindow window() {
		return this.window;
	}

	void measure(MeasureWindow window) {
		this.window = window;
	}

	/** One connection opened, the server accepting {@code extensions} ({@code ""}: none). */
	void negotiated(String extensions) {
		this.extensions.computeIfAbsent(extensions.isEmpty() ? NO_EXTENSION : extensions, (key) -> new LongAdder())
			.increment();
	}

	/** How many connections opened with each answer to the extensions offered ("none" for none). */
	Map<String, Long> extensions() {
		Map<String, Long> counts = new TreeMap<>();
		this.extensions.forEach((extension, count) -> counts.put(extension, count.sum()));
		return counts;
	}

	void pingInterval(long millis) {
		this.pingIntervalMillis = millis;
	}

	/** The ping interval a Socket.io server announced, -1 if none did. */
	long pingIntervalMillis() {
		return this.pingIntervalMillis;
	}

}
