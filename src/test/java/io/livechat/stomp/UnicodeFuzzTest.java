package io.livechat.stomp;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated names and texts made of the characters that broke or fooled the chat (unpaired
 * surrogates, invisible characters and fillers, direction controls, stacks of combining marks,
 * look-alike letters, odd whitespace and controls) mixed with ordinary writing, sent over real
 * sockets by a few senders side by side: each is either refused to its sender alone, or accepted
 * and delivered intact to a bystander, whose connection stays open throughout; the room can
 * still be joined at the end, and the log holds no stack trace. Seeded: {@code -Dfuzz.seed=N} replays
 * a run, {@code -Dfuzz.cases=N} sets its size.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "livechat.limits.send.burst=10000", "livechat.limits.send.per-second=10000",
		"livechat.limits.join.burst=10000", "livechat.limits.join.per-second=10000",
		"livechat.limits.frames.burst=10000", "livechat.limits.frames.per-second=10000" })
class UnicodeFuzzTest extends EndToEndTest {

	private static final long SEED = Long.getLong("fuzz.seed", 20260314L);

	private static final int CASES = Integer.getInteger("fuzz.cases", 400);

	private static final String ROOM = "tech";

	/** Senders (and joiners) at work side by side: each waits for every answer before its next case. */
	private static final int WORKERS = 8;

	private static final Set<String> NAME_REFUSALS = Set.of("invalid-username", "username-taken");

	private static final Set<String> TEXT_REFUSALS = Set.of("invalid-message", "message-too-long");

	private static final Pattern SPACES = Pattern.compile(" {2,}");

	private static final String[] ORDINARY = { "a", "b", "m", "z", "A", "Q", "é", "ß", "Łu", "Bob", "Smith", "Дмитрий",
			"Αλέξης", "שלום", "שָׁלוֹם", "محمد", "مَرْحَبًا", "अर्जुन", "สวัสดี", "李小龍", "山田たろう", "김민준", "Nguyễn",
			"7", "42", " ", "_", "-", ".", "😀", "👩‍👩‍👧", "🇫🇷", "❤️", "1️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿" };

	private static final String[] SURROGATES = { "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD83D", "\uDE00" };

	private static final String[] INVISIBLE = { "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u034F",
			"\u180E", "\uFE0F", "\uDB40\uDC67", "\u115F", "\u1160", "\u3164", "\uFFA0", "\u2800", "\u200E", "\u200F",
			"\u061C" };

	private static final String[] DIRECTION_CONTROLS = { "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066",
			"\u2067", "\u2068", "\u2069" };

	private static final String[] LOOK_ALIKES = { "B\u043Eb", "B\u03BFb", "\uFF22ob", "\uFB01ona", "rn", "I", "l", "0",
			"1", "\u041D\u043E\u0440\u0435", "\u0456", "\u0661", "\u0410" };

	private static final String[] WHITESPACE_AND_CONTROLS = { "  ", "\t", "\n", "\r\n", "\r", "\u00A0", "\u3000",
			"\u2028", "\u0000", "\u0007", "\u001B", "\u007F", "\u0085" };

