package io.livechat.bench;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Latencies recorded by any number of threads, each into a histogram of its own, so the hot
 * path takes no lock and shares no cache line; {@link #merged()} adds them up.
 */
final class LatencyRecorder {

	private final Queue<LatencyHistogram> histograms = new ConcurrentLinkedQueue<>();

	private final ThreadLocal<LatencyHistogram> own = ThreadLocal.withInitial(() -> {
		LatencyHistogram histogram = new LatencyHistogram();
		this.histograms.add(histogram);
		return histogram;
	});

	void record(long micros) {
		this.own.get().record(micros);
	}

	long count() {
		long count = 0;
		for (LatencyHistogram histogram : this.histograms) {
			count += histogram.count();
		}
		return count;
	}

	LatencyHistogram merged() {
		LatencyHistogram merged = new LatencyHistogram();
		for (LatencyHistogram histogram : this.histograms) {
			merged.add(histogram);
		}
		return merged;
	}

}
