package io.livechat.images;

import io.livechat.config.LiveChatProperties.Uploads;

import org.springframework.util.unit.DataSize;

/** How large an upload's request may be: the file and what multipart wraps around it. */
public final class UploadLimits {

	/** The upload path, the one request whose body may be larger than a SockJS frame's. */
	public static final String PATH = ImageController.UPLOADS;

	/** The boundaries and headers of a multipart body around its one file. */
	static final long MULTIPART_ALLOWANCE = 16 * 1024;

	private UploadLimits() {
	}

	public static long maxRequestBytes(Uploads uploads) {
		return uploads.maxBytes().toBytes() + MULTIPART_ALLOWANCE;
	}

	/** What a refused upload is told. */
	public static String refusal(Uploads uploads) {
		return "An image may be at most " + describe(uploads.maxBytes()) + ".";
	}

	/** A size as people write it: 5 MB, 300 KB, 1500 bytes. */
	static String describe(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
			return size.toMegabytes() + " MB";
		}
		return (bytes % 1024 == 0) ? size.toKilobytes() + " KB" : bytes + " bytes";
	}

}
