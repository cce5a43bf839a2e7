package io.livechat.people;

import java.util.Optional;

/**
 * Everyone who has ever joined, by public id, with the name they last used: whom a direct
 * message may go to, and under which name it shows. Implementations are thread-safe; those
 * backed by a database throw {@link io.livechat.chat.ChatException} ({@code unavailable}) when it
 * cannot be reached.
 */
public interface People {

	/** The person joined under {@code name}: from now on they are known, under that name. */
	void remember(Person person);

	/** The name the person last used, if they ever joined. */
	Optional<String> nameOf(String id);

}
