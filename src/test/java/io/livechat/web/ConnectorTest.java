package io.livechat.web;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConnectorTest {

	@Autowired
	WebServerApplicationContext context;

	@Test
	void theListeningSocketQueuesAConnectionStormInsteadOfRefusingIt() {
		Connector[] connectors = ((JettyWebServer) this.context.getWebServer()).getServer().getConnectors();

		assertThat(connectors).hasAtLeastOneElementOfType(ServerConnector.class)
			.allSatisfy((connector) -> assertThat(((ServerConnector) connector).getAcceptQueueSize())
				.isEqualTo(JettyConfiguration.ACCEPT_BACKLOG));
	}

}
