package io.livechat.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLineTest {

	@Test
	void writesNumbersStringsBooleansNullListsMapsAndNestedObjects() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("close:1008", 2L);
		String json = new JsonLine().put("n", 3)
			.put("ms", 1.23456)
			.put("nan", Double.NaN)
			.put("ok", true)
			.put("none", null)
			.put("rates", List.of(10.0, 20.0))
			.put("incidents", map)
			.put("nested", new JsonLine().put("a", "b"))
			.toString();

		assertThat(json).isEqualTo("{\"n\":3,\"ms\":1.235,\"nan\":null,\"ok\":true,\"none\":null,\"rates\":[10.0,20.0],"
				+ "\"incidents\":{\"close:1008\":2},\"nested\":{\"a\":\"b\"}}");
	}

	@Test
	void escapesQuotesBackslashesAndControlCharacters() {
		assertThat(new JsonLine().put("label", "a \"b\" \\ c\n\u0001").toString())
			.isEqualTo("{\"label\":\"a \\\"b\\\" \\\\ c\\n\\u0001\"}");
	}

}
