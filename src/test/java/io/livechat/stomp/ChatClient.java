package io.livechat.stomp;

import java.lang.reflect.Type;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import org.springframework.web.socket.sockjs.client.RestTemplateXhrTransport;
import org.springframework.web.socket.sockjs.client.SockJsClient;

/**
 * A real STOMP client for the end-to-end tests: connects over WebSocket (or SockJS), keeps
 * every frame it receives in arrival order, and waits for them with a deadline.
 */
public final class ChatClient implements AutoCloseable {

	public static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();

	static {
		heartbeats.setPoolSize(1);
		heartbeats.setThreadNamePrefix("test-heartbeat-");
		heartbeats.setDaemon(true);
		heartbeats.initialize();
	}

	/** Received frames, in order: the destination and the parsed body. */
	public record Received(String destination, JsonNode body, long receivedAtNanos) {

		public String type() {
			return this.body.path("type").asString();
		}

	}

	private final String clientId;

	private final List<Received> received = new ArrayList<>();

	private final List<String> transportErrors = new ArrayList<>();

	/** Indexes into {@link #received} of the frames {@link #take} has handed out. */
	private final Set<Integer> taken = new HashSet<>();

	private StompSession session;

	private ChatClient(String clientId) {
		this.clientId = clientId;
	}

	public static ChatClient connect(int port) {
		return connect(port, "client-" + UUID.randomUUID());
	}

	/** Connects as a browser with the given persistent clientId (a second tab shares it). */
	public static ChatClient connect(int port, String clientId) {
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		container.setDefaultMaxTextMessageBufferSize(1024 * 1024);
		return new ChatClient(clientId).open(new StandardWebSocketClient(container), "ws://127.0.0.1:" + port + "/ws",
				new WebSocketHttpHeaders());
	}

	/**
	 * Connects as a browser at {@code address}: the handshake says so in {@code X-Forwarded-For},
	 * as the platform's proxy does (the server trusts it from a loopback peer).
	 */
	public static ChatClient connectFrom(int port, String clientId, String address) {
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		container.setDefaultMaxTextMessageBufferSize(1024 * 1024);
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.add("X-Forwarded-For", address);
		return new ChatClient(clientId).open(new StandardWebSocketClient(container), "ws://127.0.0.1:" + port + "/ws",
				headers);
	}

	/**
	 * Connects through the SockJS endpoint with the XHR transports only (streaming, then polling),
	 * keeping cookies as a browser does (the server ties each SockJS session to one).
	 */
	static ChatClient connectSockJs(int port) {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		RestTemplate rest = new RestTemplate(new JdkClientHttpRequestFactory(http));
		SockJsClient sockJs = new SockJsClient(List.of(new RestTemplateXhrTransport(rest)));
		return new ChatClient("client-" + UUID.randomUUID()).open(sockJs, "http://127.0.0.1:" + port + "/sockjs",
				new WebSocketHttpHeaders());
	}

	private ChatClient open(WebSocketClient transport, String url, WebSocketHttpHeaders headers) {
		WebSocketStompClient stomp = new WebSocketStompClient(new OneSendAtATime(transport));
		stomp.setMessageConverter(new JsonBytes());
		stomp.setTaskScheduler(heartbeats);
		// the server decides: with its default of 10 s these are 10 s, with a test setting of 1 s they are 1 s
		stomp.setDefaultHeartbeat(new long[] { 1_000, 1_000 });
		stomp.setInboundMessageSizeLimit(1024 * 1024);
		try {
			this.session = stomp.connectAsync(url, headers, new StompSessionHandlerAdapter() {
				@Override
				public void handleTransportError(StompSession session, Throwable exception) {
					synchronized (ChatClient.this) {
						ChatClient.this.transportErrors.add(String.valueOf(exception));
					}
				}
			}).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not connect to " + url, ex);
		}
		return this;
	}

	public String clientId() {
		return this.clientId;
	}

	public ChatClient subscribe(String destination) {
		this.session.subscribe(destination, new StompSessionHandlerAdapter() {
			@Override
			public Type getPayloadType(StompHeaders headers) {
				return byte[].class;
			}

			@Override
			public void handleFrame(StompHeaders headers, Object payload) {
				JsonNode body = json.readTree((byte[]) payload);
				synchronized (ChatClient.this) {
					ChatClient.this.received.add(new Received(destination, body, System.nanoTime()));
				}
			}
		});
		return this;
	}

	/** Subscribes to its own events and to the room, then joins it; returns the joined reply. */
	public JsonNode join(String username, String room) {
		subscribe("/user/queue/events").subscribe("/topic/" + room);
		sendJoin(username, room, null);
		return take("joined");
	}

	public void sendJoin(String username, String room, Long since) {
		String sinceField = (since != null) ? ",\"since\":" + since : "";
		send("/app/join", "{\"username\":%s,\"room\":\"%s\",\"clientId\":\"%s\"%s}".formatted(quote(username), room,
				this.clientId, sinceField));
	}

	public void say(String room, String text) {
		send("/app/send", "{\"room\":\"%s\",\"text\":%s}".formatted(room, quote(text)));
	}

	/** Posts a message and waits for it to come back from the room: its id. */
	public long post(String room, String text) {
		say(room, text);
		return take((r) -> r.type().equals("message") && r.body().path("text").asString().equals(text)).body()
			.path("id")
			.asLong();
	}

	/** The public id the first {@code joined} reply gave this connection. */
	public String me() {
		return all((r) -> r.type().equals("joined")).get(0).body().path("me").asString();
	}

	public void send(String destination, String body) {
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		this.session.send(headers, body.getBytes(StandardCharsets.UTF_8));
	}

	/** Waits for the next not-yet-taken event of this type (on any destination) and takes it. */
	public JsonNode take(String type) {
		return take((r) -> r.type().equals(type)).body();
	}

	/** Waits for the next error event and returns its code. */
	public String takeErrorCode() {
		return take("error").path("code").asString();
	}

	/**
	 * Waits for the first received frame that matches and was not taken before, and takes it;
	 * frames before it stay available.
	 */
	public Received take(Predicate<Received> matching) {
		Received[] found = new Received[1];
		Awaitility.await().atMost(TIMEOUT).until(() -> {
			synchronized (this) {
				for (int i = 0; i < this.received.size(); i++) {
					Received candidate = this.received.get(i);
					if (!this.taken.contains(i) && matching.test(candidate)) {
						this.taken.add(i);
						found[0] = candidate;
						return true;
					}
				}
				return false;
			}
		});
		return found[0];
	}

	/** Everything received so far that matches, in arrival order, taken or not. */
	public synchronized List<Received> all(Predicate<Received> matching) {
		return this.received.stream().filter(matching).toList();
	}

	/** The chat messages received on a room's topic, in arrival order. */
	public List<JsonNode> messages(String room) {
		return all((r) -> r.destination().equals("/topic/" + room) && r.type().equals("message")).stream()
			.map(Received::body)
			.toList();
	}

	public boolean isConnected() {
		return this.session.isConnected();
	}

	synchronized List<String> transportErrors() {
		return List.copyOf(this.transportErrors);
	}

	@Override
	public void close() {
		if (this.session.isConnected()) {
			this.session.disconnect();
		}
	}

	/** Passes JSON bodies through as bytes, both ways; the tests parse and write JSON themselves. */
	private static final class JsonBytes extends ByteArrayMessageConverter {

		@Override
		protected boolean supportsMimeType(MessageHeaders headers) {
			return true;
		}

	}

	public static String quote(String text) {
		return json.writeValueAsString(text);
	}

}
