package io.livechat.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every response carries, the application's own and the container's error
 * pages alike. The Content-Security-Policy allows scripts, styles and connections from this
 * origin only: no inline script can run, so text that slipped into the page unescaped still could
 * not execute.
 */
final class SecurityHeaders {

	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
			"style-src 'self'", "img-src 'self' data: blob:", "connect-src 'self'", "font-src 'self'", "object-src 'none'",
			"base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'");

	private SecurityHeaders() {
	}

	private static final Map<String, String> HEADERS = Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY,
			"X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer", "X-Frame-Options", "DENY");

	static void apply(HttpServletResponse response) {
		HEADERS.forEach(response::setHeader);
	}

	/** Each header's name and value. */
	static Map<String, String> names() {
		return HEADERS;
	}

}
