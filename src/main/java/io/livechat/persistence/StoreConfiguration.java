package io.livechat.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.livechat.chat.InMemoryMessageStore;
import io.livechat.chat.MessageStore;
import io.livechat.chat.Room;
import io.livechat.config.LiveChatProperties;
import io.livechat.direct.DirectMessageStore;
import io.livechat.direct.InMemoryDirectMessageStore;
import io.livechat.images.ImageStore;
import io.livechat.images.InMemoryImageStore;
import io.livechat.people.InMemoryPeople;
import io.livechat.people.People;
import io.livechat.people.PublicIds;
import io.livechat.reads.InMemoryReadPositionStore;
import io.livechat.reads.ReadPositionStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;

/**
 * Where messages are kept, rooms' and direct ones, with the people and the secret of their public
 * ids: {@code livechat.store=jdbc} (the default) or {@code memory}.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	/** After Flyway's migration: a shared store prepares its counters at once. */
	@Bean
	@ConditionalOnProperty(name = "livechat.store", havingValue = "jdbc", matchIfMissing = true)
	@DependsOnDatabaseInitialization
	JdbcMessageStore jdbcMessageStore(DataSource dataSource, LiveChatProperties properties) {
		if (properties.cluster() == LiveChatProperties.Cluster.REDIS) {
			requirePostgres(dataSource);
			return JdbcMessageStore.shared(dataSource, properties.rooms().stream().map(Room::id).toList());
		}
		return new JdbcMessageStore(dataSource);
	}

	@Bean
	@ConditionalOnProperty(name = "livechat.store", havingValue = "jdbc", matchIfMissing = true)
	HistoryPruner historyPruner(JdbcClient jdbc, JdbcMessageStore store, LiveChatProperties properties,
			TaskScheduler messageBrokerTaskScheduler) {
		return new HistoryPruner(jdbc, store, properties, messageBrokerTaskScheduler);
	}

	/** The secret from the settings, or the one kept in the database (made by the first node to start). */
	@Bean
	@ConditionalOnProperty(name = "livechat.store", havingValue = "jdbc", matchIfMissing = true)
	@DependsOnDatabaseInitialization
	PublicIds publicIds(JdbcClient jdbc, LiveChatProperties properties) {
		return (properties.publicIdSecret() != null) ? new PublicIds(secretOf(properties))
				: new PublicIds(PublicIdSecret.load(jdbc));
	}

	@Bean
	@ConditionalOnProperty(name = "livechat.store", havingValue = "jdbc", matchIfMissing = true)
	@DependsOnDatabaseInitialization
	JdbcPeople people(DataSource dataSource) {
		return new JdbcPeople(dataSource, System::currentTimeMillis);
	}

	@Bean
	@ConditionalOnProperty(name = "livechat.store", havingValue = "jdbc", matchIfMissing = true)
	@DependsOnDatabaseInitialization
	JdbcDirectMessageStore directMessageStore(DataSource dataSource) {
		return new JdbcDirectMessageStore(dataSource);
	}

	@Bean
	@ConditionalOnProperty(name = "livechat.store", havingValue = "jdbc", matchIfMissing = true)
	@DependsOnDatabaseInitialization
	JdbcReadPositionStore readPositionStore(DataSource dataSource) {
		return new JdbcReadPositionStore(dataSource);
	}

	@Bean
	@ConditionalOnProperty(name = "livechat.store", havingValue = "jdbc", matchIfMissing = true)
	@DependsOnDatabaseInitialization
	JdbcImageStore imageStore(DataSource dataSource) {
		return new JdbcImageStore(dataSource);
	}

	@Bean
	@ConditionalOnProperty(name = "livechat.store", havingValue = "memory")
	ImageStore inMemoryImageStore() {
		return new InMemoryImageStore();
	}

	/** Without a database, ids change on each start unless the settings give the secret. */
	@Bean
	@ConditionalOnProperty(name = "livechat.store", havingValue = "memory")
	PublicIds inMemoryPublicIds(LiveChatProperties properties) {
		return (properties.publicIdSecret() != null) ? new PublicIds(secretOf(properties))
				: PublicIds.withRandomSecret();
	}

	@Bean
	@ConditionalOnProperty(name = "livechat.store", havingValue = "memory")
	People inMemoryPeople() {
		return new InMemoryPeople();
	}

	@Bean
	@ConditionalOnProperty(name = "livechat.store", havingValue = "memory")
	DirectMessageStore inMemoryDirectMessageStore() {
		return new InMemoryDirectMessageStore();
	}

	@Bean
	@ConditionalOnProperty(name = "livechat.store", havingValue = "memory")
	ReadPositionStore inMemoryReadPositionStore() {
		return new InMemoryReadPositionStore();
	}

	@Bean
	@ConditionalOnProperty(name = "livechat.store", havingValue = "memory")
	MessageStore inMemoryMessageStore(LiveChatProperties properties) {
		if (properties.cluster() == LiveChatProperties.Cluster.REDIS) {
			throw new IllegalStateException("livechat.cluster=redis needs the messages in PostgreSQL: "
					+ "set livechat.store=jdbc and SPRING_DATASOURCE_URL or DATABASE_URL");
		}
		return new InMemoryMessageStore();
	}

	private static byte[] secretOf(LiveChatProperties properties) {
		return properties.publicIdSecret().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Nodes of a cluster share their messages and ids through the database: an embedded one
	 * would give each node its own.
	 */
	private static void requirePostgres(DataSource dataSource) {
		String product;
		try (Connection connection = dataSource.getConnection()) {
			product = connection.getMetaData().getDatabaseProductName();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("livechat.cluster=redis: cannot reach the database to check it is PostgreSQL", ex);
		}
		if (!"PostgreSQL".equalsIgnoreCase(product)) {
			throw new IllegalStateException("livechat.cluster=redis needs PostgreSQL shared by every node, not the "
					+ product + " database: set SPRING_DATASOURCE_URL (jdbc:postgresql://...) or DATABASE_URL");
		}
	}

}
