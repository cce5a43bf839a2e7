package io.livechat.images;

/** Every decoder stayed busy for as long as an upload may wait for one. */
public class UploadsBusyException extends RuntimeException {

	public UploadsBusyException() {
		super("The server is busy with other images; try again in a moment.");
	}

}
