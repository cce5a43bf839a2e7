package io.livechat.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every response carries, the application's own and the container's error
 * pages alike. The Content-Security-Policy allows scripts, styles and connections from this
 * origin only: no inline script can run, so text that slipped into the page unescaped still could
 * not execute.
 */
final class SecurityHeaders {

	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
			"style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "font-src 'self'", "object-src 'none'",
			"base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'");

	private SecurityHeaders() {
	}

	static void apply(HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Frame-Options", "DENY");
	}

}
