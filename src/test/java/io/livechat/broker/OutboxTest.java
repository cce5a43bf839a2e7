package io.livechat.broker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTest {

	private static final long SEND_TIME_LIMIT = TimeUnit.SECONDS.toNanos(5);

	/** The writers, run by hand: nothing is drained until the test says so. */
	private final Queue<Outbox> ready = new ArrayDeque<>();

	private final RecordingSink socket = new RecordingSink(true);

	private final AtomicInteger slowConsumers = new AtomicInteger();

	private final Outbox outbox = new Outbox(new RecordingSession(), this.socket, this.ready::add, 100,
			this.slowConsumers::incrementAndGet);

	@Nested
	class HandingOver {

		@Test
		void neverWritesOnTheCallersThread() {
			outbox.offer(utf8("A\0"));

			assertThat(socket.sent).isEmpty();
			drainAll();
			assertThat(socket.frames()).containsExactly("A\0");
		}

		@Test
		void framesThatQueuedUpGoToTheSocketAsOneBatchInOrder() {
			outbox.offer(utf8("A\0"));
			outbox.offer(utf8("B\0"));
			outbox.offer(utf8("C\0"));

			drainAll();

			assertThat(socket.sent).containsExactly(List.of("A\0", "B\0", "C\0"));
		}

		@Test
		void anOutboxIsHandedToTheWritersOnceUntilItIsDrained() {
			outbox.offer(utf8("A\0"));
			outbox.offer(utf8("B\0"));

			assertThat(ready).hasSize(1);
			drainAll();
			outbox.offer(utf8("C\0"));
			assertThat(ready).hasSize(1);
		}

		@Test
		void springsOwnFramesTakeTheSameQueue() {
			outbox.sendMessage(new TextMessage("CONNECTED\0"));
			outbox.offer(utf8("MESSAGE\0"));

			drainAll();

			assertThat(socket.frames()).containsExactly("CONNECTED\0", "MESSAGE\0");
		}

	}

	@Nested
	class Writing {

		@Test
		void aSocketThatKeepsOrderIsGivenTheNextBatchBeforeTheLastIsWritten() {
			outbox.offer(utf8("A\0"));
			drainAll();
			outbox.offer(utf8("B\0"));
			drainAll();

			assertThat(socket.sent).containsExactly(List.of("A\0"), List.of("B\0"));
		}

		@Test
		void aBlockingSocketGetsOneBatchAtATime() {
			RecordingSink blocking = new RecordingSink(false);
			Outbox sockJs = new Outbox(new RecordingSession(), blocking, ready::add, 100, () -> {
			});
			sockJs.offer(utf8("A\0"));
			drainAll();
			sockJs.offer(utf8("B\0"));
			drainAll();
			assertThat(blocking.sent).containsExactly(List.of("A\0"));

			blocking.completeAll();
			drainAll();

			assertThat(blocking.sent).containsExactly(List.of("A\0"), List.of("B\0"));
		}

		@Test
		void closesAfterTheFramesQueuedBeforeAndTakesNoneAfter() {
			outbox.offer(utf8("ERROR\0"));
			outbox.close(CloseStatus.POLICY_VIOLATION);
			outbox.offer(utf8("too late\0"));

			drainAll();

			assertThat(socket.frames()).containsExactly("ERROR\0");
			assertThat(socket.closedWith).isEqualTo(CloseStatus.POLICY_VIOLATION);
		}

	}

	@Nested
	class AClientThatDoesNotRead {

		@Test
		void isClosedWith4500WhenMoreThanItsLimitWaitsAndCounted() {
			for (int i = 0; i < 20; i++) {
				outbox.offer(utf8("0123456789\0")); // 11 bytes each, the limit is 100
			}

			assertThat(socket.closedWith).isEqualTo(CloseStatus.SESSION_NOT_RELIABLE);
			assertThat(slowConsumers).hasValue(1);
			drainAll();
			assertThat(socket.frames()).isEmpty();
		}

		@Test
		void mayLetFourOfTheLongestFramesItWasGivenWaitWhenThatIsMoreThanItsLimit() {
			byte[] list = utf8("L".repeat(299) + "\0"); // three times the limit: a big room's list
			outbox.offer(list);
			drainAll(); // handed over, not written yet

			outbox.offer(list);
			outbox.offer(list);
			outbox.offer(list);
			assertThat(socket.closedWith).isNull();
			drainAll();
			socket.completeAll();
			assertThat(socket.frames()).hasSize(4);

			for (int i = 0; i < 5; i++) {
				outbox.offer(list); // the client stops reading: the fifth is one too many
			}
			assertThat(socket.closedWith).isEqualTo(CloseStatus.SESSION_NOT_RELIABLE);
			assertThat(slowConsumers).hasValue(1);
		}

		@Test
		void isClosedWith4500WhenWhatItWasSentStaysUnwrittenPastTheSendTimeLimit() {
			outbox.offer(utf8("A\0"));
			drainAll(); // handed over; the socket never finishes writing it
			long now = System.nanoTime();

			outbox.closeIfStalled(now, SEND_TIME_LIMIT);
			assertThat(socket.closedWith).isNull();
			outbox.closeIfStalled(now + SEND_TIME_LIMIT + 1, SEND_TIME_LIMIT);

			assertThat(socket.closedWith).isEqualTo(CloseStatus.SESSION_NOT_RELIABLE);
			assertThat(slowConsumers).hasValue(1);
		}

		@Test
		void isCutOffWhenEvenItsCloseCannotGetThrough() {
			outbox.offer(utf8("A\0"));
			drainAll();
			outbox.closeIfStalled(System.nanoTime() + SEND_TIME_LIMIT + 1, SEND_TIME_LIMIT);

			outbox.closeIfStalled(System.nanoTime() + 2 * SEND_TIME_LIMIT + 2, SEND_TIME_LIMIT);

			assertThat(socket.aborted).isTrue();
		}

		@Test
		void aClientThatReadsSlowlyButSteadilyIsNotDropped() {
			long start = System.nanoTime();
			for (int i = 1; i <= 4; i++) {
				outbox.offer(utf8("A\0"));
				drainAll();
				socket.completeAll(); // each batch written in time
				outbox.closeIfStalled(start + i * SEND_TIME_LIMIT, SEND_TIME_LIMIT);
			}

			assertThat(socket.closedWith).isNull();
			assertThat(slowConsumers).hasValue(0);
		}

	}

	@Test
	void anEndedConnectionTakesNoMoreFramesAndGivesBackItsSubscriptions() {
		Subscription room = new Subscription(this.outbox, "sub-1", "/topic/general", "/topic/general");
		this.outbox.addSubscription(room);

		assertThat(this.outbox.end()).containsExactly(room);
		assertThat(this.outbox.addSubscription(room)).isFalse();
		this.outbox.offer(utf8("A\0"));
		drainAll();
		assertThat(this.socket.sent).isEmpty();
	}

	private void drainAll() {
		Outbox next;
		while ((next = this.ready.poll()) != null) {
			next.drain();
		}
	}

	private static byte[] utf8(String frame) {
		return frame.getBytes(StandardCharsets.UTF_8);
	}

	/** A socket that records what it is given and writes a batch only when the test says so. */
	private static final class RecordingSink implements FrameSink {

		private final boolean pipelines;

		private final List<List<String>> sent = new ArrayList<>();

		private final List<Done> unwritten = new ArrayList<>();

		private CloseStatus closedWith;

		private boolean aborted;

		RecordingSink(boolean pipelines) {
			this.pipelines = pipelines;
		}

		@Override
		public void send(List<byte[]> frames, Done done) {
			this.sent.add(frames.stream().map((frame) -> new String(frame, StandardCharsets.UTF_8)).toList());
			this.unwritten.add(done);
		}

		@Override
		public boolean pipelines() {
			return this.pipelines;
		}

		@Override
		public void close(CloseStatus status) {
			this.closedWith = status;
		}

		@Override
		public void abort() {
			this.aborted = true;
		}

		List<String> frames() {
			return this.sent.stream().flatMap(List::stream).toList();
		}

		void completeAll() {
			List<Done> written = List.copyOf(this.unwritten);
			this.unwritten.clear();
			written.forEach(Done::written);
		}

	}

}
