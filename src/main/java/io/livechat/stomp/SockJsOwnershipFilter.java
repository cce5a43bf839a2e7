package io.livechat.stomp;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ties every SockJS session over HTTP to the client that opened it. The request that opens a
 * session ({@code /sockjs/{server}/{session}/xhr_streaming}, {@code xhr}, {@code eventsource},
 * {@code htmlfile}) is given a random cookie scoped to that session's path; every later request
 * to the session (its {@code xhr_send}s and polls) must carry it, or is answered 404 as if the
 * session did not exist. Spring already refuses requests from another address; this refuses
 * another client behind the same one. (A SockJS WebSocket takes no later requests.)
 */
class SockJsOwnershipFilter extends OncePerRequestFilter {

	static final String COOKIE = "livechat_sockjs";

	private static final Logger logger = LoggerFactory.getLogger(SockJsOwnershipFilter.class);

	/** The transports whose first request opens a session. */
	private static final Set<String> OPENING = Set.of("xhr", "xhr_streaming", "eventsource", "htmlfile");

	private static final Set<String> LATER = Set.of("xhr", "xhr_streaming", "eventsource", "htmlfile", "xhr_send");

	private final SecureRandom random = new SecureRandom();

	private final String prefix;

	private final SockJsSessions sessions;

	private final ChatMetrics metrics;

	/**
	 * @param endpoint where SockJS is served, such as {@code /sockjs}
	 */
	SockJsOwnershipFilter(String endpoint, SockJsSessions sessions, ChatMetrics metrics) {
		this.prefix = endpoint + "/";
		this.sessions = sessions;
		this.metrics = metrics;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String[] parts = path.startsWith(this.prefix) ? path.substring(this.prefix.length()).split("/", -1) : null;
		if (parts == null || parts.length != 3 || !LATER.contains(parts[2])) {
			chain.doFilter(request, response);
			return;
		}
		String sessionId = parts[1];
		String transport = parts[2];
		String token = this.sessions.tokenOf(sessionId);
		if (token != null) {
			if (!matches(token, cookie(request))) {
				this.metrics.rejected("sockjs-foreign-session");
				logger.warn("Refused {} to SockJS session {} from {}: not the client that opened it", transport,
						StompErrorReporter.printable(sessionId), request.getRemoteAddr());
				response.sendError(HttpServletResponse.SC_NOT_FOUND);
				return;
			}
		}
		else if (OPENING.contains(transport)) {
			String minted = mint();
			request.setAttribute(SockJsSessions.TOKEN, minted);
			response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, minted)
				.path(request.getContextPath() + this.prefix + parts[0] + "/" + sessionId)
				.httpOnly(true)
				.secure(request.isSecure())
				.sameSite("Strict")
				.build()
				.toString());
		}
		chain.doFilter(request, response);
	}

	private String mint() {
		byte[] bytes = new byte[18];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	private static boolean matches(String expected, String given) {
		return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				given.getBytes(StandardCharsets.US_ASCII));
	}

}
