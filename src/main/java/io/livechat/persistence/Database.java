package io.livechat.persistence;

import java.util.function.Supplier;

import io.livechat.chat.ChatException;
import io.livechat.chat.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/** A database call that fails as the chat's {@code unavailable} error, with one line in the log. */
final class Database {

	private static final Logger logger = LoggerFactory.getLogger(Database.class);

	private Database() {
	}

	static <T> T guarded(Supplier<T> databaseCall) {
		try {
			return databaseCall.get();
		}
		catch (DataAccessException | TransactionException ex) {
			throw unavailable(ex);
		}
	}

	/** What a failed database call becomes, with its line in the log. */
	static ChatException unavailable(NestedRuntimeException ex) {
		logger.warn("The database is unavailable: {}", ex.getMostSpecificCause().getMessage());
		return unavailable();
	}

	static ChatException unavailable() {
		return new ChatException(ErrorCode.UNAVAILABLE, "Messages cannot be stored right now. Please try again in a moment.");
	}

}
