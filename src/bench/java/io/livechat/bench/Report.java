package io.livechat.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run prints: a table for people, then one JSON line per run (per step in step mode,
 * plus a summary with the knee), also appended to {@code --out}. Every JSON line names the
 * scenario, label, run, options, JDK, cores and time.
 */
final class Report {

	private final Options options;

	private final Run run;

	private final PrintStream out;

	Report(Options options, Run run, PrintStream out) {
		this.options = options;
		this.run = run;
		this.out = out;
	}

	void joined(JoinStats join) {
		if (this.options.protocol() != Options.Protocol.STOMP || this.options.deflate()
				|| this.options.client() != Options.Client.OWN) {
			row("protocol", "%s over %s WebSocket client; extensions offered: %s; accepted: %s",
					this.options.protocol().id(), (this.options.client() == Options.Client.OWN) ? "the tool's own" : "the JDK's",
					this.options.deflate() ? PerMessageDeflate.CHROMIUM_OFFER : "none", accepted(this.run.extensions()));
		}
		row("clients joined", "%d of %d in %.0f ms (per client p50 %.1f ms, p99 %.1f ms)", join.joined(), join.clients(),
				join.wallMillis(), join.perClient().p50(), join.perClient().p99());
	}

	void fanoutStep(FanoutResult.Joining joining, StepResult step) {
		title("fanout step " + step.step() + ": " + number(step.rate()) + " msg/s from " + step.senders() + " senders");
		joined(joining.join());
		row("user lists complete", "%d of %d clients", joining.clientsSeeingWholeRoom(), joining.join().clients());
		row("sent", "%d (%d measured, in %s s)%s to %d receivers", step.sent(), step.sentMeasured(),
				number(step.durationSeconds()), (step.skipped() > 0) ? ", " + step.skipped() + " not sent (closed)" : "",
				step.receivers());
		row("deliveries/s", "%.0f achieved, %.0f expected", step.deliveriesPerSecond(), step.expectedPerSecond());
		row("deliveries", "%d of %d: lost %d, duplicated %d, out of order %d", step.received(), step.expected(),
				step.lost(), step.duplicates(), step.late());
		LatencySummary latency = step.latency();
		row("latency ms", "p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f", latency.p50(), latency.p90(),
				latency.p99(), latency.p999(), latency.max());
		row("send lag ms", "p99 %.2f  max %.2f", step.sendLag().p99(), step.sendLag().max());
		if (this.options.reads() || step.readsEvents() > 0) {
			row("reads", "%d sent (%.2f per client per second), %d reads events received (%.2f per client per second)",
					step.readsSent(), step.readsSentPerClientPerSecond(), step.readsEvents(),
					step.readsEventsPerClientPerSecond());
		}
		cpu(step.cpu());
		if (step.serverRssKb() >= 0) {
			row("server RSS", "%d MB, %d threads", step.serverRssKb() / 1024, step.serverThreads());
		}
		servers(step.servers());
		row("incidents", "%s", incidents(step.incidents()));
		Map<String, Long> inRun = this.run.incidents().snapshot();
		if (!inRun.equals(step.incidents())) {
			row("incidents in the run", "%s", incidents(inRun));
		}
		emit(header().put("step", step.toJson()).put("join", joining.toJson()).put("incidents_in_run", inRun));
	}

	void fanoutSummary(FanoutResult result) {
		StepResult knee = result.knee();
		title("fanout knee (p99 limit " + number(this.options.p99LimitMillis()) + " ms)");
		if (knee != null) {
			row("last passing step", "%s msg/s = %.0f deliveries/s (p99 %.2f ms)", number(knee.rate()),
					knee.deliveriesPerSecond(), knee.latency().p99());
		}
		else {
			row("last passing step", "none");
		}
		if (result.firstFailed() != null) {
			row("first failing step", "%s msg/s: %s", number(result.firstFailed().rate()), result.firstFailure());
		}
		JsonLine summary = new JsonLine().put("p99_limit_ms", this.options.p99LimitMillis())
			.put("knee_rate_msgs_per_s", (knee != null) ? knee.rate() : null)
			.put("knee_deliveries_per_s", (knee != null) ? knee.deliveriesPerSecond() : null)
			.put("knee_p99_ms", (knee != null) ? knee.latency().p99() : null)
			.put("first_failed_rate_msgs_per_s", (result.firstFailed() != null) ? result.firstFailed().rate() : null)
			.put("first_failure", result.firstFailure())
			.put("steps", result.steps().size());
		emit(header().put("summary", summary).put("join", result.joining().toJson()));
	}

