package io.livechat.images;

/** A file that is not an image LiveChat accepts, or whose header cannot be believed; the message says which. */
public class UnsupportedImageException extends RuntimeException {

	public UnsupportedImageException(String message) {
		super(message);
	}

}
