package io.livechat.images;

import java.awt.image.BufferedImage;

/** Turns a picture as an EXIF orientation (1 to 8) says it should be shown. */
final class Orientation {

	private Orientation() {
	}

	static BufferedImage apply(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int width = image.getWidth();
		int height = image.getHeight();
		boolean sideways = ExifOrientation.turnsSideways(orientation);
		BufferedImage turned = new BufferedImage(sideways ? height : width, sideways ? width : height,
				image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int argb = image.getRGB(x, y);
				switch (orientation) {
					case 2 -> turned.setRGB(width - 1 - x, y, argb); // mirrored
					case 3 -> turned.setRGB(width - 1 - x, height - 1 - y, argb); // upside down
					case 4 -> turned.setRGB(x, height - 1 - y, argb); // mirrored upside down
					case 5 -> turned.setRGB(y, x, argb); // mirrored, on its side
					case 6 -> turned.setRGB(height - 1 - y, x, argb); // a quarter turn clockwise
					case 7 -> turned.setRGB(height - 1 - y, width - 1 - x, argb);
					default -> turned.setRGB(y, width - 1 - x, argb); // 8: a quarter turn anticlockwise
				}
			}
		}
		return turned;
	}

}
