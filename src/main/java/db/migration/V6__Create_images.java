package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Images people upload, and the picture a message carries. The bytes go in a column of their own
 * type per database: a BLOB in H2 (streamed from its LOB storage), a BYTEA in PostgreSQL (which
 * has no BLOB type); everything else is the same SQL for both.
 * <p>
 * An image belongs to its uploader ({@code owner}, a public id) until it is sent: {@code place}
 * is then the room ({@code room:<id>}) or conversation ({@code dm:<id>}) it was sent to, and
 * {@code sent_at} when. Messages name their image with its size, so a history needs no join.
 */
public class V6__Create_images extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		String bytes = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres") ? "BYTEA"
				: "BLOB";
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					CREATE TABLE images (
					    id                VARCHAR(22) NOT NULL PRIMARY KEY,
					    owner             VARCHAR(22) NOT NULL,
					    place             VARCHAR(64),
					    media_type        VARCHAR(16) NOT NULL,
					    width             INT         NOT NULL,
					    height            INT         NOT NULL,
					    bytes             BIGINT      NOT NULL,
					    data              %1$s        NOT NULL,
					    thumbnail_type    VARCHAR(16) NOT NULL,
					    thumbnail_width   INT         NOT NULL,
					    thumbnail_height  INT         NOT NULL,
					    thumbnail         %1$s        NOT NULL,
					    created_at        BIGINT      NOT NULL,
					    sent_at           BIGINT
					)""".formatted(bytes));
			statement.execute("CREATE INDEX images_created_at ON images (created_at)");
			for (String table : new String[] { "messages", "direct_messages" }) {
				statement.execute("ALTER TABLE " + table + " ADD COLUMN image_id VARCHAR(22)");
				statement.execute("ALTER TABLE " + table + " ADD COLUMN image_width INT");
				statement.execute("ALTER TABLE " + table + " ADD COLUMN image_height INT");
				statement.execute("CREATE INDEX " + table + "_image_id ON " + table + " (image_id)");
			}
		}
	}

}
