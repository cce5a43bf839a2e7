package io.livechat.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The client's address, behind the platform's proxy: when a request comes from a trusted proxy,
 * its {@code X-Forwarded-For} is read from the right (each proxy appends the address it was
 * reached from) past the trusted proxies, and the first address that is not one is the client.
 * The left-most entry, which the client itself may have written, is never believed as such. A
 * request from anywhere else keeps its own address, whatever headers it sends. Everything after
 * this filter (the limits per address, SockJS's same-address check, the logs) sees that address.
 */
class ClientAddressFilter extends OncePerRequestFilter {

	/** A header nobody sends: the name Jetty is told to take forwarded addresses from. */
	static final String UNUSED_HEADER = "X-LiveChat-Not-A-Forwarded-Header";

	private static final String FORWARDED_FOR = "X-Forwarded-For";

	private final TrustedProxies proxies;

	ClientAddressFilter(TrustedProxies proxies) {
		this.proxies = proxies;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String peer = request.getRemoteAddr();
		if (request.getHeader(FORWARDED_FOR) == null || !this.proxies.contains(peer)) {
			chain.doFilter(request, response);
			return;
		}
		String client = peer;
		List<String> hops = hops(request);
		for (int i = hops.size() - 1; i >= 0; i--) {
			client = hops.get(i);
			if (!this.proxies.contains(client)) {
				break;
			}
		}
		chain.doFilter(new Forwarded(request, client), response);
	}

	/** Every address in the request's X-Forwarded-For headers, left to right. */
	private static List<String> hops(HttpServletRequest request) {
		List<String> hops = new ArrayList<>();
		for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
			for (String hop : header.split(",")) {
				if (!hop.isBlank()) {
					hops.add(withoutPort(hop.strip()));
				}
			}
		}
		return hops;
	}

	/** {@code 203.0.113.5:4711} and {@code [2001:db8::1]:4711} without their ports. */
	private static String withoutPort(String hop) {
		if (hop.startsWith("[")) {
			int end = hop.indexOf(']');
			return (end > 0) ? hop.substring(1, end) : hop;
		}
		int colon = hop.indexOf(':');
		return (colon > 0 && colon == hop.lastIndexOf(':')) ? hop.substring(0, colon) : hop;
	}

	private static final class Forwarded extends HttpServletRequestWrapper {

		private final String client;

		Forwarded(HttpServletRequest request, String client) {
			super(request);
			this.client = client;
		}

		@Override
		public String getRemoteAddr() {
			return this.client;
		}

		@Override
		public String getRemoteHost() {
			return this.client;
		}

	}

}
