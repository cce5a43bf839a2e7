package io.livechat.bench;

import java.util.Collection;
import java.util.Map;

/**
 * A JSON object written field by field, for the one-line results: numbers, strings, booleans,
 * null, lists, maps and nested objects.
 */
final class JsonLine {

	private final StringBuilder json = new StringBuilder("{");

	JsonLine put(String name, Object value) {
		if (this.json.length() > 1) {
			this.json.append(',');
		}
		string(name);
		this.json.append(':');
		value(value);
		return this;
	}

	@Override
	public String toString() {
		return this.json + "}";
	}

	private void value(Object value) {
		if (value == null) {
			this.json.append("null");
		}
		else if (value instanceof JsonLine nested) {
			this.json.append(nested);
		}
		else if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (Double.isFinite(number)) {
				this.json.append(Math.round(number * 1000) / 1000.0);
			}
			else {
				this.json.append("null");
			}
		}
		else if (value instanceof Number || value instanceof Boolean) {
			this.json.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			JsonLine object = new JsonLine();
			map.forEach((key, item) -> object.put(String.valueOf(key), item));
			this.json.append(object);
		}
		else if (value instanceof Collection<?> items) {
			this.json.append('[');
			boolean first = true;
			for (Object item : items) {
				if (!first) {
					this.json.append(',');
				}
				first = false;
				value(item);
			}
			this.json.append(']');
		}
		else {
			string(value.toString());
		}
	}

	private void string(String text) {
		this.json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> this.json.append("\\\"");
				case '\\' -> this.json.append("\\\\");
				case '\n' -> this.json.append("\\n");
				case '\r' -> this.json.append("\\r");
				case '\t' -> this.json.append("\\t");
				default -> {
					if (c < 0x20) {
						this.json.append(String.format("\\u%04x", (int) c));
					}
					else {
						this.json.append(c);
					}
				}
			}
		}
		this.json.append('"');
	}

}
