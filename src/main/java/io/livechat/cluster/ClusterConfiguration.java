package io.livechat.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.livechat.chat.ChatEvents;
import io.livechat.chat.Room;
import io.livechat.chat.RoomRegistry;
import io.livechat.config.LiveChatProperties;
import io.livechat.persistence.JdbcMessageStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
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

	@Bean(destroyMethod = "shutdown")
	ScheduledExecutorService clusterScheduler() {
		return Executors.newScheduledThreadPool(2, new CustomizableThreadFactory("cluster-"));
	}

	@Bean
	MessageSequencer messageSequencer(JdbcMessageStore store, @Qualifier("chatEvents") ChatEvents local) {
		return new MessageSequencer(store.lastIds(), (message) -> local.toRoom(message.room(), message));
	}

	@Bean
	CatchUp catchUp(JdbcMessageStore store, MessageSequencer sequencer, ScheduledExecutorService clusterScheduler) {
		return new CatchUp(store, sequencer, clusterScheduler);
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

	/** The room events of this node: the registry's {@code ChatEvents} in cluster mode. */
	@Bean
	@Primary
	ClusterEvents clusterEvents(@Qualifier("chatEvents") ChatEvents local, ClusterBus bus, MessageSequencer sequencer,
			CatchUp catchUp, ClusterNode node) {
		return new ClusterEvents(local, bus, sequencer, catchUp, node.id());
	}

	@Bean
	ClusterReceiver clusterReceiver(ClusterNode node, JsonMapper json, @Qualifier("chatEvents") ChatEvents local,
			MessageSequencer sequencer, CatchUp catchUp, RoomRegistry registry) {
		return new ClusterReceiver(node.id(), json, local, sequencer, catchUp, registry);
	}

	/**
	 * One subscription to the cluster's channel. Its events are handled by one thread, in the
	 * order they arrive, from a bounded queue (beyond it they are dropped, and missed messages
	 * read from the database). The heartbeat subscribes it (before the web server takes
	 * connections, or later if Redis is unreachable at start).
	 */
	@Bean
	RedisMessageListenerContainer clusterListener(RedisConnectionFactory redis, ClusterReceiver receiver,
			ClusterNode node) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(redis);
		container.setTaskExecutor(new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(MAX_RECEIVED), new CustomizableThreadFactory("cluster-receiver-"),
				new ThreadPoolExecutor.DiscardPolicy()));
		container.setRecoveryInterval(1000);
		container.setAutoStartup(false);
		container.addMessageListener(receiver, new ChannelTopic(node.keys().channel()));
		return container;
	}

	@Bean
	ClusterHeartbeat clusterHeartbeat(RedisPresence presence, RoomRegistry registry, ClusterEvents events,
			RedisReachability reachability, CatchUp catchUp, RedisMessageListenerContainer clusterListener,
			ScheduledExecutorService clusterScheduler, LiveChatProperties properties) {
		return new ClusterHeartbeat(presence, registry, events, reachability, catchUp, clusterListener,
				clusterScheduler, properties.nodeTimeout(), properties.catchUpInterval());
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
