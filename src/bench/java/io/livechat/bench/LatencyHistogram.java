package io.livechat.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A log-linear histogram of microsecond values: exact below 256, then 128 buckets per power
 * of two, so a percentile read at a bucket's midpoint is within 0.4% of the true value. Values
 * up to 2<sup>36</sup> µs (19 hours) are kept apart; larger ones count in the last bucket.
 * <p>
 * One thread records; any thread may read or merge. {@link #record} publishes its count with
 * a release store, so a reader that sees a count sees the buckets behind it, without locks.
 */
final class LatencyHistogram {

	private static final int LINEAR = 256;

	private static final int SUB_BUCKETS = 128;

	private static final int SUB_BITS = 7;

	private static final int MAX_BITS = 36;

	private static final long MAX_VALUE = (1L << MAX_BITS) - 1;

	private static final int SIZE = LINEAR + (MAX_BITS - SUB_BITS - 1) * SUB_BUCKETS;

	private static final VarHandle COUNT;

	static {
		try {
			COUNT = MethodHandles.lookup().findVarHandle(LatencyHistogram.class, "count", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final long[] buckets = new long[SIZE];

	@SuppressWarnings("unused") // written and read through COUNT
	private long count;

	private long sum;

	private long min = Long.MAX_VALUE;

	private long max = Long.MIN_VALUE;

	void record(long micros) {
		long value = Math.max(0, micros);
		this.buckets[index(value)]++;
		this.sum += value;
		if (value < this.min) {
			this.min = value;
		}
		if (value > this.max) {
			this.max = value;
		}
		COUNT.setRelease(this, (long) COUNT.getOpaque(this) + 1);
	}

	long count() {
		return (long) COUNT.getAcquire(this);
	}

	/** Adds {@code other}'s values to this one (which must not be recording meanwhile). */
	void add(LatencyHistogram other) {
		long added = other.count();
		if (added == 0) {
			return;
		}
		for (int i = 0; i < SIZE; i++) {
			this.buckets[i] += other.buckets[i];
		}
		this.sum += other.sum;
		this.min = Math.min(this.min, other.min);
		this.max = Math.max(this.max, other.max);
		COUNT.setRelease(this, count() + added);
	}

	/**
	 * The value at percentile {@code p} (0-100): the midpoint of the bucket that holds it,
	 * within the recorded minimum and maximum; 0 when empty.
	 */
	long percentile(double p) {
		long total = count();
		if (total == 0) {
			return 0;
		}
		long rank = Math.max(1, (long) Math.ceil(p / 100 * total));
		long seen = 0;
		for (int i = 0; i < SIZE; i++) {
			seen += this.buckets[i];
			if (seen >= rank) {
				long midpoint = lowerBound(i) + (width(i) - 1) / 2;
				return Math.max(this.min, Math.min(this.max, midpoint));
			}
		}
		return this.max;
	}

	long max() {
		return (count() == 0) ? 0 : this.max;
	}

	long min() {
		return (count() == 0) ? 0 : this.min;
	}

	double mean() {
		long total = count();
		return (total == 0) ? 0 : (double) this.sum / total;
	}

	/** p50, p90, p99, p99.9 and max in milliseconds. */
	LatencySummary summary() {
		return new LatencySummary(count(), millis(percentile(50)), millis(percentile(90)), millis(percentile(99)),
				millis(percentile(99.9)), millis(max()));
	}

	static int index(long value) {
		long v = Math.min(value, MAX_VALUE);
		if (v < LINEAR) {
			return (int) v;
		}
		int shift = (63 - Long.numberOfLeadingZeros(v)) - SUB_BITS;
		return LINEAR + (shift - 1) * SUB_BUCKETS + (int) ((v >>> shift) - SUB_BUCKETS);
	}

	static long lowerBound(int index) {
		if (index < LINEAR) {
			return index;
		}
		int shift = (index - LINEAR) / SUB_BUCKETS + 1;
		long top = (index - LINEAR) % SUB_BUCKETS + SUB_BUCKETS;
		return top << shift;
	}

	private static long width(int index) {
		return (index < LINEAR) ? 1 : 1L << ((index - LINEAR) / SUB_BUCKETS + 1);
	}

	private static double millis(long micros) {
		return micros / 1000.0;
	}

}
