package io.livechat.direct;

/**
 * Whether a person shows others how far they have read, and so sees how far others have (the
 * read-receipts setting, kept by {@code reads}).
 */
@FunctionalInterface
public interface ReceiptSharing {

	/** Everyone shares: for a chat without the setting. */
	ReceiptSharing EVERYONE = (person) -> true;

	boolean shares(String person);

}
