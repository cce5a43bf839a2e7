package io.livechat.web;

import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import org.eclipse.jetty.ee11.websocket.jakarta.common.JakartaWebSocketContainer;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

import io.livechat.config.LiveChatProperties;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.HandshakeHandler;
import org.springframework.web.socket.server.jetty.JettyRequestUpgradeStrategy;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * Jetty, as LiveChat runs on it: WebSockets upgraded with its own API and LiveChat's limits;
 * its own error pages carry the security headers; behind the
 * platform's proxy it takes the scheme, host and port from {@code X-Forwarded-*} but leaves the
 * client's address to {@link ClientAddressFilter} (Jetty would take the left-most
 * {@code X-Forwarded-For}, which any client can write); and WebSockets are not compressed.
 */
@Configuration(proxyBeanMethods = false)
class JettyConfiguration {

	/** Connections the kernel may hold for Jetty to accept (capped by net.core.somaxconn). */
	static final int ACCEPT_BACKLOG = 4096;

	/** The compression extensions a browser offers; each costs a zlib context per connection. */
	private static final String[] COMPRESSION = { "permessage-deflate", "deflate-frame", "x-webkit-deflate-frame" };

	/**
	 * How every WebSocket (and SockJS WebSocket) is upgraded: Jetty's own upgrade, with the
	 * connection settings LiveChat's limits assume. Jetty's idle limit is a backstop behind
	 * the connection guard's (twice as long); a text message may be larger than a STOMP frame,
	 * so that an oversized frame gets the STOMP decoder's ERROR frame rather than a bare close.
	 */
	@Bean
	HandshakeHandler handshakeHandler(LiveChatProperties properties) {
		var limits = properties.limits();
		JettyRequestUpgradeStrategy jetty = new JettyRequestUpgradeStrategy();
		jetty.addWebSocketConfigurer((container) -> {
			container.setIdleTimeout(limits.idleTimeout().multipliedBy(2));
			container.setMaxTextMessageSize(2 * limits.maxFrameSize().toBytes());
			// clients send text; a binary message is handed over in parts and refused by STOMP
			container.setMaxBinaryMessageSize(limits.maxFrameSize().toBytes());
		});
		return new DefaultHandshakeHandler(jetty);
	}

	@Bean
	WebServerFactoryCustomizer<JettyServletWebServerFactory> jettyForLiveChat() {
		return (factory) -> factory.addServerCustomizers((server) -> {
			server.setErrorHandler(new HeadedErrorHandler());
			for (var connector : server.getConnectors()) {
				if (connector instanceof ServerConnector listening) {
					// Java's default backlog is 50: a room's clients coming back at once after a
					// restart overflowed it, and each refused SYN waited a second or more to retry
					listening.setAcceptQueueSize(ACCEPT_BACKLOG);
				}
				HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
				if (http != null) {
					http.getHttpConfiguration().addCustomizer(forwardedSchemeAndHost());
				}
			}
		});
	}

	/**
	 * permessage-deflate would give every browser connection a deflater and an inflater (about
	 * 300 KB of native memory each, ten times the rest of a connection) to save bytes on frames of
	 * a few hundred: refused, so the handshake answers without it.
	 */
	@Bean
	SmartInitializingSingleton uncompressedWebSockets(ServletContext servletContext) {
		return () -> {
			if (servletContext.getAttribute(ServerContainer.class.getName()) instanceof JakartaWebSocketContainer container) {
				for (String extension : COMPRESSION) {
					container.getExtensionRegistry().unregister(extension);
				}
			}
		};
	}

	private static HttpConfiguration.Customizer forwardedSchemeAndHost() {
		ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();
		// the client's address is ClientAddressFilter's: Jetty would trust any X-Forwarded-For
		forwarded.setForwardedForHeader(ClientAddressFilter.UNUSED_HEADER);
		forwarded.setForwardedHeader(ClientAddressFilter.UNUSED_HEADER);
		return forwarded;
	}

}
