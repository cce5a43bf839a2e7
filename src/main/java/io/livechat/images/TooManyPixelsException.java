package io.livechat.images;

/** An image whose header (or first frame) declares more pixels than the server decodes. */
public class TooManyPixelsException extends RuntimeException {

	public TooManyPixelsException(long width, long height, long maxPixels) {
		super("The image is " + width + " x " + height + " pixels; at most " + maxPixels / 1_000_000
				+ " megapixels are accepted.");
	}

}
