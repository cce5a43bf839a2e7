package io.livechat.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.livechat.chat.Presence;
import io.livechat.chat.Username;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The cluster's presence in Redis: for each room a hash from a user's name key to the client
 * holding the name and the nodes where that client has connections, kept by Lua scripts so that
 * a claim, a release or the removal of a dead node is atomic across nodes. Each node beats a key
 * that expires after the node timeout; a node whose key expired is removed from every room by the
 * first survivor that notices ({@link #forgetNode}).
 * <p>
 * While Redis is unreachable, every answer falls back to this node's own view, at once.
 */
final class RedisPresence implements Presence {

	private static final String ENTRY = "local client, name, nodes = string.match(%s, '^([^\\t]*)\\t([^\\t]*)\\t(.*)$')\n";

	/** KEYS: room hash; ARGV: name key, client id, name, node. Answers {status, name}. */
	private static final RedisScript<List> CLAIM = RedisScript.of("""
			local v = redis.call('HGET', KEYS[1], ARGV[1])
			if v then
			""" + ENTRY.formatted("v") + """
			  if client ~= ARGV[2] then return {'taken', name} end
			  if string.find(',' .. nodes .. ',', ',' .. ARGV[4] .. ',', 1, true) then return {'here', name} end
			  redis.call('HSET', KEYS[1], ARGV[1], client .. '\\t' .. name .. '\\t' .. nodes .. ',' .. ARGV[4])
			  return {'elsewhere', name}
			end
			redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '\\t' .. ARGV[3] .. '\\t' .. ARGV[4])
			return {'new', ARGV[3]}
			""", List.class);

	/**
	 * KEYS: room hash; ARGV: name key, node. Answers 1 when this release freed the name (no other
	 * node holds it), 0 when another node still does or the entry was gone already: whoever
	 * removed it (this node leaving the cluster, a survivor reaping it) announced the user.
	 */
	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			local v = redis.call('HGET', KEYS[1], ARGV[1])
			if not v then return 0 end
			""" + ENTRY.formatted("v") + """
			local rest = {}
			for n in string.gmatch(nodes, '[^,]+') do if n ~= ARGV[2] then rest[#rest + 1] = n end end
			if #rest == 0 then
			  redis.call('HDEL', KEYS[1], ARGV[1])
			  return 1
			end
			redis.call('HSET', KEYS[1], ARGV[1], client .. '\\t' .. name .. '\\t' .. table.concat(rest, ','))
			return 0
			""", Long.class);

	/**
	 * KEYS: the nodes set, the node's heartbeat key, then the room hashes; ARGV: node, and "once"
	 * to reap a dead node: nothing happens if its heartbeat is back, or if it was no longer in the
	 * set (another survivor reaped it). Removes the node from every entry; answers {room index,
	 * name, ...} for the names nobody holds any more.
	 */
	private static final RedisScript<List> FORGET_NODE = RedisScript.of("""
			if ARGV[2] == 'once' and redis.call('EXISTS', KEYS[2]) == 1 then return {} end
			if redis.call('SREM', KEYS[1], ARGV[1]) == 0 and ARGV[2] == 'once' then return {} end
			local gone = {}
			for i = 3, #KEYS do
			  local entries = redis.call('HGETALL', KEYS[i])
			  for j = 1, #entries, 2 do
			""" + ENTRY.formatted("entries[j + 1]") + """
			    local rest = {}
			    local held = false
			    for n in string.gmatch(nodes, '[^,]+') do
			      if n == ARGV[1] then held = true else rest[#rest + 1] = n end
			    end
			    if held and #rest == 0 then
			      redis.call('HDEL', KEYS[i], entries[j])
			      gone[#gone + 1] = tostring(i - 2)
			      gone[#gone + 1] = name
			    elseif held then
			      redis.call('HSET', KEYS[i], entries[j], client .. '\\t' .. name .. '\\t' .. table.concat(rest, ','))
			    end
			  end
			end
			return gone
			""", List.class);

	private final StringRedisTemplate redis;

	private final ClusterKeys keys;

	private final String nodeId;

	private final List<String> roomIds;

	private final RedisReachability reachability;

	/** Per room, the names other nodes held at the last {@link #users} read. */
	private final Map<String, List<String>> elsewhere = new ConcurrentHashMap<>();

	/** Per room, the client ids of the names other nodes held at the last {@link #users} read. */
	private final Map<String, Map<String, String>> clientsElsewhere = new ConcurrentHashMap<>();

	RedisPresence(StringRedisTemplate redis, ClusterKeys keys, String nodeId, List<String> roomIds,
			RedisReachability reachability) {
		this.redis = redis;
		this.keys = keys;
		this.nodeId = nodeId;
		this.roomIds = List.copyOf(roomIds);
		this.reachability = reachability;
	}

	@Override
	public Claim claim(String roomId, Username name, String clientId) {
		return call(() -> {
			List<?> answer = this.redis.execute(CLAIM, List.of(this.keys.users(roomId)), name.key(), clientId,
					name.value(), this.nodeId);
			String status = String.valueOf(answer.get(0));
			String held = String.valueOf(answer.get(1));
			return switch (status) {
				case "new" -> new Claim(true, true, held);
				case "taken" -> new Claim(false, false, held);
				default -> new Claim(true, false, held);
			};
		}, () -> new Claim(true, true, name.value()));
	}

	@Override
	public boolean release(String roomId, String nameKey) {
		return call(() -> this.redis.execute(RELEASE, List.of(this.keys.users(roomId)), nameKey, this.nodeId) == 1L,
				() -> true);
	}

	/**
	 * Everyone in Redis, and this node's own (who may be missing there after an outage). Keeps
	 * the names other nodes hold, for {@link #known}.
	 */
	@Override
	public List<String> users(String roomId, List<String> here) {
		return call(() -> {
			List<String> elsewhere = new ArrayList<>();
			Map<String, String> clients = new HashMap<>();
			List<String> names = new ArrayList<>();
			for (Object value : this.redis.opsForHash().values(this.keys.users(roomId))) {
				String entry = value.toString();
				String name = nameOf(entry);
				names.add(name);
				if (heldElsewhere(entry)) {
					elsewhere.add(name);
					clients.put(name, entry.substring(0, entry.indexOf('\t')));
				}
			}
			this.elsewhere.put(roomId, List.copyOf(SortedNames.of(elsewhere, List.of()))); // sorted, for known
			this.clientsElsewhere.put(roomId, clients);
			return SortedNames.of(names, here);
		}, () -> here);
	}

	/** This node's users and, as of the last {@link #users} read, the other nodes'. No I/O. */
	@Override
	public List<String> known(String roomId, List<String> here) {
		if (!this.reachability.isUp()) {
			return here; // as the lists that go out meanwhile say
		}
		List<String> elsewhere = this.elsewhere.getOrDefault(roomId, List.of());
		// both in the order of a room's list: one pass, no sort, under the joining room's lock
		return elsewhere.isEmpty() ? here : SortedNames.union(elsewhere, here);
	}

	@Override
	public Map<String, String> clientsElsewhere(String roomId) {
		return this.clientsElsewhere.getOrDefault(roomId, Map.of());
	}

	@Override
	public int count(String roomId, int here) {
		return call(() -> Math.max(here, this.redis.opsForHash().size(this.keys.users(roomId)).intValue()), () -> here);
	}

	/**
	 * Beats this node's key (expiring after {@code timeout}) and makes sure the node is in the
	 * nodes set; true when it was not (Redis lost it, or the others reaped this node after a
	 * silence): the node must then claim its users again.
	 */
	boolean beat(Duration timeout) {
		this.redis.opsForValue().set(this.keys.node(this.nodeId), "alive", timeout);
		Long added = this.redis.opsForSet().add(this.keys.nodes(), this.nodeId);
		return added != null && added == 1L;
	}

	/** The other nodes in the nodes set whose heartbeat has expired. */
	List<String> silentNodes() {
		Set<String> nodes = this.redis.opsForSet().members(this.keys.nodes());
		List<String> silent = new ArrayList<>();
		for (String node : (nodes != null) ? nodes : Set.<String>of()) {
			if (!node.equals(this.nodeId) && !Boolean.TRUE.equals(this.redis.hasKey(this.keys.node(node)))) {
				silent.add(node);
			}
		}
		return silent;
	}

	/**
	 * Removes a node from every room. With {@code once}, only if it is still in the nodes set (the
	 * first survivor to notice a dead node reaps it). Answers, per room, the names nobody holds
	 * any more.
	 */
	Map<String, List<String>> forgetNode(String node, boolean once) {
		List<String> keys = new ArrayList<>();
		keys.add(this.keys.nodes());
		keys.add(this.keys.node(node));
		this.roomIds.forEach((room) -> keys.add(this.keys.users(room)));
		List<?> gone = this.redis.execute(FORGET_NODE, keys, node, once ? "once" : "always");
		Map<String, List<String>> byRoom = new HashMap<>();
		for (int i = 0; i + 1 < gone.size(); i += 2) {
			String room = this.roomIds.get(Integer.parseInt(String.valueOf(gone.get(i))) - 1);
			byRoom.computeIfAbsent(room, (r) -> new ArrayList<>()).add(String.valueOf(gone.get(i + 1)));
		}
		return byRoom;
	}

	/** This node leaves the cluster: its users go from every room, its key and entry too. */
	Map<String, List<String>> leave() {
		Map<String, List<String>> gone = forgetNode(this.nodeId, false);
		this.redis.delete(this.keys.node(this.nodeId));
		return gone;
	}

	/** Claims a user of this node again, after Redis lost or dropped this node's entries. */
	Claim reclaim(String roomId, String name, String clientId) {
		return claim(roomId, Username.accepted(name), clientId);
	}

	String nodeId() {
		return this.nodeId;
	}

	private <T> T call(Supplier<T> redisCall, Supplier<T> alone) {
		if (!this.reachability.isUp()) {
			return alone.get();
		}
		try {
			return redisCall.get();
		}
		catch (RuntimeException ex) {
			this.reachability.lost(ex);
			return alone.get();
		}
	}

	private boolean heldElsewhere(String entry) {
		String nodes = entry.substring(entry.indexOf('\t', entry.indexOf('\t') + 1) + 1);
		for (String node : nodes.split(",")) {
			if (!node.equals(this.nodeId)) {
				return true;
			}
		}
		return false;
	}

	private static String nameOf(String entry) {
		int first = entry.indexOf('\t');
		int second = entry.indexOf('\t', first + 1);
		return entry.substring(first + 1, second);
	}

}
