package io.livechat.cluster;

import java.util.Map;

import io.livechat.persistence.DatabaseEnvironment;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterEnvironmentTest {

	@Test
	void aNodeAloneConfiguresNoRedisAtAll() {
		StandardEnvironment environment = environment(Map.of());

		new ClusterEnvironment().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.autoconfigure.exclude")).contains(
				"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration");
	}

	@Test
	void keepsWhatTheDatabaseSettingsExcluded() {
		StandardEnvironment environment = environment(Map.of("livechat.store", "memory"));

		new DatabaseEnvironment().postProcessEnvironment(environment, new SpringApplication());
		new ClusterEnvironment().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.autoconfigure.exclude")).contains("DataSourceAutoConfiguration",
				"FlywayAutoConfiguration", "DataRedisAutoConfiguration");
	}

	@Test
	void aClusterNodeTakesTheRedisUrlThatPlatformsInject() {
		StandardEnvironment environment = environment(
				Map.of("livechat.cluster", "redis", "REDIS_URL", "redis://default:secret@redis.internal:6379"));

		new ClusterEnvironment().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("redis://default:secret@redis.internal:6379");
		assertThat(environment.getProperty("spring.autoconfigure.exclude"))
			.isEqualTo("org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");
	}

	@Test
	void anExplicitRedisUrlWins() {
		StandardEnvironment environment = environment(Map.of("livechat.cluster", "redis", "REDIS_URL",
				"redis://platform:6379", "spring.data.redis.url", "redis://explicit:6379"));

		new ClusterEnvironment().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("redis://explicit:6379");
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