	void idle(IdleResult result) {
		title("idle: " + result.join().clients() + " clients");
		joined(result.join());
		row("user lists complete", "%d of %d clients", result.clientsSeeingWholeRoom(), result.join().clients());
		row("still open after hold", "%d", result.stillOpen());
		row("server RSS kB", "%s before, %s after, %s per connection", orDash(result.before().rssKb()),
				orDash(result.after().rssKb()), orDash(result.rssPerConnectionKb()));
		row("server RSS kB, no GC", "%s before, %s after, %s per connection", orDash(result.before().rssNoGcKb()),
				orDash(result.after().rssNoGcKb()), result.before().gcForced()
						? "- (a GC was forced in between; --forced-gc no)" : orDash(result.rssGrowthPerConnectionNoGcKb()));
		row("server heap kB after GC", "%s before, %s after, %s per connection", orDash(result.before().heapUsedKb()),
				orDash(result.after().heapUsedKb()), orDash(result.heapPerConnectionKb()));
		row("server threads", "%s before, %s after", orDash(result.before().threads()), orDash(result.after().threads()));
		row("incidents during hold", "%s", incidents(result.incidentsDuringHold()));
		emit(header().put("idle", result.toJson()));
	}

	void storm(StormResult result) {
		title("storm: " + result.join().clients() + " clients, " + this.options.concurrency() + " at a time");
		joined(result.join());
		row("joins/s", "%.0f (last joined after %.0f ms)", result.joinsPerSecond(), result.join().wallMillis());
		row("user lists settled", result.settled() ? "after %.0f ms" : "no (%d of %d clients see everyone)",
				result.settled() ? new Object[] { result.settledMillis() }
						: new Object[] { result.clientsSeeingWholeRoom(), result.join().clients() });
		row("users events per client", "%.1f", result.usersEventsPerClient());
		cpu(result.cpu());
		if (result.serverRssKb() >= 0) {
			row("server RSS", "%d MB", result.serverRssKb() / 1024);
		}
		servers(result.servers());
		row("incidents", "%s", incidents(result.incidents()));
		emit(header().put("storm", result.toJson()));
	}

	private void cpu(CpuUse cpu) {
		if (cpu.serverSeconds() != null) {
			row("server CPU", "%.2f s = %.0f%% of a core%s", cpu.serverSeconds(), cpu.serverPercent(),
					(cpu.serverMicrosPerDelivery() != null)
							? String.format(Locale.ROOT, ", %.2f us per delivery", cpu.serverMicrosPerDelivery()) : "");
		}
		row("generator CPU", "%.0f%% of a core", cpu.generatorPercent());
		if (cpu.othersPercent() != null) {
			row("others' CPU", "%.0f%% of a core%s", cpu.othersPercent(),
					(cpu.othersPercent() > 10) ? " (disturbed run?)" : "");
		}
	}

	/** Each server's CPU and RSS on one line, when there are several. */
	private void servers(List<ServerProcess> servers) {
		if (servers.size() > 1) {
			row("each server", "%s", servers.stream()
				.map((server) -> "pid " + server.pid() + " " + orDash(server.percentOfCore()) + "% "
						+ ((server.rssKb() >= 0) ? server.rssKb() / 1024 + " MB" : "- MB"))
				.collect(Collectors.joining(", ")));
		}
	}

	private JsonLine header() {
		return new JsonLine().put("tool", "livechat-loadgen")
			.put("scenario", this.options.scenario().id())
			.put("proto", this.options.protocol().id())
			.put("label", this.options.label())
			.put("run", this.run.id())
			.put("timestamp", Instant.now().toString())
			.put("jdk", Runtime.version().toString())
			.put("cores", Runtime.getRuntime().availableProcessors())
			.put("options", this.options.toJson())
			.put("websocket", websocket());
	}

	/** Which WebSocket client spoke, what it offered, and how many connections the server answered how. */
	private JsonLine websocket() {
		JsonLine json = new JsonLine().put("client", this.options.client().id())
			.put("extensions_offered", this.options.deflate() ? PerMessageDeflate.CHROMIUM_OFFER : null)
			.put("extensions_accepted", this.run.extensions());
		if (this.options.protocol() == Options.Protocol.SOCKETIO) {
			json.put("ping_interval_ms", (this.run.pingIntervalMillis() >= 0) ? this.run.pingIntervalMillis() : null);
		}
		return json;
	}

	private void emit(JsonLine json) {
		String line = json.toString();
		this.out.println(line);
		this.out.flush();
		if (this.options.out() != null) {
			try {
				Files.writeString(this.options.out(), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not append to " + this.options.out(), ex);
			}
		}
	}

	private void title(String title) {
		this.out.println();
		this.out.println(title + (this.options.label().isEmpty() ? "" : " [" + this.options.label() + "]"));
	}

	private void row(String name, String format, Object... args) {
		this.out.printf(Locale.ROOT, "  %-26s %s%n", name, String.format(Locale.ROOT, format, args));
	}

	/** {@code "none (200 connections)"}: each answer of the servers to the offer, and how often. */
	private static String accepted(Map<String, Long> extensions) {
		return extensions.isEmpty() ? "-" : extensions.entrySet()
			.stream()
			.map((answer) -> answer.getKey() + " (" + answer.getValue() + " connections)")
			.collect(Collectors.joining(", "));
	}

	private static String incidents(Map<String, Long> incidents) {
		return incidents.isEmpty() ? "none" : incidents.toString();
	}

	private static String orDash(Object value) {
		if (value == null || (value instanceof Long number && number < 0)) {
			return "-";
		}
		return (value instanceof Double number) ? String.format(Locale.ROOT, "%.1f", number) : value.toString();
	}

	private static String number(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

}
