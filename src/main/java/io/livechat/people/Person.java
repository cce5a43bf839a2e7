package io.livechat.people;

/** Someone as others see them: their public id and the name they last joined under. */
public record Person(String id, String name) {
}
