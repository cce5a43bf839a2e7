package io.livechat.config;

import java.time.Duration;
import java.util.List;

import io.livechat.chat.Room;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every LiveChat setting, bound from {@code livechat.*} (and so from {@code LIVECHAT_*}
 * environment variables).
 *
 * @param rooms the chat rooms, in display order
 * @param heartbeat the STOMP heart-beat interval the server offers and expects
 * @param limits per-connection limits
 */
@ConfigurationProperties("livechat")
public record LiveChatProperties(List<Room> rooms, @DefaultValue("10s") Duration heartbeat,
		@DefaultValue Limits limits) {

	public static final List<Room> DEFAULT_ROOMS = List.of(new Room("general", "General"), new Room("tech", "Tech"),
			new Room("random", "Random"));

	public LiveChatProperties {
		rooms = (rooms == null || rooms.isEmpty()) ? DEFAULT_ROOMS : List.copyOf(rooms);
		if (rooms.stream().map(Room::id).distinct().count() != rooms.size()) {
			throw new IllegalArgumentException("livechat.rooms: room ids must be unique, got " + rooms);
		}
	}

	/**
	 * @param maxFrameSize the largest STOMP frame a client may send; larger ones close the connection
	 * @param send chat messages per connection
	 * @param join joins per connection
	 * @param typing typing notices per connection (the excess is dropped silently)
	 */
	public record Limits(@DefaultValue("64KB") DataSize maxFrameSize, @DefaultValue({ "20", "5" }) Rate send,
			@DefaultValue({ "10", "1" }) Rate join, @DefaultValue({ "2", "2" }) Rate typing) {
	}

	/**
	 * A token bucket: {@code burst} actions at once, then {@code perSecond} sustained.
	 */
	public record Rate(int burst, double perSecond) {

		public Rate {
			if (burst < 1 || perSecond <= 0) {
				throw new IllegalArgumentException("a rate needs burst >= 1 and perSecond > 0");
			}
		}

	}

}
