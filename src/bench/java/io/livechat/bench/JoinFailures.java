package io.livechat.bench;

import java.util.Map;

/**
 * The message for clients that could not join: refusals, closes, time-outs.
 */
final class JoinFailures {

	private JoinFailures() {
	}

	static String describe(JoinStats join, String urls) {
		StringBuilder message = new StringBuilder("At ").append(urls).append(", ");
		message.append(join.failed()).append(" of ").append(join.clients()).append(" clients did not join:");
		for (Map.Entry<String, Long> failure : join.failures().entrySet()) {
			message.append("\n  ").append(failure.getValue()).append(" x ").append(failure.getKey());
		}
		return message.toString();
	}

}
