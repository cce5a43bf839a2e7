package io.livechat.bench;

/**
 * Epoch microseconds that never jump: the wall clock read once, then advanced by
 * {@link System#nanoTime()}. Send and receive times of one run compare directly.
 */
final class MicroClock {

	private static final long ORIGIN_NANOS = System.nanoTime();

	private static final long ORIGIN_EPOCH_MICROS = System.currentTimeMillis() * 1000;

	private MicroClock() {
	}

	static long now() {
		return ORIGIN_EPOCH_MICROS + (System.nanoTime() - ORIGIN_NANOS) / 1000;
	}

}
