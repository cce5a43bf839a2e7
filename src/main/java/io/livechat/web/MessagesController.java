package io.livechat.web;

import java.util.List;
import java.util.Map;

import io.livechat.chat.ChatException;
import io.livechat.chat.ChatMessage;
import io.livechat.chat.ErrorCode;
import io.livechat.chat.History;
import io.livechat.chat.MessageStore;
import io.livechat.chat.RoomRegistry;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Older messages of a room, a page at a time, for scrolling back past the join's history:
 * {@code GET /api/rooms/{room}/messages?before={id}&limit={n}}.
 */
@RestController
class MessagesController {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 100;

	private final RoomRegistry rooms;

	private final MessageStore store;

	MessagesController(RoomRegistry rooms, MessageStore store) {
		this.rooms = rooms;
		this.store = store;
	}

	@GetMapping("/api/rooms/{room}/messages")
	ResponseEntity<?> messages(@PathVariable String room, @RequestParam(required = false) String before,
			@RequestParam(required = false) String limit) {
		if (!this.rooms.isRoom(room)) {
			return problem(HttpStatus.NOT_FOUND, "There is no room '" + room + "'.");
		}
		Long beforeId = parse(before, "before", 1, Long.MAX_VALUE);
		Long size = parse(limit, "limit", 1, MAX_LIMIT);
		History page = this.store.before(room, (beforeId != null) ? beforeId : Long.MAX_VALUE,
				(size != null) ? size.intValue() : DEFAULT_LIMIT);
		return ResponseEntity.ok(new MessagePage(room, page.messages(), page.truncated()));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> badParameter(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> unavailable(ChatException ex) {
		HttpStatus status = (ex.code() == ErrorCode.UNAVAILABLE) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_REQUEST;
		return problem(status, ex.getMessage());
	}

	private static Long parse(String value, String name, long min, long max) {
		if (value == null) {
			return null;
		}
		try {
			long parsed = Long.parseLong(value);
			if (parsed < min || parsed > max) {
				throw new IllegalArgumentException();
			}
			return parsed;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"'" + name + "' must be a whole number from " + min + " to " + ((max == Long.MAX_VALUE) ? "any" : max) + ".");
		}
	}

	private static ResponseEntity<Map<String, String>> problem(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("error", message));
	}

	/**
	 * One page, oldest first; {@code hasMore} says whether older messages exist.
	 */
	record MessagePage(String room, List<ChatMessage> messages, boolean hasMore) {
	}

}
