package io.livechat.stomp;

import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.socket.sockjs.frame.JacksonJsonSockJsMessageCodec;

/**
 * Reads what SockJS clients send (a JSON array of strings, over {@code xhr_send} or the SockJS
 * WebSocket) within the request size limit. Something else is refused as SockJS says (500
 * "Broken JSON encoding." for {@code xhr_send}, close code 1007 for the WebSocket) with one WARN
 * line and a count, never a stack trace: Spring's own log of it is switched off.
 */
final class SockJsFrameCodec extends JacksonJsonSockJsMessageCodec {

	private static final Logger logger = LoggerFactory.getLogger(SockJsFrameCodec.class);

	private final ChatMetrics metrics;

	SockJsFrameCodec(long maxBody, ChatMetrics metrics) {
		super(JsonMapper.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxDocumentLength(maxBody)
				.maxStringLength((int) Math.min(Integer.MAX_VALUE, maxBody))
				.maxNestingDepth(2)
				.build())
			.build()).build());
		this.metrics = metrics;
	}

	@Override
	public String[] decode(String content) {
		try {
			return super.decode(content);
		}
		catch (JacksonException ex) {
			throw refused(ex);
		}
	}

	@Override
	public String[] decodeInputStream(InputStream content) {
		try {
			return super.decodeInputStream(content);
		}
		catch (JacksonException ex) {
			throw refused(ex);
		}
	}

	private BrokenFrame refused(JacksonException ex) {
		this.metrics.rejected("malformed");
		logger.warn("Refused a SockJS frame: not a JSON array of strings ({})",
				StompErrorReporter.printable(ex.getOriginalMessage()));
		return new BrokenFrame();
	}

	/** The SockJS frame did not parse; it carries no stack trace. */
	static final class BrokenFrame extends RuntimeException {

		BrokenFrame() {
			super("Broken JSON encoding", null, false, false);
		}

	}

}
