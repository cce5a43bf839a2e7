package io.livechat.stomp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a connection comes from, as a key for the limits per address: the client's address as
 * the handshake request gives it (behind the platform's proxy, as {@code X-Forwarded-For} names
 * it: see {@code web/ClientAddressFilter}), an IPv6 address reduced to its /64 network (what one
 * customer gets).
 *
 * @param key what connections from the same place share
 * @param loopback whether it is this machine (a load test, a local reverse proxy)
 */
record ClientAddress(String key, boolean loopback) {

	/** The handshake attribute that carries a connection's address. */
	static final String ATTRIBUTE = ClientAddress.class.getName();

	static final ClientAddress UNKNOWN = new ClientAddress("unknown", false);

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]+(%[\\w.]+)?]?");

	/**
	 * Parses a remote address as the servlet container reports it. Only address literals are
	 * parsed (never a name, which would mean a DNS lookup); anything else is its own key.
	 */
	static ClientAddress of(String remoteAddress) {
		if (remoteAddress == null || remoteAddress.isBlank()) {
			return UNKNOWN;
		}
		String literal = remoteAddress.strip();
		if (!IPV4.matcher(literal).matches() && !(literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches())) {
			return new ClientAddress(literal, false);
		}
		try {
			InetAddress address = InetAddress.getByName(literal.replace("[", "").replace("]", ""));
			byte[] bytes = address.getAddress();
			if (bytes.length == 16 && !address.isLoopbackAddress()) {
				return new ClientAddress(network64(bytes), false);
			}
			return new ClientAddress(address.getHostAddress(), address.isLoopbackAddress());
		}
		catch (UnknownHostException ex) {
			return new ClientAddress(literal, false);
		}
	}

	/** The address a handshake recorded in a session's attributes. */
	static ClientAddress from(Map<String, Object> attributes) {
		Object address = (attributes != null) ? attributes.get(ATTRIBUTE) : null;
		return (address instanceof ClientAddress clientAddress) ? clientAddress : UNKNOWN;
	}

	private static String network64(byte[] bytes) {
		StringBuilder prefix = new StringBuilder();
		for (int i = 0; i < 8; i += 2) {
			prefix.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF))).append(':');
		}
		return prefix.append(":/64").toString();
	}

}
