package io.livechat.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.livechat.reads.ReadPositionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read positions in {@code read_positions} and the receipts setting in
 * {@code read_receipts_off}. A read does not wait for the database: positions are written by a
 * group commit of their own, each (person, room) once per batch with its highest id, forward
 * only ({@code GREATEST}), so two nodes writing one row end with the larger. The setting is
 * written before {@link #setReceipts} returns.
 */
public final class JdbcReadPositionStore implements ReadPositionStore, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(JdbcReadPositionStore.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final GroupCommit<Position> writer;

	public JdbcReadPositionStore(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.writer = new GroupCommit<>("livechat-reads-writer", 10_000, 512, new GroupCommit.Committer<>() {
			@Override
			public void commit(List<Position> batch) {
				write(batch);
			}

			@Override
			public void failed(List<Position> batch, RuntimeException reason) {
				// kept in the nodes' memory; the person's next read there writes a position again
				logger.warn("Could not store {} read positions: {}", batch.size(),
						(reason != null) ? reason.getMessage() : "shutting down");
			}
		});
	}

	@Override
	public Map<String, Long> positionsIn(String roomId, int limit) {
		return Database.guarded(() -> {
			Map<String, Long> positions = new LinkedHashMap<>();
			this.jdbc.sql("SELECT person, last_read FROM read_positions WHERE room = ? ORDER BY last_read DESC")
				.param(roomId)
				.withMaxRows(limit)
				.query((row) -> {
					positions.put(row.getString("person"), row.getLong("last_read"));
				});
			return positions;
		});
	}

	@Override
	public Map<String, Long> positionsOf(String person) {
		return Database.guarded(() -> {
			Map<String, Long> positions = new LinkedHashMap<>();
			this.jdbc.sql("SELECT room, last_read FROM read_positions WHERE person = ?")
				.param(person)
				.query((row) -> {
					positions.put(row.getString("room"), row.getLong("last_read"));
				});
			return positions;
		});
	}

	@Override
	public void advance(String person, String roomId, long lastRead) {
		if (!this.writer.offer(new Position(person, roomId, lastRead))) {
			logger.warn("The read positions' queue is full: a read was not stored");
		}
	}

	@Override
	public Set<String> receiptsOff() {
		return Database.guarded(
				() -> Set.copyOf(this.jdbc.sql("SELECT person FROM read_receipts_off").query(String.class).list()));
	}

	@Override
	public void setReceipts(String person, boolean on) {
		Database.guarded(() -> {
			if (on) {
				this.jdbc.sql("DELETE FROM read_receipts_off WHERE person = ?").param(person).update();
			}
			else {
				try {
					this.jdbc.sql("INSERT INTO read_receipts_off (person) SELECT ? WHERE NOT EXISTS "
							+ "(SELECT 1 FROM read_receipts_off WHERE person = ?)").params(person, person).update();
				}
				catch (DuplicateKeyException ex) {
					// another node stored the same choice at the same moment
				}
			}
			return null;
		});
	}

	@Override
	public void close() throws InterruptedException {
		this.writer.close();
	}

	/** One transaction; once more if another node inserted one of its rows meanwhile. */
	private void write(List<Position> batch) {
		Map<List<String>, Long> highest = new LinkedHashMap<>();
		batch.forEach((position) -> highest.merge(List.of(position.person(), position.room()), position.lastRead(),
				Math::max));
		try {
			writeOnce(highest);
		}
		catch (DuplicateKeyException ex) {
			writeOnce(highest); // the row exists now: the update takes it
		}
	}

	private void writeOnce(Map<List<String>, Long> highest) {
		this.transaction.executeWithoutResult((status) -> highest.forEach((key, lastRead) -> {
			int updated = this.jdbc
				.sql("UPDATE read_positions SET last_read = GREATEST(last_read, ?) WHERE person = ? AND room = ?")
				.params(lastRead, key.get(0), key.get(1))
				.update();
			if (updated == 0) {
				this.jdbc.sql("INSERT INTO read_positions (person, room, last_read) VALUES (?, ?, ?)")
					.params(key.get(0), key.get(1), lastRead)
					.update();
			}
		}));
	}

	private record Position(String person, String room, long lastRead) {
	}

}
