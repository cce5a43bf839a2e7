package io.livechat.cluster;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.livechat.images.TestImages;
import io.livechat.images.TestUploads;
import io.livechat.stomp.ChatClient;
import io.livechat.stomp.ServerProcess;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images across nodes sharing PostgreSQL and Redis: an upload to any node by a person joined on
 * another, sent through their own node, shown and served on every node; a conversation's image
 * served on any node to its two people only.
 */
class ImagesClusterIT {

	private static final Duration WITHIN = Duration.ofSeconds(10);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static String base(ServerProcess node) {
		return "http://127.0.0.1:" + node.port();
	}

	private static String idOf(ChatClient client) {
		return client.all((r) -> r.type().equals("joined")).get(0).body().path("me").asString();
	}

	@Test
	void anImageUploadedOnOneNodeIsShownAndServedOnTheOther() throws Exception {
		try (Cluster cluster = Cluster.start("a", "b"); Clients clients = new Clients()) {
			ServerProcess a = cluster.node("a");
			ServerProcess b = cluster.node("b");
			ChatClient alex = clients.joined(a, "Alex", "general");
			ChatClient sam = clients.joined(b, "Sam", "general");
			ChatClient kim = clients.joined(b, "Kim", "general");
			byte[] photo = TestImages.jpeg(800, 600);

			HttpResponse<String> upload = TestUploads.upload(base(b), alex.clientId(), photo, "photo.jpg", "image/jpeg");
			assertThat(upload.statusCode()).as("Alex is joined on A: B knows it. " + upload.body()).isEqualTo(201);
			String id = json.readTree(upload.body()).path("id").asString();
			alex.send("/app/send", "{\"room\":\"general\",\"text\":\"from A\",\"image\":\"" + id + "\"}");

			JsonNode onB = sam.take((r) -> r.type().equals("message")).body();
			assertThat(onB.path("image").path("id").asString()).isEqualTo(id);
			assertThat(onB.path("image").path("width").asInt()).isEqualTo(800);
			HttpResponse<byte[]> fromB = TestUploads.fetch(base(b), onB.path("image").path("url").asString(), null);
			HttpResponse<byte[]> fromA = TestUploads.fetch(base(a), onB.path("image").path("url").asString(), null);
			assertThat(fromB.statusCode()).isEqualTo(200);
			assertThat(fromB.headers().firstValue("Content-Type")).hasValue("image/jpeg");
			assertThat(fromB.body()).isEqualTo(fromA.body());
			assertThat(TestUploads.fetch(base(b), onB.path("image").path("thumbnailUrl").asString(), null).statusCode())
				.isEqualTo(200);

			String dmImage = json.readTree(TestUploads.upload(base(a), alex.clientId(), TestImages.png(30, 30)).body())
				.path("id")
				.asString();
			alex.send("/app/dm", "{\"to\":\"%s\",\"text\":\"\",\"image\":\"%s\"}".formatted(idOf(sam), dmImage));
			JsonNode dm = sam.take((r) -> r.type().equals("dm")).body();
			String url = dm.path("image").path("url").asString();
			Awaitility.await("Sam, joined on B, fetches the DM's image from A").atMost(WITHIN)
				.until(() -> TestUploads.fetch(base(a), url, sam.clientId()).statusCode() == 200);
			assertThat(TestUploads.fetch(base(a), url, kim.clientId()).statusCode()).isEqualTo(404);
			assertThat(TestUploads.fetch(base(b), url, kim.clientId()).statusCode()).isEqualTo(404);
		}
	}

}
