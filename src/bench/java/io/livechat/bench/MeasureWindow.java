package io.livechat.bench;

/**
 * The span of intended send times whose deliveries one step measures, and where their
 * latencies go. Messages meant to leave outside it (warm-up, other steps) are checked for order
 * but not measured.
 */
record MeasureWindow(long fromMicros, long toMicros, LatencyRecorder latencies) {

	static final MeasureWindow NONE = new MeasureWindow(0, 0, new LatencyRecorder());

	boolean contains(long intendedMicros) {
		return intendedMicros >= this.fromMicros && intendedMicros < this.toMicros;
	}

}
