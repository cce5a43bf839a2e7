package io.livechat.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeName("rooms")
public record RoomsEvent(List<RoomSummary> rooms) implements ChatEvent {

}
