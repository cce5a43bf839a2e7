package io.livechat.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} for a scraper with the token only ({@code Authorization: Bearer
 * <livechat.metrics.token>}): the metrics name the JVM build, the working directory and the
 * traffic, which is nobody else's business. Without a token set, the endpoint is not served at
 * all (404).
 */
class PrometheusAccessFilter extends OncePerRequestFilter {

	static final String PATH = "/actuator/prometheus";

	private static final String BEARER = "Bearer ";

	private final byte[] token;

	/** @param token the scrape token, or null: nobody may read the metrics */
	PrometheusAccessFilter(String token) {
		this.token = (token != null) ? token.getBytes(StandardCharsets.UTF_8) : null;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith(PATH);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.token == null) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.startsWith(BEARER) || !MessageDigest.isEqual(this.token,
				authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8))) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		chain.doFilter(request, response);
	}

}
