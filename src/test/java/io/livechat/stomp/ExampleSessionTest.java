package io.livechat.stomp;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example session of docs/protocol.md, frame by frame, on a bare socket.
 */
class ExampleSessionTest extends EndToEndTest {

	@Test
	void theDocumentedSessionPlaysOutAsDocumented() throws Exception {
		RawWebSocket ws = track(RawWebSocket.open(this.port, "/ws"));

		ws.sendFrame("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:10000,10000\n\n");
		assertThat(ws.readFrame()).startsWith("CONNECTED\n").contains("version:1.2\n").contains("heart-beat:10000,10000\n");

		ws.sendFrame("SUBSCRIBE\nid:sub-0\ndestination:/user/queue/events\n\n");
		ws.sendFrame("SUBSCRIBE\nid:sub-1\ndestination:/topic/general\n\n");
		ws.sendFrame("SEND\ndestination:/app/join\ncontent-type:application/json\n\n"
				+ "{\"username\":\"Alex\",\"room\":\"general\",\"clientId\":\"3f2b9c1e-1d2a-4c7e-9a55-0f1b2c3d4e5f\"}");
		// a list held back from an earlier test's leave (lists go out at most every 250 ms) may come first
		String joined = nextSkipping(ws, "users");
		assertThat(joined).startsWith("MESSAGE\n")
			.contains("destination:/user/queue/events\n", "subscription:sub-0\n", "content-type:application/json")
			.contains("\"type\":\"joined\"", "\"room\":\"general\"", "\"username\":\"Alex\"", "\"users\":[\"Alex\"]",
					"\"truncated\":");
		String me = field(joined, "me");
		assertThat(joined).contains("\"members\":[{\"id\":\"" + me + "\",\"name\":\"Alex\"}]", "\"lastRead\":0",
				"\"reads\":[]");
		assertThat(ws.readFrame()).contains("subscription:sub-0\n", "{\"type\":\"preferences\",\"readReceipts\":true}");
		assertThat(ws.readFrame()).contains("subscription:sub-0\n", "{\"type\":\"unread\",\"rooms\":[]}");
		assertThat(ws.readFrame()).contains("destination:/topic/general\n", "subscription:sub-1\n")
			.contains("\"type\":\"system\"", "\"event\":\"joined\"", "\"text\":\"Alex joined #general\"");
		// the conversations list and the room's list come from different places: either may be first
		List<String> lists = List.of(ws.readFrame(), ws.readFrame());
		assertThat(lists).anySatisfy((frame) -> assertThat(frame).contains("subscription:sub-0\n",
				"{\"type\":\"conversations\",\"conversations\":[]}"));
		assertThat(lists).anySatisfy((frame) -> assertThat(frame).contains("\"type\":\"users\"",
				"\"users\":[\"Alex\"]", "\"joinedMembers\":[{\"id\":\"" + me + "\""));

		ws.sendFrame("SEND\ndestination:/app/send\n\n{\"room\":\"general\",\"text\":\"hello\"}");
		assertThat(ws.readFrame()).contains("subscription:sub-1\n", "\"type\":\"message\"", "\"username\":\"Alex\"",
				"\"text\":\"hello\"", "\"timestamp\":");

		ws.sendFrame("SEND\ndestination:/app/send\n\n{\"room\":\"general\",\"text\":\"\"}");
		assertThat(ws.readFrame()).contains("subscription:sub-0\n", "\"type\":\"error\"", "\"code\":\"invalid-message\"",
				"\"message\":\"A message cannot be empty.\"");

		ws.sendFrame("DISCONNECT\nreceipt:bye\n\n");
		assertThat(ws.readFrame()).startsWith("RECEIPT\n").contains("receipt-id:bye\n");
	}

