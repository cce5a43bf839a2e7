package io.livechat.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.livechat.chat.ChatException;
import io.livechat.chat.ErrorCode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the read positions and the receipts setting promise, held against each database they run on. */
abstract class ReadPositionStoreContract {

	private final List<JdbcReadPositionStore> opened = new ArrayList<>();

	TestDatabase database;

	abstract TestDatabase database() throws Exception;

	@BeforeEach
	void openDatabase() throws Exception {
		this.database = database();
	}

	@AfterEach
	void dropDatabase() throws Exception {
		for (JdbcReadPositionStore store : this.opened) {
			store.close();
		}
		this.database.close();
	}

	/** A store on the database: another node, or this one after a restart. */
	private JdbcReadPositionStore store() {
		JdbcReadPositionStore store = new JdbcReadPositionStore(this.database.dataSource());
		this.opened.add(store);
		return store;
	}

	/** Waits until a new store reads {@code expected} as the person's positions (the writes are behind). */
	private void eventually(String person, Map<String, Long> expected) {
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> store().positionsOf(person).equals(expected));
	}

	@Test
	void aPositionOnlyMovesForwardPerPersonAndRoomAndSurvivesARestart() throws Exception {
		JdbcReadPositionStore store = store();
		store.advance("sam", "general", 5);
		store.advance("sam", "general", 3);
		store.advance("sam", "tech", 2);
		store.advance("kim", "general", 9);
		store.close();

		JdbcReadPositionStore restarted = store();
		assertThat(restarted.positionsOf("sam")).containsExactlyInAnyOrderEntriesOf(Map.of("general", 5L, "tech", 2L));
		assertThat(restarted.positionsOf("kim")).containsExactlyEntriesOf(Map.of("general", 9L));
		assertThat(restarted.positionsOf("lee")).as("never read anything").isEmpty();
		restarted.advance("sam", "general", 4);
		restarted.advance("sam", "general", 7);
		eventually("sam", Map.of("general", 7L, "tech", 2L));
	}

	@Test
	void aRoomsPositionsComeMostAdvancedFirstUpToTheLimit() {
		JdbcReadPositionStore store = store();
		for (int i = 1; i <= 10; i++) {
			store.advance("p" + i, "general", i * 10);
		}
		store.advance("other", "tech", 1000);
		eventually("p10", Map.of("general", 100L));
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> store.positionsIn("general", 100).size() == 10);

		assertThat(store.positionsIn("general", 3)).containsExactly(Map.entry("p10", 100L), Map.entry("p9", 90L),
				Map.entry("p8", 80L));
	}

	@Test
	void twoNodesWritingOnePositionAtOnceEndWithTheHigher() throws Exception {
		JdbcReadPositionStore a = store();
		JdbcReadPositionStore b = store();
		ExecutorService both = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		for (JdbcReadPositionStore node : List.of(a, b)) {
			both.submit(() -> {
				start.await();
				for (long id = 1; id <= 200; id++) {
					node.advance("sam", "general", (node == a) ? id * 2 : id * 2 - 1);
				}
				return null;
			});
		}
		start.countDown();
		both.shutdown();
		assertThat(both.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

		eventually("sam", Map.of("general", 400L));
	}

	@Test
	void theReceiptsSettingIsRememberedAndSettingItTwiceIsOnce() {
		JdbcReadPositionStore store = store();
		store.setReceipts("sam", false);
		store.setReceipts("sam", false);
		store.setReceipts("kim", false);
		store.setReceipts("kim", true);
		store.setReceipts("lee", true);

		assertThat(store().receiptsOff()).containsExactly("sam");
	}

	@Test
	void aSettingThatCannotBeStoredIsRefusedAsUnavailable() {
		JdbcReadPositionStore store = store();
		this.database.goDown();

		assertThatThrownBy(() -> store.setReceipts("sam", false)).isInstanceOfSatisfying(ChatException.class,
				(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNAVAILABLE));
		assertThatThrownBy(() -> store.positionsIn("general", 10)).isInstanceOf(ChatException.class);
		store.advance("sam", "general", 3); // never thrown at the reader: lost, and written by the next read
		this.database.comeBack();
		store.advance("sam", "general", 4);
		eventually("sam", Map.of("general", 4L));
	}

}
