package io.livechat.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps images in memory ({@code livechat.store=memory}), gone when the process ends. It cannot
 * tell which sent images the in-memory history still shows, so it keeps the newest
 * {@value #MAX_IMAGES} and forgets the oldest sent ones beyond that.
 */
public class InMemoryImageStore implements ImageStore {

	static final int MAX_IMAGES = 500;

	/** In upload order; guarded by this. */
	private final Map<String, Kept> images = new LinkedHashMap<>();

	@Override
	public synchronized void save(StoredImage image, InputStream data, byte[] thumbnail) {
		try {
			this.images.put(image.id(), new Kept(image, data.readNBytes((int) image.bytes()), thumbnail.clone(), null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Iterator<Kept> oldestFirst = this.images.values().iterator();
		while (this.images.size() > MAX_IMAGES && oldestFirst.hasNext()) {
			if (oldestFirst.next().image.isSent()) {
				oldestFirst.remove();
			}
		}
	}

	@Override
	public synchronized Optional<StoredImage> find(String id) {
		return Optional.ofNullable(this.images.get(id)).map(Kept::image);
	}

	@Override
	public synchronized Optional<byte[]> content(String id, boolean thumbnail) {
		return Optional.ofNullable(this.images.get(id)).map((kept) -> thumbnail ? kept.thumbnail : kept.data);
	}

	@Override
	public synchronized Optional<StoredImage> claim(String id, String owner, String place, String clientMsgId,
			long now) {
		Kept kept = this.images.get(id);
		boolean resend = kept != null && clientMsgId != null && place.equals(kept.image.place())
				&& clientMsgId.equals(kept.clientMsgId);
		if (kept == null || (kept.image.isSent() && !resend) || !kept.image.owner().equals(owner)) {
			return Optional.empty();
		}
		Kept sent = new Kept(kept.image.sentTo(place), kept.data, kept.thumbnail, clientMsgId);
		this.images.put(id, sent);
		return Optional.of(sent.image);
	}

	/** Not when the claim was a message's with a client id: this store cannot tell whether it was stored. */
	@Override
	public synchronized void release(String id, String owner) {
		Kept kept = this.images.get(id);
		if (kept != null && kept.image.owner().equals(owner) && kept.clientMsgId == null) {
			this.images.put(id, new Kept(kept.image.sentTo(null), kept.data, kept.thumbnail, null));
		}
	}

	@Override
	public synchronized int deleteUnsentBefore(long cutoffMillis) {
		int before = this.images.size();
		this.images.values().removeIf((kept) -> !kept.image.isSent() && kept.image.createdAt() < cutoffMillis);
		return before - this.images.size();
	}

	/** None: the count cap forgets the oldest sent images instead. */
	@Override
	public int deleteOrphansSentBefore(long cutoffMillis) {
		return 0;
	}

	private record Kept(StoredImage image, byte[] data, byte[] thumbnail, String clientMsgId) {
	}

}
