package io.livechat.config;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

/**
 * The application's JSON mapper (Boot's, with its customizers) reads no more than a client may
 * send: a document no longer than the request size limit, strings no longer than a frame, and
 * the shallow, short-named objects of the wire contract. What a client sends is capped before it
 * is parsed too; these keep the parser from doing more than the contract needs.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	/** The commands are flat objects; nothing a client sends needs deeper nesting. */
	static final int MAX_NESTING = 16;

	/** The contract's field names are a few characters long. */
	static final int MAX_NAME_LENGTH = 256;

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	JsonMapper.Builder jsonMapperBuilder(LiveChatProperties properties,
			ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
		var limits = properties.limits();
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxDocumentLength(limits.maxRequestSize().toBytes())
				.maxStringLength((int) limits.maxFrameSize().toBytes())
				.maxNestingDepth(MAX_NESTING)
				.maxNameLength(MAX_NAME_LENGTH)
				.build())
			.build();
		JsonMapper.Builder builder = JsonMapper.builder(factory);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

}
