package io.livechat.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.livechat.chat.ChatEvents;
import io.livechat.chat.CoalescedPresence;
import io.livechat.chat.PublishedMessages;
import io.livechat.chat.Room;
import io.livechat.chat.RoomRegistry;
import io.livechat.config.LiveChatProperties;
import io.livechat.direct.DirectMessages;
import io.livechat.direct.LocalDelivery;
import io.livechat.direct.Mailboxes;
import io.livechat.persistence.JdbcDirectMessageStore;
import io.livechat.persistence.JdbcMessageStore;
import io.livechat.reads.ReadNotices;
import io.livechat.reads.ReadReceipts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * {@code livechat.cluster=redis}: this node shares its rooms with the other nodes of the same
 * cluster name. Each node fans out to its own connections; room events travel between nodes on
 * one Redis pub/sub channel (one subscription per node), presence lives in Redis, and messages
 * and their ids in PostgreSQL, from which a node fills whatever pub/sub dropped.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "livechat.cluster", havingValue = "redis")
class ClusterConfiguration {

	/** Cluster events waiting to be handed to this node's clients. */
	static final int MAX_RECEIVED = 10_000;

	@Bean
	ClusterNode clusterNode(LiveChatProperties properties, Environment environment) {
		String id = properties.nodeId();
		if (id == null) {
			id = hostName() + ":" + environment.getProperty("server.port", "8080");
		}
		return new ClusterNode(id, new ClusterKeys(properties.clusterName()));
	}

	/** No latency histogram per Redis command: a cost per message that nobody reads. */
	@Bean
	ClientResourcesBuilderCustomizer noCommandLatencies() {
		return (resources) -> resources.commandLatencyRecorder(CommandLatencyRecorder.disabled());
	}

	@Bean
	RedisReachability redisReachability() {
		return new RedisReachability();
	}

	@Bean
	RedisPresence redisPresence(StringRedisTemplate redis, ClusterNode node, LiveChatProperties properties,
			RedisReachability reachability) {
		return new RedisPresence(redis, node.keys(), node.id(), properties.rooms().stream().map(Room::id).toList(),
				reachability);
	}

