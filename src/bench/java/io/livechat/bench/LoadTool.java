package io.livechat.bench;

import java.io.PrintStream;
import java.time.Duration;

/**
 * LiveChat's load generator: simulated users over raw WebSocket and lean STOMP, speaking
 * docs/protocol.md, or with {@code --proto socketio} the Socket.io reference chat's events
 * (src/bench/socketio; side by side: src/bench/README.md). Run it with
 * <pre>
 * ./mvnw -q -Pbench -Dbench.args="fanout --clients 200 --senders 50 --rate 200 --duration 20 --warmup 10"
 * </pre>
 * ({@code -Dbench.args=help} lists every option). Exit status: 0 when the run was measured
 * (whatever it found), 1 when it could not be (server unreachable, clients not joined, a phase
 * timed out), 2 for a bad command line, 3 when the whole run overran its deadline.
 */
final class LoadTool {

	private LoadTool() {
	}

	public static void main(String[] args) throws InterruptedException {
		System.exit(run(args, System.out, System.err));
	}

	static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
		if (args.length == 0 || Options.isHelp(args[0])) {
			out.print(Options.USAGE);
			return (args.length == 0) ? 2 : 0;
		}
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println("error: " + ex.getMessage());
			err.print(Options.USAGE);
			return 2;
		}
		Run run = Run.random();
		Progress progress = new Progress(err);
		if (!options.roomsSpanEveryNode()) {
			progress.say("warning: client i joins room i mod %d through URL i mod %d, so each room's clients reach only"
					+ " some of the nodes and fewer messages cross nodes; give --rooms a count with no factor in common with"
					+ " the number of URLs", options.roomCount(), options.urls().size());
		}
		Report report = new Report(options, run, out);
		Thread watchdog = watchdog(options.runTimeout().plusMinutes(1), err);
		try {
			return switch (options.scenario()) {
				case FANOUT -> {
					FanoutResult result = new FanoutScenario(options, run, progress).run(report::fanoutStep);
					if (options.stepMode()) {
						report.fanoutSummary(result);
					}
					yield 0;
				}
				case IDLE -> {
					IdleResult result = new IdleScenario(options, run, progress).run();
					report.idle(result);
					yield joinedAll(result.join(), options, err);
				}
				case STORM -> {
					StormResult result = new StormScenario(options, run, progress).run();
					report.storm(result);
					yield joinedAll(result.join(), options, err);
				}
			};
		}
		catch (LoadException ex) {
			err.println("load test failed: " + ex.getMessage());
			return 1;
		}
		finally {
			watchdog.interrupt();
		}
	}

	private static int joinedAll(JoinStats join, Options options, PrintStream err) {
		if (join.failed() == 0) {
			return 0;
		}
		err.println("load test failed: " + JoinFailures.describe(join, options.urlList()));
		return 1;
	}

	/** Ends the process if the run outlives every bound its phases have; interrupt it to call it off. */
	private static Thread watchdog(Duration timeout, PrintStream err) {
		Thread watchdog = new Thread(() -> {
			try {
				Thread.sleep(timeout.toMillis());
				err.println("load test failed: the run did not end within " + timeout.toSeconds() + " s");
				Runtime.getRuntime().halt(3);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "loadgen-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
		return watchdog;
	}

}
