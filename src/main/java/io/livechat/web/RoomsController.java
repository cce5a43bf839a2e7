package io.livechat.web;

import java.util.List;

import io.livechat.chat.RoomRegistry;
import io.livechat.chat.RoomSummary;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The room list with live user counts, for the landing page before it subscribes to
 * {@code /topic/rooms}.
 */
@RestController
class RoomsController {

	private final RoomRegistry rooms;

	RoomsController(RoomRegistry rooms) {
		this.rooms = rooms;
	}

	@GetMapping("/api/rooms")
	List<RoomSummary> rooms() {
		return this.rooms.summaries();
	}

}
