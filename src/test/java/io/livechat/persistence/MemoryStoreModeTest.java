package io.livechat.persistence;

import javax.sql.DataSource;

import io.livechat.chat.InMemoryMessageStore;
import io.livechat.chat.MessageStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code livechat.store=memory}: the history lives in memory and no database is touched. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "livechat.store=memory")
class MemoryStoreModeTest {

	@Autowired
	MessageStore store;

	@Autowired
	ApplicationContext context;

	@Test
	void keepsHistoryInMemoryWithoutADatabase() {
		assertThat(this.store).isInstanceOf(InMemoryMessageStore.class);
		assertThat(this.context.getBeanNamesForType(DataSource.class)).isEmpty();
	}

}
