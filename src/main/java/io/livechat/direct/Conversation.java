package io.livechat.direct;

/**
 * A conversation between two people, named by their public ids: {@code first} sorts before
 * {@code second}, and the id is both joined by a dot (public ids never hold one).
 */
public record Conversation(String id, String first, String second) {

	public static Conversation between(String one, String other) {
		if (one.equals(other)) {
			throw new IllegalArgumentException("A conversation is between two people");
		}
		String first = (one.compareTo(other) < 0) ? one : other;
		String second = first.equals(one) ? other : one;
		return new Conversation(first + "." + second, first, second);
	}

	/** The other person than {@code person}, one of the two. */
	public String other(String person) {
		return person.equals(this.first) ? this.second : this.first;
	}

}
