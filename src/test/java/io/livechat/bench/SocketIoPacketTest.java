package io.livechat.bench;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SocketIoPacketTest {

	private static final String NEW_MESSAGE = "42[\"new-message\",{\"id\":7,\"username\":\"lgab1-0\",\"text\":\"~LG|ab1|0|1|5\","
			+ "\"timestamp\":1796157124721}]";

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"0{\"sid\":\"x\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}|OPEN",
			"1|CLOSE", "2|PING", "40{\"sid\":\"y\"}|CONNECTED", "41|DISCONNECTED", "42[\"room-users\",[]]|EVENT",
			"44{\"message\":\"Invalid namespace\"}|CONNECT_ERROR", "3|OTHER", "6|OTHER", "4|OTHER", "43[]|OTHER",
			"x|OTHER" })
	void tellsThePacketTypeFromItsDigits(String packet, SocketIoPacket.Kind kind) {
		assertThat(SocketIoPacket.kind(packet, 0, packet.length())).isEqualTo(kind);
	}

	@Test
	void anEmptyMessageIsNoPacket() {
		assertThat(SocketIoPacket.kind("", 0, 0)).isEqualTo(SocketIoPacket.Kind.OTHER);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "42[\"new-message\",{}]|NEW_MESSAGE", "42[\"message-history\",[]]|MESSAGE_HISTORY",
			"42[\"room-users\",[\"a\"]]|ROOM_USERS", "42[\"system-message\",{}]|SYSTEM_MESSAGE",
			"42[\"error-message\",\"Invalid username or room\"]|ERROR_MESSAGE", "42[\"new-messages\",{}]|OTHER",
			"42[\"new\",{}]|OTHER", "42[\"typing\",{}]|OTHER", "42[\"n|OTHER", "42[|OTHER", "421[\"new-message\",{}]|OTHER" })
	void tellsTheEventByItsName(String packet, SocketIoPacket.Event event) {
		assertThat(SocketIoPacket.event(packet, 0, packet.length())).isEqualTo(event);
	}

	@Test
	void findsWhereTheEventsArgumentStarts() {
		int start = SocketIoPacket.argumentStart(NEW_MESSAGE, 0, NEW_MESSAGE.length());

		assertThat(NEW_MESSAGE.substring(start)).startsWith("{\"id\":7,");
		assertThat(EventBody.textStart(NEW_MESSAGE, start, NEW_MESSAGE.length())).isPositive();
	}

	@Test
	void anEventWithoutArgumentHasNoArgumentStart() {
		assertThat(SocketIoPacket.argumentStart("42[\"leave\"]", 0, 11)).isEqualTo(-1);
		assertThat(SocketIoPacket.argumentStart("2", 0, 1)).isEqualTo(-1);
	}

	@Test
	void readsWithinTheGivenRangeOnly() {
		String text = "xx" + NEW_MESSAGE + "yy";

		assertThat(SocketIoPacket.kind(text, 2, text.length() - 2)).isEqualTo(SocketIoPacket.Kind.EVENT);
		assertThat(SocketIoPacket.event(text, 2, text.length() - 2)).isEqualTo(SocketIoPacket.Event.NEW_MESSAGE);
		assertThat(text.substring(SocketIoPacket.argumentStart(text, 2, text.length() - 2))).startsWith("{\"id\":7");
	}

	@Test
	void readsThePingIntervalOfTheOpenPacket() {
		String open = "0{\"sid\":\"i4fs\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}";

		assertThat(SocketIoPacket.pingIntervalMillis(open, 0, open.length())).isEqualTo(25_000);
		assertThat(SocketIoPacket.pingIntervalMillis("0{\"sid\":\"i4fs\"}", 0, 15)).isEqualTo(-1);
	}

	@Test
	void countsTheRunsNamesInARoomUsersList() {
		String packet = "42[\"room-users\",[\"Alex\",\"lgab1-0\",\"lgab1-1\",\"lgzz9-0\",\"lgab1-12\"]]";
		int list = SocketIoPacket.argumentStart(packet, 0, packet.length());

		assertThat(packet.charAt(list)).isEqualTo('[');
		assertThat(EventBody.countNames(packet, list + 1, packet.length(), "lgab1-")).isEqualTo(3);
		assertThat(EventBody.countNames("42[\"room-users\",[]]", 17, 19, "lgab1-")).isZero();
	}

	@Test
	void writesTheReferenceChatsCommands() {
		assertThat(SocketIoPacket.join("lgab1-3", "tech")).isEqualTo("42[\"join\",{\"username\":\"lgab1-3\",\"room\":\"tech\"}]");
		assertThat(SocketIoPacket.sendMessage("~LG|ab1|0|1|5")).isEqualTo("42[\"send-message\",\"~LG|ab1|0|1|5\"]");
		assertThat(SocketIoPacket.CONNECT).isEqualTo("40");
		assertThat(SocketIoPacket.PONG).isEqualTo("3");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "ws://127.0.0.1:3000|ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket",
			"ws://127.0.0.1:3000/|ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket",
			"ws://127.0.0.1:3000/socket.io|ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket",
			"ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket|ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket",
			"ws://localhost:3001/chat/?token=t|ws://localhost:3001/chat/?token=t&EIO=4&transport=websocket" })
	void addsEngineIosPathAndQueryToAServersUrl(String given, String url) {
		assertThat(SocketIoPacket.url(URI.create(given))).isEqualTo(URI.create(url));
	}

}
