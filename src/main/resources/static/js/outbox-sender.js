// Sends the outbox's messages, each with its clientMsgId, until the server acknowledges it (ack)
// or refuses it for good (an error with retry false). One message per room or conversation is on
// its way at a time, so they are stored in the order they were written even when one has to wait
// (a rate limit's retryAfterMs, the database unavailable, a reconnect). No DOM here.

/** An answer this late means the reply was lost: send it again (the server stores it once). */
const ANSWER_MS = 10000;

/** How often leases are renewed, messages a closed tab left are taken over, and old ones expire. */
const TICK_MS = 2000;

/** Waits after "unavailable": doubling from the first, up to the last. */
const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30000;

export class OutboxSender {
  /**
   * @param {{outbox:import('./outbox.js').Outbox, tab:string,
   *   sendable:(place:string)=>boolean, transmit:(entry:import('./outbox.js').OutboxEntry)=>boolean,
   *   describe:(error:import('./destinations.js').ErrorEvent, entry:import('./outbox.js').OutboxEntry)=>string}} options
   *   `sendable` says whether this connection may send to a place now (joined its room; for a
   *   conversation, joined anywhere); `transmit` publishes an entry and says whether it went;
   *   `describe` says why one was refused
   */
  constructor({ outbox, tab, sendable, transmit, describe }) {
    this.outbox = outbox;
    this.tab = tab;
    this.sendable = sendable;
    this.transmit = transmit;
    this.describe = describe;
    /** @type {Map<string, {id:string, at:number}>} the message on its way, by place */
    this.inFlight = new Map();
    /** @type {Map<string, number>} when a place may send again after a refusal that said retry */
    this.waitUntil = new Map();
    /** @type {Map<string, number>} "unavailable" answers in a row, by message */
    this.attempts = new Map();
    this.ticker = setInterval(() => this.tick(), TICK_MS);
    globalThis.addEventListener?.('pagehide', () => this.outbox.renew(this.tab, { release: true }));
  }

  /** Sends the next message of every place that may send now. */
  kick(now = Date.now()) {
    const heads = new Map();
    for (const entry of this.outbox.all()) {
      if (entry.state === 'pending' && !heads.has(entry.place)) heads.set(entry.place, entry);
    }
    for (const [place, entry] of heads) {
      if (!this.sendable(place) || (this.waitUntil.get(place) ?? 0) > now) continue;
      const flying = this.inFlight.get(place);
      if (flying && flying.id === entry.id && now - flying.at < ANSWER_MS) continue;
      if (this.outbox.heldElsewhere(entry, this.tab, now) || !this.outbox.claim(entry.id, this.tab, now)) continue;
      if (this.transmit(entry)) this.inFlight.set(place, { id: entry.id, at: now });
    }
  }

  /**
   * The server stored it (now, or when it was first sent).
   * @param {import('./destinations.js').AckEvent} ack
   */
  acked(ack) {
    const entry = this.outbox.get(ack.clientMsgId);
    this.settled(ack.clientMsgId, entry?.place);
    this.attempts.delete(ack.clientMsgId);
    if (entry) this.outbox.remove(entry.id);
    this.kick();
  }

  /**
   * A refusal that names a message of the outbox: it waits and goes again, or it is marked failed.
   * @param {import('./destinations.js').ErrorEvent} error
   * @returns {boolean} whether the refusal was about one of them
   */
  refused(error) {
    const entry = typeof error.clientMsgId === 'string' ? this.outbox.get(error.clientMsgId) : undefined;
    if (!entry) return false;
    this.settled(entry.id, entry.place);
    if (error.code === 'not-joined') {
      // sent as the connection changed rooms or reconnected: it goes again once joined
      this.wait(entry.place, FIRST_RETRY_MS);
    } else if (error.retry) {
      const attempts = (this.attempts.get(entry.id) ?? 0) + 1;
      this.attempts.set(entry.id, attempts);
      this.wait(entry.place, Number.isFinite(error.retryAfterMs) ? Math.max(0, error.retryAfterMs)
        : Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1)));
    } else {
      this.attempts.delete(entry.id);
      this.outbox.fail(entry.id, this.describe(error, entry));
    }
    this.kick();
    return true;
  }

  /** The connection dropped: what was on its way goes again once it is back and joined. */
  lost() {
    this.inFlight.clear();
  }

  /** Sends a failed message again, with its clientMsgId. */
  retry(id) {
    this.outbox.retry(id);
    this.kick();
  }

  /** The place sends nothing for `ms`, then goes on. */
  wait(place, ms) {
    this.waitUntil.set(place, Date.now() + ms);
    setTimeout(() => this.kick(), ms + 10);
  }

  settled(id, place) {
    if (place !== undefined && this.inFlight.get(place)?.id === id) this.inFlight.delete(place);
    if (place !== undefined) this.waitUntil.delete(place);
  }

  tick() {
    this.outbox.renew(this.tab);
    this.outbox.expire();
    this.kick();
  }
}
