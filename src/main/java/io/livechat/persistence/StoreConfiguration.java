package io.livechat.persistence;

import javax.sql.DataSource;

import io.livechat.chat.InMemoryMessageStore;
import io.livechat.chat.MessageStore;
import io.livechat.config.LiveChatProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;

/**
 * Where messages are kept: {@code livechat.store=jdbc} (the default) or {@code memory}.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	@Bean
	@ConditionalOnProperty(name = "livechat.store", havingValue = "jdbc", matchIfMissing = true)
	JdbcMessageStore jdbcMessageStore(DataSource dataSource) {
		return new JdbcMessageStore(dataSource);
	}

	@Bean
	@ConditionalOnProperty(name = "livechat.store", havingValue = "jdbc", matchIfMissing = true)
	HistoryPruner historyPruner(JdbcClient jdbc, JdbcMessageStore store, LiveChatProperties properties,
			TaskScheduler messageBrokerTaskScheduler) {
		return new HistoryPruner(jdbc, store, properties, messageBrokerTaskScheduler);
	}

	@Bean
	@ConditionalOnProperty(name = "livechat.store", havingValue = "memory")
	MessageStore inMemoryMessageStore() {
		return new InMemoryMessageStore();
	}

}
