package io.livechat.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body (a SockJS {@code xhr_send} carries STOMP frames; the only other body is
 * an image upload, which has a cap of its own): one that says it is larger is answered 413 before
 * a byte of it is read, and one sent in chunks is read up to the cap and no further. Either way
 * the connection is closed, so the rest is never read either. An upload must say its length
 * (browsers do): one sent in chunks is refused (411) rather than buffered.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(RequestBodyLimitFilter.class);

	private final int maxBytes;

	private final Runnable onRefusal;

	private final String uploadPath;

	private final long uploadMaxBytes;

	private final String uploadRefusal;

	/**
	 * @param uploadPath the one path whose body may be larger: up to {@code uploadMaxBytes}, and
	 * refused with a JSON {@code error} saying {@code uploadRefusal}
	 */
	RequestBodyLimitFilter(int maxBytes, Runnable onRefusal, String uploadPath, long uploadMaxBytes,
			String uploadRefusal) {
		this.maxBytes = maxBytes;
		this.onRefusal = onRefusal;
		this.uploadPath = uploadPath;
		this.uploadMaxBytes = uploadMaxBytes;
		this.uploadRefusal = uploadRefusal;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (this.uploadPath.equals(request.getRequestURI())) {
			upload(request, response, chain, declared);
			return;
		}
		if (declared > this.maxBytes) {
			refuse(request, response, declared + " bytes declared");
			return;
		}
		if (declared < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"))) {
			byte[] body = request.getInputStream().readNBytes(this.maxBytes + 1);
			if (body.length > this.maxBytes) {
				refuse(request, response, "more than " + this.maxBytes + " bytes in chunks");
				return;
			}
			chain.doFilter(new ReadBody(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private void upload(HttpServletRequest request, HttpServletResponse response, FilterChain chain, long declared)
			throws ServletException, IOException {
		if (declared > this.uploadMaxBytes || (declared < 0 && request.getHeader("Transfer-Encoding") != null)) {
			this.onRefusal.run();
			logger.warn("Refused an upload from {}: {}", request.getRemoteAddr(),
					(declared < 0) ? "no length declared" : declared + " bytes declared");
			response.setHeader("Connection", "close");
			response.setStatus((declared < 0) ? HttpServletResponse.SC_LENGTH_REQUIRED
					: HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			response.setContentType("application/json");
			response.getWriter()
				.write("{\"error\":\"" + ((declared < 0) ? "Send the image with its length (Content-Length)."
						: this.uploadRefusal) + "\"}");
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String size) throws IOException {
		this.onRefusal.run();
		logger.warn("Refused a request body to {} from {}: {}, the limit is {}", request.getRequestURI(),
				request.getRemoteAddr(), size, this.maxBytes);
		response.setHeader("Connection", "close");
		response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
	}

	/** A request whose body was read already (within the cap). */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body was read already");
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(this.body),
					(encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
