package io.livechat.images;

import java.io.InputStream;
import java.util.Optional;

/**
 * Keeps uploaded images: each stripped file and its thumbnail, and where it was sent.
 * Implementations are thread-safe and throw a {@link io.livechat.chat.ChatException}
 * ({@code unavailable}) when their storage cannot be reached.
 */
public interface ImageStore {

	/** Stores a new, unsent image; {@code data} gives exactly {@code image.bytes()} bytes. */
	void save(StoredImage image, InputStream data, byte[] thumbnail);

	Optional<StoredImage> find(String id);

	/** The file (or its thumbnail), read whole; empty when there is no such image. */
	Optional<byte[]> content(String id, boolean thumbnail);

	/**
	 * Marks the owner's unsent image as sent to {@code place}, atomically (whichever of two
	 * claims comes first wins), for the message with {@code clientMsgId} (or null); the image as
	 * claimed, or empty when it is not theirs, sent already (but for the same place by the same
	 * message: a resend), or gone.
	 */
	Optional<StoredImage> claim(String id, String owner, String place, String clientMsgId, long now);

	/** Makes a claimed image the owner's unsent one again, unless a stored message carries it. */
	void release(String id, String owner);

	/** Deletes images never sent and uploaded before {@code cutoffMillis}; how many. */
	int deleteUnsentBefore(long cutoffMillis);

	/** Deletes images sent before {@code cutoffMillis} whose message is gone (pruned); how many. */
	int deleteOrphansSentBefore(long cutoffMillis);

}
