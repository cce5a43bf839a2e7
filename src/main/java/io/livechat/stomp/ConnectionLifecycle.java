package io.livechat.stomp;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import io.livechat.broker.Connections;
import io.livechat.chat.RoomRegistry;
import io.livechat.direct.DirectMessages;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.messaging.SessionConnectEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Registers a STOMP connection when it connects and turns its end, clean or abrupt (a closed
 * socket, missed heart-beats, an idle or refused socket), into a leave. Spring may report a
 * disconnect twice; every receiver is idempotent. Also runs, every second, the
 * {@link ConnectionGuard}'s and the {@link ConnectionQuotas}' sweeps and drops the connections
 * that stopped reading.
 */
class ConnectionLifecycle implements SmartLifecycle {

	private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

	private final RoomRegistry rooms;

	private final DirectMessages directMessages;

	private final ConnectionQuotas quotas;

	private final ConnectionGuard guard;

	private final Connections connections;

	private final long sendTimeLimitNanos;

	private final TaskScheduler scheduler;

	private volatile ScheduledFuture<?> sweeping;

	ConnectionLifecycle(RoomRegistry rooms, DirectMessages directMessages, ConnectionQuotas quotas,
			ConnectionGuard guard, Connections connections, Duration sendTimeLimit, TaskScheduler scheduler) {
		this.rooms = rooms;
		this.directMessages = directMessages;
		this.quotas = quotas;
		this.guard = guard;
		this.connections = connections;
		this.sendTimeLimitNanos = sendTimeLimit.toNanos();
		this.scheduler = scheduler;
	}

	@EventListener
	void connected(SessionConnectEvent event) {
		var headers = event.getMessage().getHeaders();
		String sessionId = SimpMessageHeaderAccessor.getSessionId(headers);
		this.quotas.register(sessionId, ClientAddress.from(SimpMessageHeaderAccessor.getSessionAttributes(headers)));
		this.rooms.connect(sessionId);
		this.directMessages.connected(sessionId);
		this.guard.stompConnected(sessionId);
	}

	@EventListener
	void disconnected(SessionDisconnectEvent event) {
		this.rooms.disconnect(event.getSessionId());
		this.directMessages.disconnected(event.getSessionId());
		this.quotas.forget(event.getSessionId());
	}

	@Override
	public void start() {
		this.sweeping = this.scheduler.scheduleAtFixedRate(() -> {
			this.guard.sweep();
			this.quotas.sweep();
			// a client whose frames have waited unwritten past the send time limit does not read
			this.connections.closeStalled(this.sendTimeLimitNanos);
		}, SWEEP_INTERVAL);
	}

	@Override
	public void stop() {
		ScheduledFuture<?> sweeping = this.sweeping;
		if (sweeping != null) {
			sweeping.cancel(false);
		}
		this.sweeping = null;
	}

	@Override
	public boolean isRunning() {
		return this.sweeping != null;
	}

}
