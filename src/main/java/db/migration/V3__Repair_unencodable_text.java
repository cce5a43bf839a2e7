package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs messages stored before texts had to be valid Unicode: an unpaired UTF-16 surrogate in
 * a text or a name (which H2 stores as it came) becomes U+FFFD REPLACEMENT CHARACTER, since no
 * encoder can send it on, and a room whose history held one could not be joined. PostgreSQL
 * cannot hold such a string, so there it finds nothing to repair.
 * <p>
 * Reads the messages a page at a time, in primary-key order, so a large table never has to fit
 * in memory.
 */
public class V3__Repair_unencodable_text extends BaseJavaMigration {

	static final int PAGE_SIZE = 500;

	private static final Logger logger = LoggerFactory.getLogger(V3__Repair_unencodable_text.class);

	private static final String PAGE = """
			SELECT room, id, username, text FROM messages
			WHERE room > ? OR (room = ? AND id > ?)
			ORDER BY room, id
			LIMIT ?""";

	private static final String REPAIR = "UPDATE messages SET username = ?, text = ? WHERE room = ? AND id = ?";

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		String room = "";
		long id = Long.MIN_VALUE;
		int repaired = 0;
		try (PreparedStatement page = connection.prepareStatement(PAGE);
				PreparedStatement repair = connection.prepareStatement(REPAIR)) {
			int read;
			do {
				page.setString(1, room);
				page.setString(2, room);
				page.setLong(3, id);
				page.setInt(4, PAGE_SIZE);
				read = 0;
				try (ResultSet rows = page.executeQuery()) {
					while (rows.next()) {
						read++;
						room = rows.getString("room");
						id = rows.getLong("id");
						String username = rows.getString("username");
						String text = rows.getString("text");
						String repairedUsername = wellFormed(username);
						String repairedText = wellFormed(text);
						if (!repairedUsername.equals(username) || !repairedText.equals(text)) {
							repair.setString(1, repairedUsername);
							repair.setString(2, repairedText);
							repair.setString(3, room);
							repair.setLong(4, id);
							repair.addBatch();
							repaired++;
						}
					}
				}
				repair.executeBatch();
			}
			while (read == PAGE_SIZE);
		}
		if (repaired > 0) {
			logger.info("Replaced unpaired surrogates with U+FFFD in {} stored message(s)", repaired);
		}
	}

	/** The text with each unpaired surrogate replaced by U+FFFD; the same instance when it has none. */
	static String wellFormed(String text) {
		StringBuilder repaired = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1));
			if (pair) {
				if (repaired != null) {
					repaired.append(c).append(text.charAt(i + 1));
				}
				i++;
			}
			else if (Character.isSurrogate(c)) {
				if (repaired == null) {
					repaired = new StringBuilder(text.length()).append(text, 0, i);
				}
				repaired.append('\uFFFD');
			}
			else if (repaired != null) {
				repaired.append(c);
			}
		}
		return (repaired != null) ? repaired.toString() : text;
	}

}
