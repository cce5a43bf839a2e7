package io.livechat.images;

/** The answer to an upload: the image's id, its size, its thumbnail's size, its stored length and type. */
public record UploadedImage(String id, int width, int height, Size thumbnail, long bytes, String type) {

	static UploadedImage of(StoredImage image) {
		return new UploadedImage(image.id(), image.size().width(), image.size().height(), image.thumbnail(),
				image.bytes(), image.mediaType());
	}

}