	@Test
	void theDocumentedDirectMessagePlaysOutAsDocumented() throws Exception {
		RawWebSocket alex = joinedRaw("Alex", "9e8d7c6b-1d2a-4c7e-9a55-0f1b2c3d4e5f");
		RawWebSocket sam = joinedRaw("Sam", "5a6b7c8d-0000-4c7e-9a55-aaaabbbbcccc");
		String alexsId = field(alex.readFrame(), "me");
		String samsId = field(sam.readFrame(), "me");
		for (RawWebSocket ws : List.of(alex, sam)) {
			assertThat(ws.readFrame()).contains("\"type\":\"preferences\"");
			assertThat(ws.readFrame()).contains("\"type\":\"unread\"");
			assertThat(ws.readFrame()).contains("\"type\":\"conversations\"");
		}

		// each one's coming online is told at most 250 ms later, and once the DM made a conversation
		// it is told to the other: a presence event may come between any of the frames below
		alex.sendFrame("SEND\ndestination:/app/dm\n\n{\"to\":\"" + samsId + "\",\"text\":\"hi Sam\"}");
		for (RawWebSocket ws : List.of(alex, sam)) {
			assertThat(nextSkipping(ws, "presence")).contains("destination:/user/queue/events\n", "subscription:sub-0\n",
					"\"type\":\"dm\"", "\"id\":1,", "\"from\":{\"id\":\"" + alexsId + "\",\"name\":\"Alex\"}",
					"\"to\":{\"id\":\"" + samsId + "\",\"name\":\"Sam\"}", "\"text\":\"hi Sam\"", "\"timestamp\":");
		}
		sam.sendFrame("SEND\ndestination:/app/dm-read\n\n{\"with\":\"" + alexsId + "\",\"id\":1}");
		assertThat(nextSkipping(sam, "presence")).contains("\"type\":\"conversation\"",
				"\"with\":{\"id\":\"" + alexsId + "\",\"name\":\"Alex\",\"online\":true}", "\"lastId\":1",
				"\"lastReadId\":1", "\"peerLastReadId\":1", "\"unread\":0", "\"blocked\":false",
				"\"last\":{\"type\":\"dm\"");
		assertThat(nextSkipping(alex, "presence")).contains("\"type\":\"conversation\"",
				"\"with\":{\"id\":\"" + samsId + "\",\"name\":\"Sam\",\"online\":true}", "\"lastReadId\":1",
				"\"peerLastReadId\":1");
		sam.sendFrame("SEND\ndestination:/app/dm-history\n\n{\"with\":\"" + alexsId + "\",\"since\":0}");
		assertThat(nextSkipping(sam, "presence")).contains("\"type\":\"dm-history\"", "\"with\":\"" + alexsId + "\"",
				"\"messages\":[{\"type\":\"dm\",\"id\":1,", "\"hasMore\":false", "\"blocked\":false");
		alex.sendFrame("SEND\ndestination:/app/dm\n\n{\"to\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"text\":\"anyone?\"}");
		assertThat(nextSkipping(alex, "presence")).contains("\"type\":\"error\"", "\"code\":\"unknown-user\"",
				"\"message\":\"Nobody with that id has ever joined.\"");
	}

	/** A raw connection that joined #tech (subscribed to its own events only), with its joined reply unread. */
	private RawWebSocket joinedRaw(String name, String clientId) throws Exception {
		RawWebSocket ws = track(RawWebSocket.open(this.port, "/ws"));
		ws.sendFrame("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n\n");
		ws.readFrame();
		ws.sendFrame("SUBSCRIBE\nid:sub-0\ndestination:/user/queue/events\n\n");
		ws.sendFrame("SEND\ndestination:/app/join\n\n{\"username\":\"" + name + "\",\"room\":\"tech\",\"clientId\":\""
				+ clientId + "\"}");
		return ws;
	}

	/** A string field of the JSON body of a frame. */
	private static String field(String frame, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(frame);
		assertThat(matcher.find()).as("%s in %s", name, frame).isTrue();
		return matcher.group(1);
	}

	/** The next frame that is not an event of the given type. */
	private static String nextSkipping(RawWebSocket ws, String type) throws Exception {
		String frame = ws.readFrame();
		while (frame.contains("\"type\":\"" + type + "\"")) {
			frame = ws.readFrame();
		}
		return frame;
	}

}
