package io.livechat.config;

import io.livechat.config.LiveChatProperties.Rate;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link Rate} default written as {@code @DefaultValue({ "burst", "perSecond" })}.
 * (A rate set in properties binds field by field: {@code ...send.burst=20}, {@code ...send.per-second=5}.)
 */
@Component
@ConfigurationPropertiesBinding
public class RateConverter implements Converter<String[], Rate> {

	@Override
	public Rate convert(String[] source) {
		if (source.length != 2) {
			throw new IllegalArgumentException("A rate is two numbers, a burst and a rate per second");
		}
		return new Rate(Integer.parseInt(source[0].strip()), Double.parseDouble(source[1].strip()));
	}

}
