package io.livechat.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.livechat.stomp.ChatClient;
import io.livechat.stomp.ServerProcess;

/** The chat clients a test opens, on any node; closing it closes them all. */
final class Clients implements AutoCloseable {

	private final List<ChatClient> opened = new ArrayList<>();

	/** A browser with its own clientId, connected to {@code node}. */
	ChatClient connect(ServerProcess node) {
		return connect(node, "client-" + UUID.randomUUID());
	}

	/** A browser tab with this clientId (another tab may share it, on any node). */
	ChatClient connect(ServerProcess node, String clientId) {
		ChatClient client = ChatClient.connect(node.port(), clientId);
		this.opened.add(client);
		return client;
	}

	/** A client on {@code node} that has joined {@code room} as {@code username} (and got its reply). */
	ChatClient joined(ServerProcess node, String username, String room) {
		ChatClient client = connect(node);
		client.join(username, room);
		return client;
	}

	/**
	 * Closes every client. A client of a killed node cannot say goodbye; that is no failure of
	 * the test, so what closing throws is ignored.
	 */
	@Override
	public void close() {
		for (ChatClient client : this.opened) {
			try {
				client.close();
			}
			catch (RuntimeException ex) {
				// its node is gone
			}
		}
		this.opened.clear();
	}

}
