package io.livechat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LiveChatApplication {

	/**
	 * Tomcat gives every WebSocket a frame-reading buffer and two writing buffers of this size (8
	 * KiB by default); 4 KiB still holds a typical batch of frames and saves 12 KiB per
	 * connection (docs/performance.md, W3). Read once, when Tomcat's WebSocket classes load.
	 */
	static final String TOMCAT_WEBSOCKET_BUFFER_SIZE = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	public static void main(String[] args) {
		if (System.getProperty(TOMCAT_WEBSOCKET_BUFFER_SIZE) == null) {
			System.setProperty(TOMCAT_WEBSOCKET_BUFFER_SIZE, "4096");
		}
		SpringApplication.run(LiveChatApplication.class, args);
	}

}
