package io.livechat.web;

import io.livechat.config.LiveChatProperties;
import io.livechat.images.UploadLimits;
import io.livechat.stomp.ChatMetrics;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters every HTTP request meets before the application: whose request it is (the client
 * behind the proxy), the body cap (before anything could read a body), then who may read the
 * metrics.
 */
@Configuration(proxyBeanMethods = false)
class RequestFiltersConfiguration {

	@Bean
	FilterRegistrationBean<ClientAddressFilter> clientAddress(LiveChatProperties properties) {
		var registration = new FilterRegistrationBean<>(
				new ClientAddressFilter(new TrustedProxies(properties.trustedProxies())));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(LiveChatProperties properties, ChatMetrics metrics) {
		int max = (int) Math.min(Integer.MAX_VALUE, properties.limits().maxRequestSize().toBytes());
		var uploads = properties.uploads();
		var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(max, () -> metrics.rejected("too-large"),
				UploadLimits.PATH, UploadLimits.maxRequestBytes(uploads), UploadLimits.refusal(uploads)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<PrometheusAccessFilter> prometheusAccess(LiveChatProperties properties) {
		var registration = new FilterRegistrationBean<>(new PrometheusAccessFilter(properties.metrics().token()));
		registration.addUrlPatterns(PrometheusAccessFilter.PATH, PrometheusAccessFilter.PATH + "/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
