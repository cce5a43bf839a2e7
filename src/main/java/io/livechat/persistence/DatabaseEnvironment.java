package io.livechat.persistence;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Database settings that depend on other settings, applied before the application starts:
 * <ul>
 * <li>{@code DATABASE_URL} (Railway, Render) becomes {@code spring.datasource.url},
 * {@code username} and {@code password}, unless those are set explicitly;</li>
 * <li>{@code livechat.store=memory} switches the database off altogether.</li>
 * </ul>
 */
public class DatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

	private static final String SOURCE = "livechatDatabase";

	private static final String DATA_SOURCE_AUTO_CONFIGURATION = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

	private static final String FLYWAY_AUTO_CONFIGURATION = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> derived = new HashMap<>();
		String databaseUrl = environment.getProperty("DATABASE_URL");
		if (databaseUrl != null && !databaseUrl.isBlank() && !isDataSourceUrlExplicit(environment)) {
			DatabaseUrl parsed = DatabaseUrl.parse(databaseUrl);
			derived.put("spring.datasource.url", parsed.jdbcUrl());
			if (parsed.username() != null) {
				derived.put("spring.datasource.username", parsed.username());
			}
			if (parsed.password() != null) {
				derived.put("spring.datasource.password", parsed.password());
			}
		}
		if ("memory".equalsIgnoreCase(environment.getProperty("livechat.store", "jdbc"))) {
			String excluded = environment.getProperty("spring.autoconfigure.exclude", "");
			derived.put("spring.autoconfigure.exclude", (excluded.isBlank() ? "" : excluded + ",")
					+ DATA_SOURCE_AUTO_CONFIGURATION + "," + FLYWAY_AUTO_CONFIGURATION);
		}
		if (derived.isEmpty()) {
			return;
		}
		// below command-line arguments, system properties and environment variables, above
		// application.properties
		MapPropertySource source = new MapPropertySource(SOURCE, derived);
		if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
		}
		else {
			environment.getPropertySources().addLast(source);
		}
	}

	/** Before {@code ClusterEnvironment}, which adds its exclusions to these. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

	/** Set on the command line, as a system property or as an environment variable. */
	private static boolean isDataSourceUrlExplicit(ConfigurableEnvironment environment) {
		var sources = environment.getPropertySources();
		for (String name : new String[] { "commandLineArgs", StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME }) {
			if (sources.contains(name) && sources.get(name).containsProperty("spring.datasource.url")) {
				return true;
			}
		}
		return environment.getProperty("SPRING_DATASOURCE_URL") != null;
	}

}