	@Test
	void everyNameAndTextIsRefusedToItsSenderAloneOrDeliveredIntact(CapturedOutput output) throws Exception {
		// what this test's traffic logged, not what another context logged as it was closed before
		int logStart = output.getAll().length();
		ChatClient bystander = client();
		bystander.join("Bystander", ROOM);
		Random random = new Random(SEED);
		List<Worker> workers = new ArrayList<>();
		for (int i = 0; i < WORKERS; i++) {
			ChatClient sender = client();
			sender.join("Sender " + i, ROOM);
			workers.add(new Worker(sender, "Sender " + i, client().subscribe("/user/queue/events").subscribe("/topic/" + ROOM)));
		}
		for (int i = 0; i < CASES; i++) {
			boolean name = random.nextInt(3) == 0;
			workers.get(i % WORKERS).cases.add(new Case(i, name, name ? generate(random, 1 + random.nextInt(4)) : generateText(random)));
		}

		ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
		try {
			for (Future<?> done : pool.invokeAll(workers.stream().map((w) -> (Callable<Void>) w::run).toList())) {
				done.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		List<String> failures = workers.stream().flatMap((w) -> w.failures.stream()).toList();
		List<String> joinedNames = workers.stream().flatMap((w) -> w.joinedNames.stream()).toList();
		Map<Long, String> delivered = new HashMap<>();
		workers.forEach((w) -> delivered.putAll(w.delivered));
		assertThat(failures).as("cases neither refused to their sender alone nor delivered intact").isEmpty();
		assertThat(joinedNames).as("names accepted").isNotEmpty();
		assertThat(delivered).as("texts accepted").isNotEmpty();
		assertThat(workers.stream().flatMap((w) -> w.refusals.stream())).as("refusals")
			.contains("invalid-username", "invalid-message", "message-too-long");
		Awaitility.await().atMost(ChatClient.TIMEOUT).until(() -> bystander.messages(ROOM).size() >= delivered.size());
		assertThat(bystander.messages(ROOM)).as("messages the bystander saw")
			.hasSize(delivered.size())
			.allSatisfy((m) -> assertThat(m.path("text").asString()).isEqualTo(delivered.get(m.path("id").asLong())));
		Awaitility.await().atMost(ChatClient.TIMEOUT).until(() -> joinsSeenBy(bystander).size() >= joinedNames.size());
		assertThat(joinsSeenBy(bystander)).as("joins the bystander saw").containsExactlyInAnyOrderElementsOf(joinedNames);
		assertThat(bystander.isConnected()).isTrue();
		assertThat(bystander.transportErrors()).isEmpty();
		assertThat(bystander.all((r) -> r.type().equals("error"))).isEmpty();

		ChatClient latecomer = client();
		JsonNode joined = latecomer.join("Latecomer", ROOM);
		assertThat(joined.path("history").valueStream()).isNotEmpty()
			.allSatisfy((m) -> assertThat(m.path("text").asString()).isEqualTo(delivered.get(m.path("id").asLong())));
		bystander.say(ROOM, "still here");
		latecomer.take((r) -> r.type().equals("message") && r.body().path("text").asString().equals("still here"));

		String log = output.getAll().substring(logStart);
		assertThat(log).as("a stack trace in the log").doesNotContainPattern("\\n\\s+at [a-z]+\\.");
		assertThat(log).as("an ERROR line in the log").doesNotContainPattern(" ERROR \\d+ ---");
	}

	/** The names the bystander saw join, but for its own, the senders' and the latecomer's. */
	private static List<String> joinsSeenBy(ChatClient bystander) {
		return bystander.all((r) -> r.type().equals("system") && r.body().path("event").asString().equals("joined"))
			.stream()
			.map((r) -> r.body().path("username").asString())
			.filter((n) -> !n.startsWith("Sender ") && !n.equals("Bystander") && !n.equals("Latecomer"))
			.toList();
	}

	record Case(int index, boolean name, String generated) {
	}

	/** One sender and one joiner working through their share of the cases, one after another. */
	private static final class Worker {

		private final ChatClient sender;

		private final String senderName;

		private final ChatClient namer;

		private final List<Case> cases = new ArrayList<>();

		private final List<String> failures = new ArrayList<>();

		private final List<String> joinedNames = new ArrayList<>();

		private final List<String> refusals = new ArrayList<>();

		/** The texts accepted, by message id, as they should have been delivered. */
		private final Map<Long, String> delivered = new HashMap<>();

		Worker(ChatClient sender, String senderName, ChatClient namer) {
			this.sender = sender;
			this.senderName = senderName;
			this.namer = namer;
		}

		Void run() {
			for (Case c : this.cases) {
				String failure = c.name() ? tryName(c.generated()) : tryText(c.generated());
				if (failure != null) {
					this.failures.add("case " + c.index() + " (seed " + SEED + ") " + (c.name() ? "name " : "text ")
							+ json(c.generated()) + ": " + failure);
				}
			}
			return null;
		}

		/** Joins under the name, and leaves again when it was accepted; null when all went as it should. */
		private String tryName(String raw) {
			this.namer.send("/app/join", "{\"username\":" + json(raw) + ",\"room\":\"" + ROOM + "\",\"clientId\":\""
					+ this.namer.clientId() + "\"}");
			JsonNode answer = this.namer.take((r) -> r.type().equals("joined") || r.type().equals("error")).body();
			if (answer.path("type").asString().equals("error")) {
				String code = answer.path("code").asString();
				this.refusals.add(code);
				return NAME_REFUSALS.contains(code) ? null : "refused as " + code;
			}
			String shown = answer.path("username").asString();
			this.joinedNames.add(shown);
			this.namer.send("/app/leave", "{\"room\":\"" + ROOM + "\"}"); // handled before its next join
			String expected = SPACES.matcher(Normalizer.normalize(raw.strip(), Normalizer.Form.NFC)).replaceAll(" ");
			if (!shown.equals(expected)) {
				return "joined as " + json(shown) + ", not as " + json(expected);
			}
			if (shown.codePoints().anyMatch(UnicodeFuzzTest::isInvisibleOrControl)) {
				return "joined with an invisible character or a control: " + json(shown);
			}
			return null;
		}

		/** Sends the text; null when all went as it should. */
		private String tryText(String raw) {
			this.sender.send("/app/send", "{\"room\":\"" + ROOM + "\",\"text\":" + json(raw) + "}");
			JsonNode answer = this.sender.take((r) -> r.type().equals("error")
					|| (r.type().equals("message") && r.body().path("username").asString().equals(this.senderName)))
				.body();
			if (answer.path("type").asString().equals("error")) {
				String code = answer.path("code").asString();
				this.refusals.add(code);
				return TEXT_REFUSALS.contains(code) ? null : "refused as " + code;
			}
			String text = answer.path("text").asString();
			String expected = raw.replace("\r\n", "\n").replace('\r', '\n').strip();
			this.delivered.put(answer.path("id").asLong(), expected);
			if (!text.equals(expected)) {
				return "delivered as " + json(text) + ", not as " + json(expected);
			}
			if (hasUnpairedSurrogate(text) || text.codePoints().anyMatch((c) -> (c >= 0x202A && c <= 0x202E)
					|| (c >= 0x2066 && c <= 0x2069) || (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t'))) {
				return "delivered with a character it should have been refused for";
			}
			return null;
		}

	}

	private static String generateText(Random random) {
		int kind = random.nextInt(10);
		if (kind == 0) { // a stack of combining marks
			return generate(random, 1) + "\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u030A".substring(0, 1 + random.nextInt(8));
		}
		if (kind == 1) { // about the length limit
			return "x".repeat(990 + random.nextInt(20)) + generate(random, 1);
		}
		return generate(random, 1 + random.nextInt(8));
	}

	/** Pieces from the corpus, mostly ordinary writing. */
	private static String generate(Random random, int pieces) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < pieces; i++) {
			String[] corpus = switch (random.nextInt(12)) {
				case 0 -> SURROGATES;
				case 1, 2 -> INVISIBLE;
				case 3 -> DIRECTION_CONTROLS;
				case 4, 5 -> LOOK_ALIKES;
				case 6 -> WHITESPACE_AND_CONTROLS;
				default -> ORDINARY;
			};
			text.append(corpus[random.nextInt(corpus.length)]);
		}
		return text.toString();
	}

	private static boolean isInvisibleOrControl(int codePoint) {
		return UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
				|| Character.getType(codePoint) == Character.CONTROL || codePoint == 0x2800;
	}

	private static boolean hasUnpairedSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A JSON string with every character outside printable ASCII escaped, so an unpaired surrogate
	 * reaches the server as {@code \ud800} (as UTF-8 it could not be sent at all).
	 */
	private static String json(String text) {
		StringBuilder json = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c >= 0x20 && c < 0x7F) {
				json.append(c);
			}
			else {
				json.append("\\u%04x".formatted((int) c));
			}
		}
		return json.append('"').toString();
	}

}
