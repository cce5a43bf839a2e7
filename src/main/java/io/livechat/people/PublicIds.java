package io.livechat.people;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A person's public id: an HMAC-SHA256 of their {@code clientId} under a secret only the server
 * knows, cut to 128 bits and written in URL-safe Base64 (22 characters). The same browser gets
 * the same id on every connection, node and restart that shares the secret; the id tells nothing
 * of the {@code clientId}, which stays the person's credential.
 * <p>
 * A join's {@code members} name the ids of everyone in the room, so in a cluster a storm of
 * joins asks for the ids of the other nodes' users again and again: the ids last asked for are
 * remembered (at most {@value #REMEMBERED} of them, forgotten all at once past that), and each
 * thread keeps its own initialised {@link Mac}.
 */
public final class PublicIds {

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22}");

	private static final String ALGORITHM = "HmacSHA256";

	static final int REMEMBERED = 10_000;

	private final SecretKeySpec key;

	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::mac);

	private final Map<String, String> remembered = new ConcurrentHashMap<>();

	/** @param secret at least 32 bytes */
	public PublicIds(byte[] secret) {
		if (secret.length < 32) {
			throw new IllegalArgumentException("The public id secret must be at least 32 bytes");
		}
		this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
		mac(); // fail now, not on a join, if the JDK lacks the algorithm
	}

	/** Ids under a secret of its own, made now: the same clientId gets another id from another instance. */
	public static PublicIds withRandomSecret() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return new PublicIds(secret);
	}

	/** The public id of the person behind {@code clientId}. */
	public String of(String clientId) {
		String id = this.remembered.get(clientId);
		if (id == null) {
			id = computed(clientId);
			if (this.remembered.size() >= REMEMBERED) {
				this.remembered.clear();
			}
			this.remembered.put(clientId, id);
		}
		return id;
	}

	private String computed(String clientId) {
		byte[] digest = this.macs.get().doFinal(clientId.getBytes(StandardCharsets.UTF_8));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
	}

	/** Whether {@code id} has the shape of a public id (whoever it belongs to). */
	public static boolean isWellFormed(String id) {
		return id != null && WELL_FORMED.matcher(id).matches();
	}

	private Mac mac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
