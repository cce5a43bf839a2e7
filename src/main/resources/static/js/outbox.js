// What you sent that the server has not acknowledged yet: kept in localStorage, so a reload, a
// closed tab reopened, a dropped connection or a server restart loses nothing. Every tab of this
// browser shares one outbox per name; a tab holds a short lease on the messages it is sending, so
// that another tab takes over only when that one is gone (were two tabs ever to send one message,
// its client message id would still make the server store it once). No DOM here.
import { browserStorage } from './storage.js';

/** How long a tab's claim on a message lasts unless renewed (it renews every few seconds). */
export const LEASE_MS = 6000;

/** A message older than this is no longer sent by itself (the server remembers ids at least this long). */
export const KEEP_MS = 24 * 60 * 60 * 1000;

/** The most messages waiting at once: more is refused (something is badly wrong by then). */
export const MAX_ENTRIES = 200;

/**
 * @typedef {{id:string, place:string, text:string, image:string|null, at:number,
 *   state:'pending'|'failed', reason?:string, tab?:string, until?:number}} OutboxEntry
 * `id` is the clientMsgId; `place` is "room:<id>" or "dm:<public id>"; `image` an uploaded
 * image's id; `reason` why a failed one was refused; `tab` and `until` the lease of the tab sending it.
 */

export class Outbox {
  /**
   * @param {string} owner the name you chat under: each name has its own outbox
   * @param {Storage|null} storage
   */
  constructor(owner, storage = browserStorage()) {
    this.key = `livechat.outbox.${owner}`;
    this.storage = storage;
    /** @type {OutboxEntry[]} the entries when storage is unavailable (this tab only) */
    this.memory = [];
    /** @type {Set<()=>void>} */
    this.listeners = new Set();
    globalThis.addEventListener?.('storage', (event) => {
      if (event.key === this.key) this.notify();
    });
  }

  /** @param {()=>void} listener called when any tab changes the outbox */
  onChange(listener) {
    this.listeners.add(listener);
  }

  /**
   * Adds a message to send, or returns null when the outbox is full.
   * @returns {OutboxEntry|null}
   */
  add(place, text, image) {
    const entries = this.read();
    if (entries.length >= MAX_ENTRIES) return null;
    const entry = { id: newClientMsgId(), place, text, image: image ?? null, at: Date.now(), state: 'pending' };
    this.write([...entries, entry]);
    return entry;
  }

  /** @returns {OutboxEntry[]} every entry, oldest first */
  all() {
    return this.read();
  }

  /** @returns {OutboxEntry[]} the entries for one room or conversation, oldest first */
  in(place) {
    return this.read().filter((entry) => entry.place === place);
  }

  /** @returns {OutboxEntry|undefined} */
  get(id) {
    return this.read().find((entry) => entry.id === id);
  }

  remove(id) {
    this.update((entries) => entries.filter((entry) => entry.id !== id));
  }

  /** The server refused it for good: it stays, marked, until you retry or delete it. */
  fail(id, reason) {
    this.change(id, (entry) => ({ ...entry, state: 'failed', reason, tab: undefined, until: undefined }));
  }

  retry(id) {
    this.change(id, (entry) => ({ ...entry, state: 'pending', reason: undefined, at: Date.now() }));
  }

  /**
   * Claims an entry for `tab` for another lease, unless another tab's lease on it still runs.
   * @returns {boolean} whether `tab` holds it now
   */
  claim(id, tab, now = Date.now()) {
    let held = false;
    this.update((entries) => entries.map((entry) => {
      if (entry.id !== id || entry.state !== 'pending') return entry;
      if (entry.tab && entry.tab !== tab && entry.until > now) return entry;
      held = true;
      return { ...entry, tab, until: now + LEASE_MS };
    }), { quiet: true });
    return held;
  }

  /** Whether another tab's lease on the entry still runs. */
  heldElsewhere(entry, tab, now = Date.now()) {
    return Boolean(entry.tab) && entry.tab !== tab && entry.until > now;
  }

  /** Renews the leases `tab` holds, or gives them up (the tab is closing). */
  renew(tab, { release = false } = {}) {
    const entries = this.read();
    if (!entries.some((entry) => entry.tab === tab)) return; // nothing held: nothing to write
    const until = release ? undefined : Date.now() + LEASE_MS;
    this.write(entries.map((entry) => (entry.tab === tab
      ? { ...entry, tab: release ? undefined : tab, until } : entry)), { quiet: !release });
  }

  /** Marks failed what waited longer than a day: it is no longer sent unless you say so. */
  expire(now = Date.now()) {
    const stale = this.read().filter((entry) => entry.state === 'pending' && now - entry.at > KEEP_MS);
    stale.forEach((entry) => this.fail(entry.id, 'Not sent within a day.'));
  }

  change(id, how) {
    this.update((entries) => entries.map((entry) => (entry.id === id ? how(entry) : entry)));
  }

  update(how, { quiet = false } = {}) {
    this.write(how(this.read()), { quiet });
  }

  /** @returns {OutboxEntry[]} */
  read() {
    if (!this.storage) return this.memory;
    try {
      const entries = JSON.parse(this.storage.getItem(this.key) ?? '[]');
      return Array.isArray(entries) ? entries.filter(isEntry) : [];
    } catch {
      return [];
    }
  }

  write(entries, { quiet = false } = {}) {
    if (this.storage) {
      try {
        if (entries.length === 0) this.storage.removeItem(this.key);
        else this.storage.setItem(this.key, JSON.stringify(entries));
      } catch {
        this.storage = null; // full or disabled: this tab keeps them in memory from now on
        this.memory = entries;
      }
    } else {
      this.memory = entries;
    }
    if (!quiet) this.notify();
  }

  notify() {
    this.listeners.forEach((listener) => listener());
  }
}

/** 32 hex digits: a clientMsgId (8-64 visible characters), unique without coordination. */
export function newClientMsgId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes); // randomUUID needs a secure context; this does not
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** An entry as this page writes them: anything else found in storage is ignored. */
function isEntry(entry) {
  return entry !== null && typeof entry === 'object' && typeof entry.id === 'string' && /^[\x21-\x7E]{8,64}$/.test(entry.id)
    && typeof entry.place === 'string' && /^(room|dm):/.test(entry.place) && typeof entry.text === 'string'
    && (entry.image === null || typeof entry.image === 'string') && Number.isFinite(entry.at)
    && (entry.state === 'pending' || entry.state === 'failed');
}
