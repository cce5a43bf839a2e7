package io.livechat.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.livechat.chat.ChatEvents;
import io.livechat.chat.Presence;
import io.livechat.chat.RoomRegistry;
import io.livechat.chat.RoomsEvent;
import io.livechat.chat.SystemEvent;
import io.livechat.chat.UsersEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.Lifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * This node's life in the cluster. At start it clears what an earlier run under the same node id
 * left in Redis (announcing those users as gone). Then, every beat (a third of the node timeout,
 * at most a second):
 * it renews its own key, reaps nodes whose key expired (their users are announced as left, by
 * whichever survivor gets there first), and after Redis was unreachable or lost this node's
 * entries, claims its users again and has every node refresh its lists, and catches up on missed
 * messages. At stop, after the clients are gone, it removes itself.
 * <p>
 * Starts before the web server accepts connections and stops after it has closed them. A node
 * that starts while Redis is unreachable starts all the same, serving its own clients, and joins
 * the cluster (subscribes, claims its users) at the first beat that reaches Redis.
 */
final class ClusterHeartbeat implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ClusterHeartbeat.class);

	private final RedisPresence presence;

	private final RoomRegistry registry;

	private final ChatEvents events;

	private final ClusterBus bus;

	private final RedisReachability reachability;

	private final CatchUp catchUp;

	/** The subscription to the cluster's channel: Lettuce keeps it once it is made. */
	private final Lifecycle subscription;

	private final ScheduledExecutorService beats;

	private final ScheduledExecutorService catchUps;

	private final Duration timeout;

	private final Duration catchUpInterval;

	/** Who is online for direct messages: this node's set in Redis, kept as its users are. */
	private final RedisOnlinePeople online;

	private volatile boolean resyncNeeded;

	/** Whether the subscription was made; from then on Lettuce renews it after a reconnect. */
	private volatile boolean subscribed;

	private ScheduledFuture<?> beating;

	private ScheduledFuture<?> catchingUp;

	ClusterHeartbeat(RedisPresence presence, RedisOnlinePeople online, RoomRegistry registry, ChatEvents events,
			ClusterBus bus, RedisReachability reachability, CatchUp catchUp, Lifecycle subscription,
			ScheduledExecutorService beats, ScheduledExecutorService catchUps, Duration timeout, Duration catchUpInterval) {
		this.presence = presence;
		this.online = online;
		this.registry = registry;
		this.events = events;
		this.bus = bus;
		this.reachability = reachability;
		this.catchUp = catchUp;
		this.subscription = subscription;
		this.beats = beats;
		this.catchUps = catchUps;
		this.timeout = timeout;
		this.catchUpInterval = catchUpInterval;
	}

	@Override
	public synchronized void start() {
		try {
			subscribe();
			announceGone(this.presence.forgetNode(this.presence.nodeId(), false));
			this.online.forgetNode(this.presence.nodeId());
			this.presence.beat(this.timeout);
		}
		catch (RuntimeException ex) {
			this.reachability.lost(ex);
			this.resyncNeeded = true;
		}
		long beat = beatMillis(this.timeout);
		this.beating = this.beats.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
		long catchUp = this.catchUpInterval.toMillis();
		this.catchingUp = this.catchUps.scheduleWithFixedDelay(this.catchUp::run, catchUp, catchUp,
				TimeUnit.MILLISECONDS);
	}

	/** One beat; see the class comment. Never throws (a throwing task would stop beating). */
	void beat() {
		try {
			subscribe();
			boolean lostHere = this.presence.beat(this.timeout);
			boolean wasDown = this.reachability.regained();
			if (wasDown || lostHere || this.resyncNeeded) {
				resync();
			}
			for (String node : this.presence.silentNodes()) {
				Map<String, List<String>> gone = this.presence.forgetNode(node, true);
				if (!gone.isEmpty()) {
					logger.info("Node {} stopped beating: its users left ({})", node, gone);
				}
				announceGone(gone);
				this.online.forgetNode(node);
			}
		}
		catch (RuntimeException ex) {
			this.reachability.lost(ex);
			this.resyncNeeded = true;
		}
	}

	/**
	 * Subscribes to the cluster's channel unless that was done: throws while Redis is
	 * unreachable, after resetting the half-started subscription for the next try.
	 */
	private void subscribe() {
		if (this.subscribed) {
			return;
		}
		try {
			this.subscription.start();
			this.subscribed = true;
		}
		catch (RuntimeException ex) {
			this.subscription.stop();
			throw ex;
		}
	}

	/**
	 * Makes Redis hold exactly this node's users again: drops this node from every entry, claims
	 * every user connected here, then has every node (this one too) refresh its lists.
	 */
	private void resync() {
		Map<String, List<String>> dropped = this.presence.forgetNode(this.presence.nodeId(), false);
		this.presence.beat(this.timeout);
		for (String roomId : this.registry.roomIds()) {
			this.registry.forEachResident(roomId, (resident) -> {
				Presence.Claim claim = this.presence.reclaim(roomId, resident.name(), resident.clientId());
				if (!claim.granted()) {
					logger.warn("After the Redis outage, {} in #{} is also someone else's on another node",
							resident.name(), roomId);
				}
			});
		}
		this.online.resync();
		this.resyncNeeded = false;
		logger.info("Claimed this node's users again after Redis lost them or was unreachable ({} entries dropped)",
				dropped.values().stream().mapToInt(List::size).sum());
		for (String roomId : this.registry.roomIds()) {
			this.events.toRoom(roomId, new UsersEvent(roomId, this.registry.users(roomId)));
		}
		this.events.toLobby(new RoomsEvent(this.registry.summaries()));
		this.catchUp.soon();
	}

	/**
	 * A third of the node timeout (so that two beats may be lost before the others give up on
	 * this node), and at most a second (so that Redis is found again within a second after an
	 * outage, or after one failed call).
	 */
	static long beatMillis(Duration timeout) {
		return Math.max(100, Math.min(1000, timeout.toMillis() / 3));
	}

	private void announceGone(Map<String, List<String>> gone) {
		long now = System.currentTimeMillis();
		gone.forEach((roomId, names) -> {
			names.forEach((name) -> this.events.toRoom(roomId, SystemEvent.left(roomId, name, now)));
			this.events.toRoom(roomId, new UsersEvent(roomId, this.registry.users(roomId)));
		});
		if (!gone.isEmpty()) {
			this.events.toLobby(new RoomsEvent(this.registry.summaries()));
		}
	}

	@Override
	public synchronized void stop() {
		if (this.beating == null) {
			return;
		}
		this.beating.cancel(false);
		this.catchingUp.cancel(false);
		this.beating = null;
		this.subscription.stop();
		this.subscribed = false;
		if (this.reachability.isUp()) {
			try {
				Map<String, List<String>> gone = this.presence.leave();
				this.online.forgetNode(this.presence.nodeId());
				logger.info("Node {} left the cluster{}", this.presence.nodeId(),
						gone.isEmpty() ? "" : ", its users too: " + gone);
				announceGone(gone);
				// a notice of the last leaves here may still wait for its interval: have every node
				// read the lists now, before this node's publisher stops
				String node = this.presence.nodeId();
				this.registry.roomIds()
					.forEach((roomId) -> this.bus.publish(ClusterMessage.usersChanged(node, roomId)));
				this.bus.publish(ClusterMessage.roomsChanged(node));
			}
			catch (RuntimeException ex) {
				logger.warn("Could not leave the cluster cleanly (the others will reap this node): {}", ex.getMessage());
			}
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.beating != null;
	}

	/** Below the web server's phases: started before it, stopped after it. */
	@Override
	public int getPhase() {
		return 0;
	}

}
