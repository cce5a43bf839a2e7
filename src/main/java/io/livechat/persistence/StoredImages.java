package io.livechat.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;

import io.livechat.chat.MessageImage;

/** The picture of a stored message, from its {@code image_id}, {@code image_width} and {@code image_height}. */
final class StoredImages {

	private StoredImages() {
	}

	/** The row's image, null when its message has none. */
	static MessageImage of(ResultSet row) throws SQLException {
		String id = row.getString("image_id");
		return (id != null) ? new MessageImage(id, row.getInt("image_width"), row.getInt("image_height")) : null;
	}

}
