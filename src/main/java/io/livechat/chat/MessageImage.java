package io.livechat.chat;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The picture a message carries: its id, where to fetch it and its thumbnail (never a URL a
 * client gave), and its size in pixels as shown (the thumbnail has the same proportions, at most
 * 320 pixels on its long side), so a page can lay it out before it loads.
 */
public record MessageImage(String id, int width, int height) {

	/** Where images are served from; an image's URL is this and its id. */
	public static final String PATH = "/api/images/";

	@JsonProperty("url")
	public String url() {
		return PATH + this.id;
	}

	@JsonProperty("thumbnailUrl")
	public String thumbnailUrl() {
		return PATH + this.id + "/thumbnail";
	}

}
