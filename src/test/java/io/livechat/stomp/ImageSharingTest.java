package io.livechat.stomp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import io.livechat.images.TestImages;
import io.livechat.images.TestUploads;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images end to end (protocol v1.4): uploaded over HTTP by a joined client, sent in a room or a
 * direct message over STOMP, received by everyone there, fetched with headers that let nothing
 * run; refused, with the right status and a message, when they are not images, too big, too
 * many or from nobody.
 */
class ImageSharingTest extends EndToEndTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private JsonNode uploaded(ChatClient client, byte[] file) {
		HttpResponse<String> response = TestUploads.upload(base(), client.clientId(), file);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body());
	}

	private static String error(HttpResponse<String> response) {
		return json.readTree(response.body()).path("error").asString();
	}

	@Nested
	class InARoom {

		@Test
		void anUploadedImageReachesEveryoneInTheRoomAndIsServedAsTheImageItIs() throws IOException {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");

			JsonNode upload = uploaded(alex, TestImages.png(1024, 768));
			assertThat(upload.path("id").asString()).hasSize(22);
			assertThat(upload.path("width").asInt()).isEqualTo(1024);
			assertThat(upload.path("height").asInt()).isEqualTo(768);
			assertThat(upload.path("thumbnail").path("width").asInt()).isEqualTo(320);
			assertThat(upload.path("thumbnail").path("height").asInt()).isEqualTo(240);
			assertThat(upload.path("type").asString()).isEqualTo("image/png");
			assertThat(upload.path("bytes").asLong()).isPositive();
			String id = upload.path("id").asString();

			alex.send("/app/send", "{\"room\":\"general\",\"text\":\"our office\",\"image\":\"" + id + "\"}");

			JsonNode message = sam.take((r) -> r.type().equals("message")).body();
			assertThat(message.path("text").asString()).isEqualTo("our office");
			JsonNode image = message.path("image");
			assertThat(image.path("id").asString()).isEqualTo(id);
			assertThat(image.path("url").asString()).isEqualTo("/api/images/" + id);
			assertThat(image.path("thumbnailUrl").asString()).isEqualTo("/api/images/" + id + "/thumbnail");
			assertThat(image.path("width").asInt()).isEqualTo(1024);
			assertThat(image.path("height").asInt()).isEqualTo(768);
			alex.take((r) -> r.type().equals("message"));

			HttpResponse<byte[]> full = TestUploads.fetch(base(), image.path("url").asString(), null);
			assertThat(full.statusCode()).isEqualTo(200);
			assertThat(full.headers().firstValue("Content-Type")).hasValue("image/png");
			assertThat(full.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(full.headers().firstValue("Content-Disposition")).hasValue("inline");
			assertThat(full.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
			assertThat(full.headers().allValues("Content-Security-Policy")).as("the page's policy replaced")
				.containsExactly("default-src 'none'");
			assertThat(full.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
			assertThat(full.body()).hasSize(upload.path("bytes").asInt());
			assertThat(ImageIO.read(new ByteArrayInputStream(full.body())).getWidth()).isEqualTo(1024);
			HttpResponse<byte[]> thumbnail = TestUploads.fetch(base(), image.path("thumbnailUrl").asString(), null);
			assertThat(thumbnail.statusCode()).isEqualTo(200);
			assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
			assertThat(thumbnail.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'");
			assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail.body())).getWidth()).isEqualTo(320);
		}

		@Test
		void aPictureWithoutACaptionIsAMessageWithEmptyText() {
			ChatClient alex = joined("Alex", "general");
			String id = uploaded(alex, TestImages.jpeg(50, 50)).path("id").asString();

			alex.send("/app/send", "{\"room\":\"general\",\"image\":\"" + id + "\"}");

			JsonNode message = alex.take((r) -> r.type().equals("message")).body();
			assertThat(message.path("text").asString()).isEmpty();
			assertThat(message.path("image").path("id").asString()).isEqualTo(id);
		}

		@Test
		void theImageStaysInTheRoomsHistory() {
			ChatClient alex = joined("Alex", "general");
			String id = uploaded(alex, TestImages.gif(60, 40)).path("id").asString();
			alex.send("/app/send", "{\"room\":\"general\",\"text\":\"gif\",\"image\":\"" + id + "\"}");
			alex.take((r) -> r.type().equals("message"));

			JsonNode joinedLater = client().join("Kim", "general");

			assertThat(joinedLater.path("history")).anySatisfy((message) -> {
				assertThat(message.path("image").path("id").asString()).isEqualTo(id);
				assertThat(message.path("image").path("width").asInt()).isEqualTo(60);
			});
		}

		@Test
		void anImageCanBeSentOnceAndOnlyByWhoeverUploadedIt() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");
			String id = uploaded(alex, TestImages.png(10, 10)).path("id").asString();

			sam.send("/app/send", "{\"room\":\"general\",\"text\":\"mine now\",\"image\":\"" + id + "\"}");
			assertThat(sam.takeErrorCode()).isEqualTo("unknown-image");

			alex.send("/app/send", "{\"room\":\"general\",\"text\":\"first\",\"image\":\"" + id + "\"}");
			alex.take((r) -> r.type().equals("message"));
			alex.send("/app/send", "{\"room\":\"general\",\"text\":\"again\",\"image\":\"" + id + "\"}");
			assertThat(alex.takeErrorCode()).isEqualTo("unknown-image");
			alex.send("/app/send", "{\"room\":\"general\",\"text\":\"made up\",\"image\":\"../../etc/passwd\"}");
			assertThat(alex.takeErrorCode()).isEqualTo("unknown-image");
		}

		@Test
		void anUnsentUploadIsServedToNoOne() {
			ChatClient alex = joined("Alex", "general");
			String id = uploaded(alex, TestImages.png(10, 10)).path("id").asString();

			assertThat(TestUploads.fetch(base(), "/api/images/" + id, alex.clientId()).statusCode()).isEqualTo(404);
		}

		@Test
		void aRefusedCaptionGivesTheImageBackToBeSentAgain() {
			ChatClient alex = joined("Alex", "general");
			String id = uploaded(alex, TestImages.png(10, 10)).path("id").asString();

			alex.send("/app/send", "{\"room\":\"general\",\"text\":\"" + "x".repeat(1001) + "\",\"image\":\"" + id + "\"}");
			assertThat(alex.takeErrorCode()).isEqualTo("message-too-long");
			alex.send("/app/send", "{\"room\":\"general\",\"text\":\"shorter\",\"image\":\"" + id + "\"}");

			assertThat(alex.take((r) -> r.type().equals("message")).body().path("image").path("id").asString())
				.isEqualTo(id);
		}

	}

	@Nested
	class InADirectMessage {

		@Test
		void onlyTheTwoPeopleOfTheConversationCanFetchItsImage() {
			ChatClient alex = joined("Alex", "general");
			ChatClient sam = joined("Sam", "general");
			ChatClient kim = joined("Kim", "general");
			String id = uploaded(alex, TestImages.png(200, 100)).path("id").asString();

			alex.send("/app/dm", "{\"to\":\"%s\",\"text\":\"just us\",\"image\":\"%s\"}".formatted(sam.me(), id));

			JsonNode dm = sam.take((r) -> r.type().equals("dm")).body();
			assertThat(dm.path("image").path("url").asString()).isEqualTo("/api/images/" + id);
			assertThat(dm.path("image").path("width").asInt()).isEqualTo(200);
			String url = dm.path("image").path("url").asString();
			HttpResponse<byte[]> forSam = TestUploads.fetch(base(), url, sam.clientId());
			assertThat(forSam.statusCode()).isEqualTo(200);
			assertThat(forSam.headers().firstValue("Cache-Control")).as("no shared cache keeps it")
				.hasValue("max-age=31536000, private, immutable");
			assertThat(TestUploads.fetch(base(), url + "/thumbnail", alex.clientId()).statusCode()).isEqualTo(200);
			assertThat(TestUploads.fetch(base(), url, kim.clientId()).statusCode()).isEqualTo(404);
			assertThat(TestUploads.fetch(base(), url + "/thumbnail", kim.clientId()).statusCode()).isEqualTo(404);
			assertThat(TestUploads.fetch(base(), url, null).statusCode()).isEqualTo(404);
			assertThat(TestUploads.fetch(base(), url, "a-client-never-seen").statusCode()).isEqualTo(404);
		}

	}

	@Nested
	class Refused {

		@Test
		void anUploadFromNoJoinedClient() {
			ChatClient connectedOnly = client();
			HttpResponse<String> withoutHeader = TestUploads.upload(base(), null, TestImages.png(10, 10));
			HttpResponse<String> notJoined = TestUploads.upload(base(), connectedOnly.clientId(), TestImages.png(10, 10));

			assertThat(withoutHeader.statusCode()).isEqualTo(403);
			assertThat(notJoined.statusCode()).isEqualTo(403);
			assertThat(error(notJoined)).isEqualTo("Join a room before sending an image.");
		}

		@Test
		void whatIsNotAnImageWhateverItsNameAndTypeSay() {
			ChatClient alex = joined("Alex", "general");
			byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
				.getBytes(StandardCharsets.UTF_8);

			HttpResponse<String> response = TestUploads.upload(base(), alex.clientId(), svg, "cat.png", "image/png");

			assertThat(response.statusCode()).isEqualTo(415);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/json"));
			assertThat(error(response)).contains("not a PNG, JPEG, GIF or WebP");
		}

		@Test
		void tooManyPixels() {
			ChatClient alex = joined("Alex", "general");

			HttpResponse<String> response = TestUploads.upload(base(), alex.clientId(),
					TestImages.concat(TestImages.pngHeaderOnly(30_000, 30_000), new byte[64]));

			assertThat(response.statusCode()).isEqualTo(422);
			assertThat(error(response)).contains("40 megapixels");
		}

		@Test
		void aFileOverFiveMegabytesIsRefusedBeforeItIsRead() throws IOException {
			ChatClient alex = joined("Alex", "general");

			try (Socket socket = new Socket("127.0.0.1", ImageSharingTest.this.port)) { // says 6 MB, sends none of it
				socket.setSoTimeout(5000);
				OutputStream out = socket.getOutputStream();
				out.write(("POST /api/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nX-LiveChat-Client: " + alex.clientId()
						+ "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 6291456\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

				assertThat(response).startsWith("HTTP/1.1 413");
				assertThat(response).containsIgnoringCase("Connection: close");
				assertThat(response).endsWith("{\"error\":\"An image may be at most 5 MB.\"}");
			}
		}

		@Test
		void thePageCanAskTheLimitsBeforeItUploads() {
			HttpResponse<byte[]> limits = TestUploads.fetch(base(), "/api/uploads", null);

			assertThat(limits.statusCode()).isEqualTo(200);
			JsonNode body = json.readTree(limits.body());
			assertThat(body.path("maxBytes").asLong()).isEqualTo(5L * 1024 * 1024);
			assertThat(body.path("maxPixels").asLong()).isEqualTo(40_000_000L);
		}

		@Test
		void uploadingFasterThanTheRate() {
			ChatClient alex = joined("Alex", "general");
			byte[] png = TestImages.png(10, 10);
			for (int i = 0; i < 5; i++) {
				assertThat(TestUploads.upload(base(), alex.clientId(), png).statusCode()).isEqualTo(201);
			}

			HttpResponse<String> sixth = TestUploads.upload(base(), alex.clientId(), png);

			assertThat(sixth.statusCode()).isEqualTo(429);
			assertThat(sixth.headers().firstValue("Retry-After")).hasValue("6");
			assertThat(TestUploads.upload(base(), joined("Sam", "general").clientId(), png).statusCode())
				.as("another person's uploads are their own").isEqualTo(201);
		}

		@Test
		void aRequestWithoutTheFilePart() {
			ChatClient alex = joined("Alex", "general");
			byte[] body = new String(TestUploads.multipart(TestImages.png(10, 10), "a.png", "image/png"),
					StandardCharsets.ISO_8859_1)
				.replace("name=\"file\"", "name=\"picture\"")
				.getBytes(StandardCharsets.ISO_8859_1);

			HttpResponse<String> response = TestUploads.uploadBody(base(), alex.clientId(), body);

			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(error(response)).isEqualTo("Send the image as a multipart part named 'file'.");
		}

		@Test
		void aBodyThatIsNoMultipartAtAll() {
			ChatClient alex = joined("Alex", "general");

			HttpResponse<String> response = TestUploads.uploadBody(base(), alex.clientId(),
					"this is not multipart".getBytes(StandardCharsets.US_ASCII));

			assertThat(response.statusCode()).isEqualTo(400);
		}

		@Test
		void anEmptyFile() {
			ChatClient alex = joined("Alex", "general");

			HttpResponse<String> response = TestUploads.upload(base(), alex.clientId(), new byte[0]);

			assertThat(response.statusCode()).isEqualTo(415);
		}

	}

}
