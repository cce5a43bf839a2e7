package io.livechat.images;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.livechat.chat.ChatException;
import io.livechat.chat.ErrorCode;
import io.livechat.chat.ImageClaims;
import io.livechat.chat.MessageImage;

/**
 * Stored images as messages use them: claimed by the message that carries one, and served to
 * whoever may read where it was sent (a room: anyone; a conversation: its two people).
 */
public class Images implements ImageClaims {

	private static final String CONVERSATION = ImageClaims.conversation("");

	private final ImageStore store;

	private final Clock clock;

	public Images(ImageStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Override
	public MessageImage claim(String imageId, String owner, String place, String clientMsgId) {
		if (!ImageUploads.isWellFormedId(imageId)) {
			throw unknown();
		}
		StoredImage image = this.store.claim(imageId, owner, place, clientMsgId, this.clock.millis())
			.orElseThrow(Images::unknown);
		return new MessageImage(image.id(), image.size().width(), image.size().height());
	}

	@Override
	public void release(String imageId, String owner) {
		this.store.release(imageId, owner);
	}

	/** The image {@code id} if it was sent (an unsent upload is nobody's to see yet). */
	Optional<StoredImage> sent(String id) {
		if (!ImageUploads.isWellFormedId(id)) {
			return Optional.empty();
		}
		return this.store.find(id).filter(StoredImage::isSent);
	}

	/** Whether the image was sent in a conversation (served to its two people only). */
	static boolean isPrivate(StoredImage image) {
		return image.place().startsWith(CONVERSATION);
	}

	/**
	 * Whether {@code viewer} (a public id, or null for someone unknown) may see the sent image:
	 * anyone a room's, only its two people a conversation's.
	 */
	static boolean mayView(StoredImage image, String viewer) {
		if (!isPrivate(image)) {
			return true;
		}
		List<String> people = List.of(image.place().substring(CONVERSATION.length()).split("\\."));
		return viewer != null && people.contains(viewer);
	}

	Optional<byte[]> content(StoredImage image, boolean thumbnail) {
		return this.store.content(image.id(), thumbnail);
	}

	private static ChatException unknown() {
		return new ChatException(ErrorCode.UNKNOWN_IMAGE,
				"There is no unsent image of yours with that id: upload it again.");
	}

}
