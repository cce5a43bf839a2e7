package io.livechat.persistence;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import io.livechat.images.ImageStore;
import io.livechat.images.Size;
import io.livechat.images.StoredImage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps images in the {@code images} table of the chat's database (so H2 and PostgreSQL both
 * work, and the nodes of a cluster share them with nothing else to run). A file is streamed in
 * on upload and read whole on each request, so that no database connection waits on a slow
 * client while it downloads.
 */
public class JdbcImageStore implements ImageStore {

	private static final String COLUMNS = """
			id, owner, place, media_type, width, height, bytes, thumbnail_type, thumbnail_width, thumbnail_height, \
			created_at""";

	private static final RowMapper<StoredImage> IMAGE = JdbcImageStore::image;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	public JdbcImageStore(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.template = new JdbcTemplate(dataSource);
	}

	@Override
	public void save(StoredImage image, InputStream data, byte[] thumbnail) {
		Database.guarded(() -> this.template.update("INSERT INTO images (" + COLUMNS + ", data, thumbnail) "
				+ "VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (statement) -> {
					statement.setString(1, image.id());
					statement.setString(2, image.owner());
					statement.setString(3, image.mediaType());
					statement.setInt(4, image.size().width());
					statement.setInt(5, image.size().height());
					statement.setLong(6, image.bytes());
					statement.setString(7, image.thumbnailType());
					statement.setInt(8, image.thumbnail().width());
					statement.setInt(9, image.thumbnail().height());
					statement.setLong(10, image.createdAt());
					statement.setBinaryStream(11, data, image.bytes());
					statement.setBytes(12, thumbnail);
				}));
	}

	@Override
	public Optional<StoredImage> find(String id) {
		return Database.guarded(
				() -> this.jdbc.sql("SELECT " + COLUMNS + " FROM images WHERE id = ?").param(id).query(IMAGE).optional());
	}

	@Override
	public Optional<byte[]> content(String id, boolean thumbnail) {
		String column = thumbnail ? "thumbnail" : "data";
		return Database.guarded(() -> this.jdbc.sql("SELECT " + column + " FROM images WHERE id = ?")
			.param(id)
			.query((row, n) -> row.getBytes(1))
			.optional());
	}

	@Override
	public Optional<StoredImage> claim(String id, String owner, String place, String clientMsgId, long now) {
		int claimed = Database.guarded(() -> this.jdbc.sql("""
				UPDATE images SET place = ?, sent_at = ?, client_msg_id = ?
				WHERE id = ? AND owner = ? AND (place IS NULL OR (place = ? AND client_msg_id = ?))""")
			.params(place, now, clientMsgId, id, owner, place, clientMsgId)
			.update());
		return (claimed == 1) ? find(id) : Optional.empty();
	}

	@Override
	public void release(String id, String owner) {
		Database.guarded(() -> this.jdbc.sql("""
				UPDATE images SET place = NULL, sent_at = NULL, client_msg_id = NULL WHERE id = ? AND owner = ?
				AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.image_id = images.id)
				AND NOT EXISTS (SELECT 1 FROM direct_messages d WHERE d.image_id = images.id)""")
			.params(id, owner)
			.update());
	}

	@Override
	public int deleteUnsentBefore(long cutoffMillis) {
		return Database.guarded(() -> this.jdbc.sql("DELETE FROM images WHERE place IS NULL AND created_at < ?")
			.param(cutoffMillis)
			.update());
	}

	@Override
	public int deleteOrphansSentBefore(long cutoffMillis) {
		return Database.guarded(() -> this.jdbc.sql("""
				DELETE FROM images WHERE sent_at < ?
				AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.image_id = images.id)
				AND NOT EXISTS (SELECT 1 FROM direct_messages d WHERE d.image_id = images.id)
				""").param(cutoffMillis).update());
	}

	private static StoredImage image(ResultSet row, int n) throws SQLException {
		return new StoredImage(row.getString("id"), row.getString("owner"), row.getString("place"),
				row.getString("media_type"), new Size(row.getInt("width"), row.getInt("height")), row.getLong("bytes"),
				row.getString("thumbnail_type"), new Size(row.getInt("thumbnail_width"), row.getInt("thumbnail_height")),
				row.getLong("created_at"));
	}

}
