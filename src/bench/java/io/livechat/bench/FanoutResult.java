package io.livechat.bench;

import java.util.List;

/**
 * A fanout run: how the clients joined and each step. In step mode the knee is the last step
 * that passed (null if none did) and the first failed step says why it failed.
 */
record FanoutResult(Joining joining, List<StepResult> steps, StepResult knee, StepResult firstFailed,
		String firstFailure) {

	/**
	 * The joins, and once the join traffic went quiet, how many clients' user lists named the
	 * whole room and how many {@code users} events each had received.
	 */
	record Joining(JoinStats join, int clientsSeeingWholeRoom, double usersEventsPerClient) {

		JsonLine toJson() {
			return this.join.toJson()
				.put("clients_seeing_whole_room", this.clientsSeeingWholeRoom)
				.put("users_events_per_client", this.usersEventsPerClient);
		}

	}

}
