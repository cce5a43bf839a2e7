package io.livechat.reads;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Read positions in memory, for {@code livechat.store=memory}: lost on restart. */
public final class InMemoryReadPositionStore implements ReadPositionStore {

	/** Last read id by person, by room. */
	private final Map<String, Map<String, Long>> rooms = new ConcurrentHashMap<>();

	private final Set<String> receiptsOff = ConcurrentHashMap.newKeySet();

	@Override
	public Map<String, Long> positionsIn(String roomId, int limit) {
		Map<String, Long> kept = this.rooms.getOrDefault(roomId, Map.of());
		Map<String, Long> newest = new LinkedHashMap<>();
		kept.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(limit)
				.forEach((entry) -> newest.put(entry.getKey(), entry.getValue()));
		return newest;
	}

	@Override
	public Map<String, Long> positionsOf(String person) {
		Map<String, Long> positions = new LinkedHashMap<>();
		this.rooms.forEach((roomId, people) -> {
			Long lastRead = people.get(person);
			if (lastRead != null) {
				positions.put(roomId, lastRead);
			}
		});
		return positions;
	}

	@Override
	public void advance(String person, String roomId, long lastRead) {
		this.rooms.computeIfAbsent(roomId, (id) -> new ConcurrentHashMap<>()).merge(person, lastRead, Math::max);
	}

	@Override
	public Set<String> receiptsOff() {
		return Set.copyOf(this.receiptsOff);
	}

	@Override
	public void setReceipts(String person, boolean on) {
		if (on) {
			this.receiptsOff.remove(person);
		}
		else {
			this.receiptsOff.add(person);
		}
	}

}
