package io.livechat.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes waiting in a bounded queue for one thread, which commits all that have arrived in one
 * batch: concurrent writers share commits, and the batch's order (the queue's) is the order its
 * outcome is reported in. A batch's committer does the transaction and reports success (catching
 * whatever a report throws); when the transaction throws, every write of the batch is reported
 * failed.
 *
 * @param <T> one write, with whatever it reports to
 */
final class GroupCommit<T> implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(GroupCommit.class);

	/** What a batch does. */
	interface Committer<T> {

		/** Commits the batch and reports each write as done, in order. */
		void commit(List<T> batch);

		/** The batch failed (or, with a null reason, was never tried: it raced the close); report each write. */
		void failed(List<T> batch, RuntimeException reason);

	}

	private final BlockingQueue<T> pending;

	private final int maxBatch;

	private final Committer<T> committer;

	private final Thread writer;

	private volatile boolean closing;

	GroupCommit(String threadName, int maxPending, int maxBatch, Committer<T> committer) {
		this.pending = new ArrayBlockingQueue<>(maxPending);
		this.maxBatch = maxBatch;
		this.committer = committer;
		this.writer = new Thread(this::write, threadName);
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/** Queues a write; false when the queue is full or closing (nothing was queued). */
	boolean offer(T write) {
		return !this.closing && this.pending.offer(write);
	}

	/**
	 * Stops taking writes, commits those still waiting, and stops the thread. (No interrupt: an
	 * interrupted file channel would close an embedded database in the middle of a commit.)
	 */
	@Override
	public void close() throws InterruptedException {
		this.closing = true;
		this.writer.join(TimeUnit.SECONDS.toMillis(10));
		List<T> left = new ArrayList<>();
		this.pending.drainTo(left); // raced the close, or the writer gave up
		if (!left.isEmpty()) {
			this.committer.failed(left, null);
		}
	}

	private void write() {
		List<T> batch = new ArrayList<>(this.maxBatch);
		while (!this.closing || !this.pending.isEmpty()) {
			try {
				T first = this.pending.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.pending.drainTo(batch, this.maxBatch - 1);
				commit(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Throwable ex) { // the writer must outlive whatever happens to one batch
				logger.error("{} failed a batch of {}", this.writer.getName(), batch.size(), ex);
			}
			finally {
				batch.clear();
			}
		}
	}

	private void commit(List<T> batch) {
		try {
			this.committer.commit(batch);
		}
		catch (RuntimeException ex) {
			this.committer.failed(batch, ex);
		}
	}

}
