package io.livechat.bench;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyHistogramTest {

	@Test
	void anEmptyHistogramReportsZeros() {
		LatencyHistogram histogram = new LatencyHistogram();

		assertThat(histogram.count()).isZero();
		assertThat(histogram.percentile(99)).isZero();
		assertThat(histogram.summary()).isEqualTo(new LatencySummary(0, 0, 0, 0, 0, 0));
	}

	@Test
	void keepsSmallValuesExactly() {
		LatencyHistogram histogram = new LatencyHistogram();
		for (long value = 0; value < 256; value++) {
			histogram.record(value);
		}

		assertThat(histogram.percentile(50)).isEqualTo(127);
		assertThat(histogram.percentile(100)).isEqualTo(255);
		assertThat(histogram.min()).isZero();
	}

	@Test
	void percentilesAreWithinOnePercentOfTheExactValues() {
		Random random = new Random(42);
		long[] values = new long[100_000];
		LatencyHistogram histogram = new LatencyHistogram();
		for (int i = 0; i < values.length; i++) {
			values[i] = (long) Math.exp(4 + 6 * random.nextDouble()) + random.nextInt(3);
			histogram.record(values[i]);
		}
		Arrays.sort(values);

		for (double p : new double[] { 1, 10, 50, 90, 99, 99.9, 100 }) {
			long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
			assertThat((double) histogram.percentile(p)).as("p%s", p).isCloseTo(exact, within(exact * 0.01));
		}
		assertThat(histogram.max()).isEqualTo(values[values.length - 1]);
	}

	@Test
	void bucketsTileTheValuesWithoutGapsOrOverlaps() {
		for (long value = 0; value < 1L << 35; value = value * 5 / 4 + 1) {
			int index = LatencyHistogram.index(value);
			assertThat(LatencyHistogram.lowerBound(index)).as("value %d", value).isLessThanOrEqualTo(value);
			assertThat(LatencyHistogram.lowerBound(index + 1)).as("value %d", value).isGreaterThan(value);
			assertThat(LatencyHistogram.index(LatencyHistogram.lowerBound(index + 1))).isEqualTo(index + 1);
		}
	}

	@Test
	void countsNegativeValuesAsZeroAndHugeOnesInTheLastBucket() {
		LatencyHistogram histogram = new LatencyHistogram();
		histogram.record(-5);
		histogram.record(Long.MAX_VALUE);

		assertThat(histogram.percentile(50)).isZero();
		assertThat(histogram.max()).isEqualTo(Long.MAX_VALUE);
		assertThat(histogram.count()).isEqualTo(2);
	}

	@Test
	void mergingGivesWhatRecordingEverythingInOneWouldGive() {
		LatencyHistogram all = new LatencyHistogram();
		LatencyHistogram odd = new LatencyHistogram();
		LatencyHistogram even = new LatencyHistogram();
		for (long value = 1; value <= 10_000; value++) {
			all.record(value * 7);
			((value % 2 == 0) ? even : odd).record(value * 7);
		}
		LatencyHistogram merged = new LatencyHistogram();
		merged.add(odd);
		merged.add(even);

		assertThat(merged.summary()).isEqualTo(all.summary());
		assertThat(merged.mean()).isEqualTo(all.mean());
	}

	@Test
	void summarizesInMilliseconds() {
		LatencyHistogram histogram = new LatencyHistogram();
		histogram.record(1_500);

		assertThat(histogram.summary()).isEqualTo(new LatencySummary(1, 1.5, 1.5, 1.5, 1.5, 1.5));
	}

	@Nested
	class Recorder {

		@Test
		void addsUpWhatManyThreadsRecorded() throws Exception {
			LatencyRecorder recorder = new LatencyRecorder();
			int threads = 4;
			int perThread = 50_000;
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			CountDownLatch done = new CountDownLatch(threads);
			try {
				for (int t = 0; t < threads; t++) {
					pool.execute(() -> {
						for (int i = 1; i <= perThread; i++) {
							recorder.record(i);
						}
						done.countDown();
					});
				}
				assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
			}
			finally {
				pool.shutdownNow();
			}

			assertThat(recorder.count()).isEqualTo((long) threads * perThread);
			LatencyHistogram merged = recorder.merged();
			assertThat(merged.count()).isEqualTo((long) threads * perThread);
			assertThat(merged.max()).isEqualTo(perThread);
			assertThat((double) merged.percentile(50)).isCloseTo(perThread / 2.0, within(perThread * 0.005));
		}

	}

}
