package io.livechat.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EventBodyTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{\"type\":\"message\",\"id\":1}|MESSAGE", "{\"type\":\"users\",\"users\":[]}|USERS",
			"{\"type\":\"joined\",\"room\":\"general\"}|JOINED", "{\"type\":\"system\",\"event\":\"left\"}|SYSTEM",
			"{\"type\":\"typing\"}|TYPING", "{\"type\":\"rooms\",\"rooms\":[]}|ROOMS", "{\"type\":\"reads\",\"reads\":[]}|READS", "{\"type\":\"error\",\"code\":\"x\"}|ERROR",
			"{\"room\":\"general\",\"type\":\"users\"}|USERS", "{\"id\":1}|OTHER", "not json|OTHER" })
	void tellsTheEventTypeFromTheBody(String body, EventBody.Type type) {
		assertThat(EventBody.type(body, 0, body.length())).isEqualTo(type);
	}

	@Test
	void readsTheTypeWithinTheGivenRangeOnly() {
		String frame = "MESSAGE\ndestination:/topic/general\n\n{\"type\":\"users\",\"users\":[]}";
		int body = StompFrame.bodyStart(frame, 0, frame.length());

		assertThat(frame.substring(body)).startsWith("{\"type\"");
		assertThat(EventBody.type(frame, body, frame.length())).isEqualTo(EventBody.Type.USERS);
	}

	@Test
	void readsTheFirstWholeNumberUnderAKey() {
		String body = "{\"type\":\"message\",\"id\":18,\"room\":\"general\",\"text\":\"\\\"id\\\":99\"}";

		assertThat(EventBody.number(body, 0, body.length(), "\"id\":")).isEqualTo(18);
	}

	@Test
	void skipsAKeyWhoseValueIsNoNumber() {
		String body = "{\"type\":\"message\",\"from\":{\"id\":\"Zr7\"},\"id\":42}";

		assertThat(EventBody.number(body, 0, body.length(), "\"id\":")).isEqualTo(42);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{\"type\":\"message\"}", "{\"id\":\"x\"}", "{\"id\":}",
			"{\"id\":12345678901234567890}" })
	void hasNoNumberWithoutAWholeNumberOfAtMostEighteenDigits(String body) {
		assertThat(EventBody.number(body, 0, body.length(), "\"id\":")).isEqualTo(-1);
	}

	@Test
	void countsOnlyTheNamesOfTheRun() {
		String body = "{\"type\":\"users\",\"room\":\"general\",\"users\":[\"Alex\",\"lgab1-0\",\"lgab1-1\",\"lgzz9-0\",\"lgab1-12\"]}";

		assertThat(EventBody.countUsers(body, 0, body.length(), "lgab1-")).isEqualTo(3);
	}

	@Test
	void findsTheUserListOfAJoinedReplyPastItsHistory() {
		String body = "{\"type\":\"joined\",\"room\":\"general\",\"username\":\"lgab1-0\",\"history\":[{\"type\":\"message\","
				+ "\"id\":1,\"room\":\"general\",\"username\":\"lgab1-5\",\"text\":\"\\\"users\\\":[\\\"lgab1-9\\\"]\","
				+ "\"timestamp\":1}],\"users\":[\"lgab1-0\",\"lgab1-5\"],\"truncated\":false}";

		assertThat(EventBody.countUsers(body, 0, body.length(), "lgab1-")).isEqualTo(2);
	}

	@Test
	void anEmptyUserListCountsZeroAndAMissingOneMinusOne() {
		String empty = "{\"type\":\"users\",\"users\":[]}";
		String none = "{\"type\":\"message\",\"text\":\"hi\"}";

		assertThat(EventBody.countUsers(empty, 0, empty.length(), "lg")).isZero();
		assertThat(EventBody.countUsers(none, 0, none.length(), "lg")).isEqualTo(-1);
	}

	@Test
	void readsAStringField() {
		String body = "{\"type\":\"error\",\"code\":\"rate-limited\",\"message\":\"Slow \\\"down\\\".\"}";

		assertThat(EventBody.string(body, 0, body.length(), "code")).isEqualTo("rate-limited");
		assertThat(EventBody.string(body, 0, body.length(), "message")).isEqualTo("Slow \\\"down\\\".");
		assertThat(EventBody.string(body, 0, body.length(), "missing")).isNull();
	}

	@Test
	void findsWhereTheTextStarts() {
		String body = "{\"type\":\"message\",\"id\":7,\"username\":\"lgab1-0\",\"text\":\"~LG|ab1|0|1|5\",\"timestamp\":1}";

		int start = EventBody.textStart(body, 0, body.length());

		assertThat(body.substring(start)).startsWith("~LG|ab1|0|1|5\"");
	}

}