	/** The heartbeat's own thread: nothing slow (a database read) may delay a beat. */
	@Bean(destroyMethod = "shutdown")
	ScheduledExecutorService heartbeatScheduler() {
		return Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("cluster-heartbeat-"));
	}

	@Bean(destroyMethod = "shutdown")
	ScheduledExecutorService catchUpScheduler() {
		return Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("cluster-catch-up-"));
	}

	/**
	 * Hands the cluster's events to this node one at a time, in order, from a bounded queue
	 * (beyond it they are dropped, and missed messages read from the database).
	 */
	@Bean(destroyMethod = "shutdown")
	ExecutorService clusterReceiverThread() {
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_RECEIVED),
				new CustomizableThreadFactory("cluster-receiver-"), new ThreadPoolExecutor.DiscardPolicy());
	}

	@Bean
	MessageSequencer messageSequencer(JdbcMessageStore store, PublishedMessages local) {
		return new MessageSequencer(store.lastIds(), (message) -> local.toRoom(message.room(), message));
	}

	@Bean
	CatchUp catchUp(JdbcMessageStore store, ObjectProvider<RoomRegistry> registry, MessageSequencer sequencer,
			ScheduledExecutorService catchUpScheduler) {
		return new CatchUp(store, registry::getObject, sequencer, catchUpScheduler);
	}

	@Bean
	ClusterBus clusterBus(StringRedisTemplate redis, ClusterNode node, JsonMapper json, RedisReachability reachability,
			MeterRegistry meters) {
		ClusterBus bus = new ClusterBus(redis, node.keys(), json, reachability);
		FunctionCounter.builder("livechat.cluster.events.dropped", bus, ClusterBus::dropped)
			.description("Room events not published to the other nodes (Redis unreachable or the queue full)")
			.register(meters);
		Gauge.builder("livechat.cluster.redis.up", reachability, (r) -> r.isUp() ? 1 : 0)
			.description("1 while this node reaches Redis, 0 while it serves its own clients only")
			.register(meters);
		return bus;
	}

	/**
	 * The registry's events in cluster mode (the name {@code ChatConfiguration} looks for): to
	 * this node's clients, and to the other nodes.
	 */
	@Bean
	ClusterEvents roomEvents(CoalescedPresence local, ClusterBus bus, MessageSequencer sequencer, CatchUp catchUp,
			ClusterNode node, ScheduledExecutorService presenceScheduler, LiveChatProperties properties) {
		ChatEvents notices = CoalescedPresence.everyInterval(new PresenceNotices(bus, node.id()), presenceScheduler,
				properties.presenceInterval(), System::nanoTime);
		return new ClusterEvents(local, notices, bus, sequencer, catchUp, node.id());
	}

	/** Direct messages to the other nodes, and theirs to this node's connections, in order. */
	@Bean
	ClusterDirectMessages clusterDirectMessages(ClusterBus bus, ClusterNode node, JdbcDirectMessageStore store,
			LocalDelivery localDelivery, ScheduledExecutorService catchUpScheduler, LiveChatProperties properties,
			ObjectProvider<DirectMessages> messages) {
		ClusterDirectMessages directMessages = new ClusterDirectMessages(bus, node.id(), store, localDelivery,
				Clock.systemUTC(), messages::getObject);
		directMessages.start(catchUpScheduler, properties.catchUpInterval());
		return directMessages;
	}

	/** Who is online on any node, for the direct messages' presence. */
	@Bean
	RedisOnlinePeople redisOnlinePeople(StringRedisTemplate redis, ClusterNode node, Mailboxes mailboxes,
			ClusterBus bus, RedisReachability reachability, ObjectProvider<DirectMessages> directMessages) {
		return new RedisOnlinePeople(redis, node.keys(), node.id(), mailboxes, bus, reachability,
				directMessages::getObject);
	}

	@Bean
	ClusterReceiver clusterReceiver(ClusterNode node, JsonMapper json, CoalescedPresence local,
			MessageSequencer sequencer, CatchUp catchUp, RoomRegistry registry, ClusterDirectMessages directMessages,
			RedisOnlinePeople online, ReadReceipts readReceipts) {
		return new ClusterReceiver(node.id(), json, local, sequencer, catchUp, registry, directMessages, online,
				readReceipts);
	}

	/** Read positions and settings changed here, for the other nodes' connections. */
	@Bean
	ReadNotices clusterReadNotices(ClusterBus bus, ClusterNode node) {
		return new ReadNotices() {

			@Override
			public void advanced(String person, String roomId, long lastRead) {
				bus.publish(ClusterMessage.read(node.id(), person, roomId, lastRead));
			}

			@Override
			public void receiptsChanged(String person, boolean on) {
				bus.publish(ClusterMessage.receiptsChanged(node.id(), person, on));
			}

		};
	}

	/**
	 * One subscription to the cluster's channel, handled by the receiver thread. The heartbeat
	 * subscribes it (before the web server takes connections, or later if Redis is unreachable
	 * at start).
	 */
	@Bean
	RedisMessageListenerContainer clusterListener(RedisConnectionFactory redis, ClusterReceiver receiver,
			ClusterNode node, ExecutorService clusterReceiverThread) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(redis);
		container.setTaskExecutor(clusterReceiverThread);
		container.setRecoveryInterval(1000);
		container.setAutoStartup(false);
		container.setPhase(0); // stopped with the heartbeat, after the web server closed the sessions
		container.addMessageListener(receiver, new ChannelTopic(node.keys().channel()));
		return container;
	}

	@Bean
	ClusterHeartbeat clusterHeartbeat(RedisPresence presence, RedisOnlinePeople online, RoomRegistry registry,
			ClusterEvents events, ClusterBus bus, RedisReachability reachability, CatchUp catchUp,
			RedisMessageListenerContainer clusterListener, ScheduledExecutorService heartbeatScheduler,
			ScheduledExecutorService catchUpScheduler, LiveChatProperties properties) {
		return new ClusterHeartbeat(presence, online, registry, events, bus, reachability, catchUp, clusterListener,
				heartbeatScheduler, catchUpScheduler, properties.nodeTimeout(), properties.catchUpInterval());
	}

	@Bean
	ClusterHealthIndicator clusterHealthIndicator(RedisReachability reachability, ClusterNode node) {
		return new ClusterHealthIndicator(reachability, node.id());
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
		}
		catch (UnknownHostException ex) {
			return "node";
		}
	}

	/** This node's id and its cluster's key names. */
	record ClusterNode(String id, ClusterKeys keys) {
	}

}
