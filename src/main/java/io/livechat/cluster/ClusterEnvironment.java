package io.livechat.cluster;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Redis settings that depend on other settings, applied before the application starts:
 * <ul>
 * <li>{@code REDIS_URL} (Railway, Render) becomes {@code spring.data.redis.url}, unless that is
 * set;</li>
 * <li>without {@code livechat.cluster=redis}, Redis is not configured at all (a node alone needs
 * none); with it, Redis commands are not observed one by one.</li>
 * </ul>
 */
public class ClusterEnvironment implements EnvironmentPostProcessor, Ordered {

	private static final String SOURCE = "livechatCluster";

	/** Micrometer observations of every Redis command: a cost per message, and our own metrics suffice. */
	private static final String REDIS_OBSERVATIONS = "org.springframework.boot.data.redis.autoconfigure."
			+ "observation.LettuceObservationAutoConfiguration";

	private static final String REDIS_AUTO_CONFIGURATIONS = String.join(",",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
			REDIS_OBSERVATIONS);

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> derived = new HashMap<>();
		String redisUrl = environment.getProperty("REDIS_URL");
		if (redisUrl != null && !redisUrl.isBlank() && environment.getProperty("spring.data.redis.url") == null) {
			derived.put("spring.data.redis.url", redisUrl);
		}
		boolean cluster = "redis".equalsIgnoreCase(environment.getProperty("livechat.cluster", "none").trim());
		String excluded = environment.getProperty("spring.autoconfigure.exclude", "");
		derived.put("spring.autoconfigure.exclude",
				(excluded.isBlank() ? "" : excluded + ",") + (cluster ? REDIS_OBSERVATIONS : REDIS_AUTO_CONFIGURATIONS));
		// above every other source, with what DatabaseEnvironment (which runs first) excluded
		environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, derived));
	}

	/** After {@code DatabaseEnvironment}, whose exclusions this one keeps. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
