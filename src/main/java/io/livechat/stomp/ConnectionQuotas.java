package io.livechat.stomp;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.livechat.config.LiveChatProperties.Limits;
import io.livechat.config.LiveChatProperties.Rate;

/**
 * The rate limits: token buckets per connection, per person (every connection that joined with
 * one {@code clientId}) and per address (every connection from one address, unless it is exempt),
 * one of each per kind of action; an action needs a token from each. Also the subscriptions a
 * connection holds. A connection gets its quota when it connects and loses it when it
 * disconnects; frames of a connection that is already gone are refused.
 */
class ConnectionQuotas {

	enum Action {

		SEND, JOIN, TYPING,

		/** Direct-message reads and settings: per connection only. */
		LOOKUP,

		/** Read positions: per connection only. */
		READ

	}

	/** The longest clientId the contract allows. */
	private static final int MAX_CLIENT_ID = 64;

	private final Map<Action, Rate> rates;

	private final SharedQuotas people;

	private final SharedQuotas addresses;

	private final boolean exemptLoopback;

	private final int maxSubscriptions;

	private final LongSupplier nanoClock;

	private final Map<String, Quota> quotas = new ConcurrentHashMap<>();

	ConnectionQuotas(Limits limits, LongSupplier nanoClock) {
		this.rates = Map.of(Action.SEND, limits.send(), Action.JOIN, limits.join(), Action.TYPING, limits.typing(),
				Action.LOOKUP, limits.lookups(), Action.READ, limits.reads());
		var perUser = limits.perUser();
		this.people = new SharedQuotas(perUser.send(), perUser.join(), perUser.typing());
		var perAddress = limits.perAddress();
		this.addresses = new SharedQuotas(perAddress.send(), perAddress.join(), perAddress.typing());
		this.exemptLoopback = perAddress.exemptLoopback();
		this.maxSubscriptions = limits.maxSubscriptions();
		this.nanoClock = nanoClock;
	}

	void register(String connectionId, ClientAddress address) {
		long now = this.nanoClock.getAsLong();
		this.quotas.computeIfAbsent(connectionId, (id) -> new Quota(this.rates, now,
				(address.loopback() && this.exemptLoopback) ? null : this.addresses.hold(address.key(), now)));
	}

	void forget(String connectionId) {
		Quota quota = this.quotas.remove(connectionId);
		if (quota != null) {
			synchronized (quota) {
				quota.gone = true;
				if (quota.person != null) {
					this.people.release(quota.person);
				}
				if (quota.address != null) {
					this.addresses.release(quota.address);
				}
			}
		}
	}

	/**
	 * Says who is behind the connection, as its join names them: from now on it draws on that
	 * person's buckets too.
	 */
	void identify(String connectionId, String clientId) {
		Quota quota = this.quotas.get(connectionId);
		if (quota == null || clientId == null || clientId.length() > MAX_CLIENT_ID) {
			return; // the join is refused for its clientId anyway
		}
		synchronized (quota) {
			if (quota.gone || clientId.equals(quota.clientId)) {
				return;
			}
			if (quota.person != null) {
				this.people.release(quota.person);
			}
			quota.clientId = clientId;
			quota.person = this.people.hold(clientId, this.nanoClock.getAsLong());
		}
	}

	/**
	 * Whether the connection may do one more of {@code action} now: it takes a token from the
	 * connection's bucket, the person's and the address's, or from none of them.
	 */
	boolean tryAcquire(String connectionId, Action action) {
		Quota quota = this.quotas.get(connectionId);
		if (quota == null) {
			return false;
		}
		long now = this.nanoClock.getAsLong();
		TokenBucket own = quota.buckets.get(action);
		TokenBucket person;
		TokenBucket address;
		synchronized (quota) {
			person = (quota.person != null) ? quota.person.bucket(action) : null;
			address = (quota.address != null) ? quota.address.bucket(action) : null;
		}
		if (!own.tryTake(now)) {
			return false;
		}
		if (person != null && !person.tryTake(now)) {
			own.refund();
			return false;
		}
		if (address != null && !address.tryTake(now)) {
			own.refund();
			if (person != null) {
				person.refund();
			}
			return false;
		}
		return true;
	}

	/**
	 * How long until the connection may do one more of {@code action}, as far as its own, its
	 * person's and its address's buckets say: the longest of their waits.
	 */
	long retryAfterMillis(String connectionId, Action action) {
		Quota quota = this.quotas.get(connectionId);
		if (quota == null) {
			return 0;
		}
		long now = this.nanoClock.getAsLong();
		long nanos = quota.buckets.get(action).nanosUntilToken(now);
		synchronized (quota) {
			if (quota.person != null) {
				nanos = Math.max(nanos, quota.person.bucket(action).nanosUntilToken(now));
			}
			if (quota.address != null) {
				nanos = Math.max(nanos, quota.address.bucket(action).nanosUntilToken(now));
			}
		}
		return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999));
	}

	/**
	 * Records a subscription; false when the id is already in use on this connection or the
	 * connection holds as many subscriptions as it may.
	 */
	boolean trySubscribe(String connectionId, String subscriptionId) {
		Quota quota = this.quotas.get(connectionId);
		if (quota == null || subscriptionId == null) {
			return false;
		}
		synchronized (quota.subscriptions) {
			return quota.subscriptions.size() < this.maxSubscriptions && quota.subscriptions.add(subscriptionId);
		}
	}

	void unsubscribe(String connectionId, String subscriptionId) {
		Quota quota = this.quotas.get(connectionId);
		if (quota != null) {
			synchronized (quota.subscriptions) {
				quota.subscriptions.remove(subscriptionId);
			}
		}
	}

	/** Forgets the buckets of people and addresses with no connection left, once they are full again. */
	void sweep() {
		long now = this.nanoClock.getAsLong();
		this.people.sweep(now);
		this.addresses.sweep(now);
	}

	int size() {
		return this.quotas.size();
	}

	/** People and addresses whose buckets are kept (held, or not yet refilled). */
	int sharedSize() {
		return this.people.size() + this.addresses.size();
	}

	/** One connection's buckets, and which shared ones it draws on (guarded by itself). */
	private static final class Quota {

		private final Map<Action, TokenBucket> buckets = new EnumMap<>(Action.class);

		private final Set<String> subscriptions = new HashSet<>();

		private final SharedQuotas.Shared address;

		private SharedQuotas.Shared person;

		private String clientId;

		private boolean gone;

		Quota(Map<Action, Rate> rates, long now, SharedQuotas.Shared address) {
			rates.forEach((action, rate) -> this.buckets.put(action, new TokenBucket(rate, now)));
			this.address = address;
		}

	}

}
