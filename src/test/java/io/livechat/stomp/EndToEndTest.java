package io.livechat.stomp;

import java.util.ArrayList;
import java.util.List;

import io.livechat.chat.RoomRegistry;
import io.livechat.chat.RoomSummary;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The base of the end-to-end tests: the whole application on a random port, real clients over
 * real sockets. After each test every client is gone and every room empty again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class EndToEndTest {

	@LocalServerPort
	int port;

	@Autowired
	RoomRegistry rooms;

	private final List<AutoCloseable> opened = new ArrayList<>();

	ChatClient client() {
		return track(ChatClient.connect(this.port));
	}

	ChatClient client(String clientId) {
		return track(ChatClient.connect(this.port, clientId));
	}

	/** A new client (a browser of its own) that joined {@code room} as {@code name}. */
	ChatClient joined(String name, String room) {
		ChatClient client = client();
		client.join(name, room);
		return client;
	}

	/** Another tab of {@code of}'s browser (its clientId) that joined {@code room} as {@code name}. */
	ChatClient anotherTab(ChatClient of, String name, String room) {
		ChatClient tab = client(of.clientId());
		tab.join(name, room);
		return tab;
	}

	ChatClient sockJsClient() {
		return track(ChatClient.connectSockJs(this.port));
	}

	RawWebSocket rawStomp() throws Exception {
		return track(RawWebSocket.connectStomp(this.port));
	}

	<T extends AutoCloseable> T track(T closeable) {
		this.opened.add(closeable);
		return closeable;
	}

	@AfterEach
	void everyoneLeaves() throws Exception {
		for (AutoCloseable closeable : this.opened) {
			closeable.close();
		}
		Awaitility.await()
			.atMost(ChatClient.TIMEOUT)
			.until(() -> this.rooms.summaries().stream().mapToInt(RoomSummary::users).sum() == 0);
	}

}
