package io.livechat.bench;

/**
 * A run that cannot go on: the server is unreachable, clients could not join, or a phase ran
 * out of time. The message says which, for a person to read.
 */
final class LoadException extends RuntimeException {

	LoadException(String message) {
		super(message);
	}

}
