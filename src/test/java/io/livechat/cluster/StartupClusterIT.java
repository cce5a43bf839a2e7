package io.livechat.cluster;

import java.time.Duration;
import java.util.List;

import io.livechat.stomp.ChatClient;
import io.livechat.stomp.ServerProcess;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a node of a cluster starts. Cluster mode needs the shared PostgreSQL: each node's embedded
 * database would hand out its own message ids, so a node refuses to start on it instead of
 * splitting the chat. Redis, on the other hand, may be away: the node starts, serves its own
 * clients, and joins the others when Redis returns.
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

	@Test
	void aNodeStartedWhileRedisIsAwayServesItsClientsAndJoinsTheOthersWhenRedisReturns() throws Exception {
		try (Cluster cluster = Cluster.start("a"); Clients clients = new Clients()) {
			ChatClient sam = clients.joined(cluster.node("a"), "Sam", "general");
			cluster.redis().stop();

			ServerProcess b = cluster.startNode("b");
			assertThat(NodeApi.health(b).status()).as("b's health, started without Redis").isEqualTo("DEGRADED");
			ChatClient alex = clients.joined(b, "Alex", "general");
			alex.say("general", "from b, before Redis is back");
			Awaitility.await("Alex served by b alone").atMost(Duration.ofSeconds(10))
				.until(() -> Seen.messageTexts(alex, "general").contains("from b, before Redis is back"));

			cluster.redis().startAgain();
			sam.say("general", "from a, once Redis is back");

			Awaitility.await("both nodes as one chat").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				assertThat(NodeApi.health(b).status()).as("b's health").isEqualTo("UP");
				for (ChatClient client : List.of(sam, alex)) {
					assertThat(Seen.messageTexts(client, "general")).as("the messages %s received", client.clientId())
						.containsExactly("from b, before Redis is back", "from a, once Redis is back");
					assertThat(Seen.latestUsers(client, "general")).as("the users %s sees", client.clientId())
						.containsExactly("Alex", "Sam");
				}
			});
		}
	}

}
