package io.livechat.stomp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the database cannot be reached, a message gets {@code unavailable}, nothing unstored is
 * broadcast, the connection stays up, health says DOWN; once it is back, sending works again.
 */
class DatabaseOutageTest extends EndToEndTest {

	@Autowired
	Outage outage;

	@AfterEach
	void databaseComesBack() {
		this.outage.down = false;
	}

	@Test
	void sendingDuringAnOutageIsRefusedAndWorksAgainAfterIt() throws Exception {
		ChatClient alex = client();
		long lastId = ChatProtocolTest.lastId(alex.join("Alex", "random"));
		ChatClient sam = client();
		sam.join("Sam", "random");

		this.outage.down = true;
		alex.say("random", "during the outage");

		assertThat(alex.takeErrorCode()).isEqualTo("unavailable");
		assertThat(health()).isEqualTo(503);
		assertThat(alex.isConnected()).isTrue();

		this.outage.down = false;
		alex.say("random", "after the outage");

		assertThat(sam.take("message").path("text").asString()).isEqualTo("after the outage");
		assertThat(sam.messages("random")).extracting((m) -> m.path("text").asString())
			.containsExactly("after the outage");
		assertThat(sam.messages("random").get(0).path("id").asLong()).isEqualTo(lastId + 1);
		assertThat(health()).isEqualTo(200);
	}

	private int health() throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	/** Puts a switch in front of the application's DataSource, as a database outage would. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Switch {

		@Bean
		Outage outage() {
			return new Outage();
		}

		@Bean
		static BeanPostProcessor cutOffDataSource(ObjectProvider<Outage> outage) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return (bean instanceof DataSource dataSource) ? new Switchable(dataSource, outage) : bean;
				}
			};
		}

	}

	static final class Outage {

		volatile boolean down;

	}

	private static final class Switchable extends DelegatingDataSource {

		private final ObjectProvider<Outage> outage;

		Switchable(DataSource target, ObjectProvider<Outage> outage) {
			super(target);
			this.outage = outage;
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (this.outage.getObject().down) {
				throw new SQLTransientConnectionException("Connection refused (the test cut the database off)");
			}
			return super.getConnection();
		}

	}

}
