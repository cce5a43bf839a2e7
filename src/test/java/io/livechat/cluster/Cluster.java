package io.livechat.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.livechat.stomp.ServerProcess;

/**
 * LiveChat nodes in cluster mode as users run them (the packaged jar, each its own process),
 * sharing a Redis of the test's own and a fresh PostgreSQL schema. Closing it stops the nodes,
 * then Redis, and drops the schema.
 */
final class Cluster implements AutoCloseable {

	/** How long a silent node takes to be declared dead, short for the tests (30 s by default). */
	static final Duration NODE_TIMEOUT = Duration.ofSeconds(3);

	/** How often a node looks in PostgreSQL for messages it missed (1 s by default). */
	static final Duration CATCH_UP_INTERVAL = Duration.ofMillis(500);

	private final RedisProcess redis;

	private final PostgresSchema schema;

	private final Map<String, ServerProcess> nodes = new LinkedHashMap<>();

	private final Duration nodeTimeout;

	private Cluster(RedisProcess redis, PostgresSchema schema, Duration nodeTimeout) {
		this.redis = redis;
		this.schema = schema;
		this.nodeTimeout = nodeTimeout;
	}

	/** Starts Redis, creates the schema, then starts the nodes one after the other. */
	static Cluster start(String... nodeIds) throws Exception {
		return start(NODE_TIMEOUT, nodeIds);
	}

	/** As {@link #start(String...)}, with nodes taken as dead after {@code nodeTimeout}. */
	static Cluster start(Duration nodeTimeout, String... nodeIds) throws Exception {
		RedisProcess redis = RedisProcess.start();
		PostgresSchema schema;
		try {
			schema = PostgresSchema.create();
		}
		catch (RuntimeException ex) {
			redis.close();
			throw ex;
		}
		Cluster cluster = new Cluster(redis, schema, nodeTimeout);
		try {
			for (String nodeId : nodeIds) {
				cluster.startNode(nodeId);
			}
		}
		catch (Exception ex) {
			cluster.close();
			throw ex;
		}
		return cluster;
	}

	/** The command-line settings of a node of a cluster on this Redis and this schema. */
	private static List<String> nodeArguments(String nodeId, RedisProcess redis, PostgresSchema schema,
			Duration nodeTimeout) {
		return List.of("--livechat.cluster=redis", "--livechat.node-id=" + nodeId,
				"--livechat.cluster-name=" + schema.name(), "--spring.data.redis.url=" + redis.url(),
				"--spring.datasource.url=" + schema.jdbcUrl(), "--spring.datasource.username=" + PostgresSchema.USERNAME,
				"--livechat.node-timeout=" + nodeTimeout.toMillis() + "ms",
				"--livechat.catch-up-interval=" + CATCH_UP_INTERVAL.toMillis() + "ms");
	}

	/** Starts the node with this id and waits until it is healthy. */
	ServerProcess startNode(String nodeId) throws Exception {
		ServerProcess previous = this.nodes.get(nodeId);
		if (previous != null && previous.isAlive()) {
			throw new IllegalStateException("Node " + nodeId + " is still running");
		}
		ServerProcess node = ServerProcess
			.start(nodeArguments(nodeId, this.redis, this.schema, this.nodeTimeout).toArray(String[]::new));
		this.nodes.put(nodeId, node);
		return node;
	}

	ServerProcess node(String nodeId) {
		ServerProcess node = this.nodes.get(nodeId);
		if (node == null) {
			throw new IllegalArgumentException("No node " + nodeId + " in this cluster, only " + this.nodes.keySet());
		}
		return node;
	}

	RedisProcess redis() {
		return this.redis;
	}

	/** Stops every node, then Redis, then drops the schema, even when one of them fails. */
	@Override
	public void close() throws Exception {
		List<Exception> failures = new ArrayList<>();
		for (ServerProcess node : this.nodes.values()) {
			closeRecording(node, failures);
		}
		closeRecording(this.redis, failures);
		closeRecording(this.schema, failures);
		if (!failures.isEmpty()) {
			Exception first = failures.get(0);
			failures.subList(1, failures.size()).forEach(first::addSuppressed);
			throw first;
		}
	}

	private static void closeRecording(AutoCloseable closeable, List<Exception> failures) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			failures.add(ex);
		}
	}

}
