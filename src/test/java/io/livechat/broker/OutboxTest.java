package io.livechat.broker;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTest {

	/** The writers' pool, run by hand: nothing is written until the test says so. */
	private final Queue<Runnable> writerTasks = new ArrayDeque<>();

	private final Executor writers = this.writerTasks::add;

	private final RecordingSession session = new RecordingSession();

	private final AtomicInteger slowConsumers = new AtomicInteger();

	private final Outbox outbox = new Outbox(this.session, this.writers, 100, this.slowConsumers::incrementAndGet);

	@Test
	void handingOverAFrameNeverWrites() {
		this.outbox.offer(utf8("A\0"));

		assertThat(this.session.written).isEmpty();
		runWriters();
		assertThat(this.session.written).containsExactly("A\0");
	}

	@Test
	void framesThatQueuedUpGoOutAsOneWebSocketMessageInOrder() {
		this.outbox.offer(utf8("A\0"));
		this.outbox.offer(utf8("B\0"));
		this.outbox.offer(utf8("C\0"));

		runWriters();

		assertThat(this.session.written).containsExactly("A\0B\0C\0");
	}

	@Test
	void oneWriterAtATimePerConnection() {
		this.outbox.offer(utf8("A\0"));
		this.outbox.offer(utf8("B\0"));

		assertThat(this.writerTasks).hasSize(1);
	}

	@Test
	void springsOwnFramesTakeTheSameQueue() throws Exception {
		this.outbox.sendMessage(new TextMessage("CONNECTED\0"));
		this.outbox.offer(utf8("MESSAGE\0"));

		runWriters();

		assertThat(this.session.written).containsExactly("CONNECTED\0MESSAGE\0");
	}

	@Test
	void aCloseWaitsForTheFramesQueuedBeforeIt() {
		this.outbox.offer(utf8("ERROR\0"));
		this.outbox.close(CloseStatus.PROTOCOL_ERROR);
		this.outbox.offer(utf8("too late\0"));

		runWriters();

		assertThat(this.session.written).containsExactly("ERROR\0");
		assertThat(this.session.closedWith).isEqualTo(CloseStatus.PROTOCOL_ERROR);
	}

	@Test
	void aConnectionWhoseQueuePassesItsLimitIsClosedAsNotReadingAndItsFramesDropped() {
		for (int i = 0; i < 20; i++) {
			this.outbox.offer(utf8("0123456789\0"));
		}

		runWriters();

		assertThat(this.slowConsumers).hasValue(1);
		assertThat(this.session.closedWith).isEqualTo(CloseStatus.SESSION_NOT_RELIABLE);
		assertThat(String.join("", this.session.written)).hasSizeLessThanOrEqualTo(100);
	}

	@Test
	void anEndedConnectionTakesNoMoreFramesAndGivesBackItsSubscriptions() {
		Subscription room = new Subscription(this.outbox, "sub-1", "/topic/general", "/topic/general");
		this.outbox.addSubscription(room);

		assertThat(this.outbox.end()).containsExactly(room);
		assertThat(this.outbox.addSubscription(room)).isFalse();
		this.outbox.offer(utf8("A\0"));
		runWriters();
		assertThat(this.session.written).isEmpty();
	}

	private void runWriters() {
		Runnable task;
		while ((task = this.writerTasks.poll()) != null) {
			task.run();
		}
	}

	private static byte[] utf8(String frame) {
		return frame.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

}
