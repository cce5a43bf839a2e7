package io.livechat.cluster;

import java.time.Duration;

import io.livechat.stomp.ServerProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cluster mode needs the shared PostgreSQL: each node's embedded database would hand out its
 * own message ids, so a node refuses to start on it instead of splitting the chat.
 */
class StartupClusterIT {

	@Test
	void clusterModeOnTheEmbeddedDatabaseRefusesToStart() throws Exception {
		try (RedisProcess redis = RedisProcess.start(); // a Redis it could use: only the database is wrong
				ServerProcess node = ServerProcess.launch("--livechat.cluster=redis",
						"--spring.data.redis.url=" + redis.url(), "--livechat.node-id=a")) {
			Integer exitCode = node.awaitExit(Duration.ofSeconds(30));

			assertThat(exitCode).as("exit code of a node in cluster mode on the embedded database (null: still "
					+ "running); log:%n%s", node.log()).isNotNull().isNotZero();
			assertThat(node.log()).as("the refused node's log").containsIgnoringCase("PostgreSQL");
		}
	}

}
