package io.livechat.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.livechat.direct.DirectMessages;
import io.livechat.direct.Mailboxes;
import io.livechat.direct.OnlinePeople;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Who is online on any node, for direct messages: each node keeps the public ids of its people in
 * a Redis set of its own, and tells the others on the cluster's channel when someone comes or
 * goes here (they then read the state afresh). A reaped node's set goes with it, and its people's
 * peers are told. While Redis is unreachable a node knows only its own people.
 */
final class RedisOnlinePeople implements OnlinePeople {

	/** Those of ARGV[2..] in the set of any node of the nodes set but ARGV[1] (this one). */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> ONLINE_ELSEWHERE = RedisScript.of("""
			local nodes = redis.call('SMEMBERS', KEYS[1])
			local found = {}
			for i = 2, #ARGV do
			  for _, node in ipairs(nodes) do
			    if node ~= ARGV[1] and redis.call('SISMEMBER', KEYS[2] .. node, ARGV[i]) == 1 then
			      table.insert(found, ARGV[i])
			      break
			    end
			  end
			end
			return found
			""", List.class);

	private final StringRedisTemplate redis;

	private final ClusterKeys keys;

	private final String nodeId;

	private final Mailboxes mailboxes;

	private final ClusterBus bus;

	private final RedisReachability reachability;

	/** The direct messages, whose peers hear who came and went: looked up at first use. */
	private final Supplier<DirectMessages> directMessages;

	RedisOnlinePeople(StringRedisTemplate redis, ClusterKeys keys, String nodeId, Mailboxes mailboxes, ClusterBus bus,
			RedisReachability reachability, Supplier<DirectMessages> directMessages) {
		this.redis = redis;
		this.keys = keys;
		this.nodeId = nodeId;
		this.mailboxes = mailboxes;
		this.bus = bus;
		this.reachability = reachability;
		this.directMessages = directMessages;
	}

	@Override
	public void arrived(String person) {
		call(() -> this.redis.opsForSet().add(this.keys.online(this.nodeId), person));
		this.bus.publish(ClusterMessage.presenceChanged(this.nodeId, person));
	}

	@Override
	public void departed(String person) {
		call(() -> this.redis.opsForSet().remove(this.keys.online(this.nodeId), person));
		this.bus.publish(ClusterMessage.presenceChanged(this.nodeId, person));
	}

	@Override
	@SuppressWarnings("unchecked")
	public Set<String> onlineOf(Collection<String> people) {
		Set<String> online = new HashSet<>();
		List<String> elsewhere = new ArrayList<>();
		elsewhere.add(this.nodeId);
		for (String person : people) {
			if (this.mailboxes.isOnline(person)) {
				online.add(person);
			}
			else {
				elsewhere.add(person);
			}
		}
		if (elsewhere.size() > 1 && this.reachability.isUp()) {
			try {
				List<Object> found = this.redis.execute(ONLINE_ELSEWHERE,
						List.of(this.keys.nodes(), this.keys.online("")), elsewhere.toArray());
				found.forEach((person) -> online.add(person.toString()));
			}
			catch (RuntimeException ex) {
				this.reachability.lost(ex);
			}
		}
		return online;
	}

	/** Another node says someone came or went there. */
	void changedElsewhere(String person) {
		this.directMessages.get().peerChanged(person);
	}

	/** A node is gone (reaped, or this node's previous run): its set goes, and its people's peers hear it. */
	void forgetNode(String node) {
		Set<String> people = this.redis.opsForSet().members(this.keys.online(node));
		this.redis.delete(this.keys.online(node));
		if (people != null && !node.equals(this.nodeId)) {
			people.forEach(this::changedElsewhere);
		}
	}

	/** After Redis lost this node's set, or was unreachable: the set holds this node's people again. */
	void resync() {
		this.redis.delete(this.keys.online(this.nodeId));
		List<String> people = this.mailboxes.people();
		if (!people.isEmpty()) {
			this.redis.opsForSet().add(this.keys.online(this.nodeId), people.toArray(String[]::new));
		}
		people.forEach((person) -> this.bus.publish(ClusterMessage.presenceChanged(this.nodeId, person)));
	}

	private void call(Runnable redisCall) {
		if (!this.reachability.isUp()) {
			return; // the resync after the outage puts it right
		}
		try {
			redisCall.run();
		}
		catch (RuntimeException ex) {
			this.reachability.lost(ex);
		}
	}

}
