package io.livechat.web;

import io.livechat.config.LiveChatProperties;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets the origins of {@code livechat.allowed-origins} read the REST API from their pages, as
 * they may open the chat's sockets; every other origin is refused.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration implements WebMvcConfigurer {

	private final LiveChatProperties properties;

	CorsConfiguration(LiveChatProperties properties) {
		this.properties = properties;
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping("/api/**")
			.allowedOriginPatterns(this.properties.allowedOrigins().toArray(String[]::new))
			.allowedMethods("GET");
	}

}
