package io.livechat.images;

/** A picture's width and height in pixels, as shown. */
public record Size(int width, int height) {

	public Size {
		if (width < 1 || height < 1) {
			throw new IllegalArgumentException("A picture is at least 1 x 1, got " + width + " x " + height);
		}
	}

	/** This size scaled down (never up) so its long side is at most {@code longSide}, each side at least 1. */
	public Size fitting(int longSide) {
		double scale = Math.min(1, (double) longSide / Math.max(this.width, this.height));
		return new Size(Math.max(1, (int) Math.round(this.width * scale)),
				Math.max(1, (int) Math.round(this.height * scale)));
	}

}
