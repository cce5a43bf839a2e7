package io.livechat.images;

/**
 * What is known of a stored image besides its bytes.
 *
 * @param id its id, made by the server (128 random bits)
 * @param owner the public id of who uploaded it
 * @param place where it was sent ({@code room:<id>} or {@code dm:<conversation>}); null while unsent
 * @param mediaType the type it is served as, from its content
 * @param size its size as shown
 * @param bytes the length of the stored (stripped) file
 * @param thumbnailType the thumbnail's media type (JPEG, or PNG when the image has transparency)
 * @param thumbnail the thumbnail's size
 * @param createdAt when it was uploaded, epoch millis
 */
public record StoredImage(String id, String owner, String place, String mediaType, Size size, long bytes,
		String thumbnailType, Size thumbnail, long createdAt) {

	public boolean isSent() {
		return this.place != null;
	}

	StoredImage sentTo(String place) {
		return new StoredImage(this.id, this.owner, place, this.mediaType, this.size, this.bytes, this.thumbnailType,
				this.thumbnail, this.createdAt);
	}

}
