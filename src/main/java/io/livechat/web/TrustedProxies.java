package io.livechat.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The networks whose requests may say, in {@code X-Forwarded-For}, whom they forward for: the
 * platform's proxies (Railway's and Render's reach the application from private addresses) and
 * this machine.
 */
final class TrustedProxies {

	private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

	private final List<Network> networks;

	/** @param cidrs networks such as {@code 10.0.0.0/8} or {@code fc00::/7} */
	TrustedProxies(List<String> cidrs) {
		this.networks = cidrs.stream().map(Network::parse).toList();
	}

	/** Whether the address (a literal, as the container reports it) is one of the networks. */
	boolean contains(String address) {
		InetAddress parsed = literal(address);
		return parsed != null && this.networks.stream().anyMatch((network) -> network.contains(parsed.getAddress()));
	}

	/** An address literal, never a name (no DNS lookup), or null. */
	static InetAddress literal(String address) {
		if (address == null) {
			return null;
		}
		String bare = address.strip();
		if (bare.startsWith("[") && bare.endsWith("]")) {
			bare = bare.substring(1, bare.length() - 1);
		}
		if (bare.isEmpty() || !LITERAL.matcher(bare).matches() || (bare.indexOf(':') < 0 && bare.indexOf('.') < 0)) {
			return null;
		}
		try {
			return InetAddress.getByName(bare);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private record Network(byte[] prefix, int bits) {

		static Network parse(String cidr) {
			int slash = cidr.indexOf('/');
			InetAddress address = literal((slash < 0) ? cidr : cidr.substring(0, slash));
			if (address == null) {
				throw new IllegalArgumentException("livechat.trusted-proxies: not a network: " + cidr);
			}
			int bits = (slash < 0) ? address.getAddress().length * 8 : Integer.parseInt(cidr.substring(slash + 1).strip());
			return new Network(address.getAddress(), bits);
		}

		boolean contains(byte[] address) {
			if (address.length != this.prefix.length) {
				return false;
			}
			int whole = this.bits / 8;
			for (int i = 0; i < whole; i++) {
				if (address[i] != this.prefix[i]) {
					return false;
				}
			}
			int rest = this.bits % 8;
			if (rest == 0) {
				return true;
			}
			int mask = 0xFF << (8 - rest);
			return (address[whole] & mask) == (this.prefix[whole] & mask);
		}

	}

}
