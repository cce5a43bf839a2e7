package io.livechat.bench;

import java.io.PrintStream;

/**
 * One-line notes on how a run is getting on, for the person watching (standard error), so that
 * standard output holds only the report.
 */
final class Progress {

	static final Progress SILENT = new Progress(null);

	private final PrintStream out;

	Progress(PrintStream out) {
		this.out = out;
	}

	void say(String format, Object... args) {
		if (this.out != null) {
			this.out.println("[loadgen] " + String.format(format, args));
		}
	}

}
