// Your direct-message conversations as the sidebar lists them: the server's entries, kept up to
// date by live DMs, read positions, presence and blocks. No DOM here.

/** @typedef {import('./destinations.js').ConversationSummary} ConversationSummary */
/** @typedef {import('./destinations.js').DirectMessage} DirectMessage */

export class ConversationList {
  constructor() {
    /** @type {Map<string, ConversationSummary>} by the other person's public id */
    this.entries = new Map();
    /** people you block: their conversations are not listed, their DMs not shown */
    this.blocked = new Set();
    /** names by public id, from rooms' member lists and DMs */
    this.names = new Map();
    /** who is online by public id, from entries and presence events */
    this.online = new Map();
  }

  /** @param {ConversationSummary[]} entries the whole list (a `conversations` event) */
  replaceAll(entries) {
    this.entries.clear();
    for (const entry of entries) this.update(entry);
  }

  /** @param {ConversationSummary} entry one entry changed (a `conversation` event): replace it, or drop it if blocked */
  update(entry) {
    const peer = entry.with.id;
    this.named(entry.with);
    this.online.set(peer, entry.with.online);
    if (entry.blocked) {
      this.blocked.add(peer);
      this.entries.delete(peer);
    } else {
      this.blocked.delete(peer);
      this.entries.set(peer, structuredClone(entry));
    }
  }

  /** @param {{id:string, name:string}} member */
  named(member) {
    if (member?.id && member.name) this.names.set(member.id, member.name);
  }

  nameOf(id) {
    return this.names.get(id) ?? null;
  }

  isOnline(id) {
    return this.online.get(id) ?? false;
  }

  isBlocked(id) {
    return this.blocked.has(id);
  }

  setBlocked(id, blocked) {
    if (blocked) {
      this.blocked.add(id);
      this.entries.delete(id);
    } else {
      this.blocked.delete(id);
    }
  }

  has(id) {
    return this.entries.has(id);
  }

  presence(id, online) {
    this.online.set(id, online);
  }

  /**
   * A live DM, yours or theirs. One from them above the entry's newest id counts as unread until
   * `read`; one of yours reads the conversation up to it.
   * @param {DirectMessage} dm
   * @param {boolean} mine
   * @returns {string} the other person's public id
   */
  received(dm, mine) {
    const peer = mine ? dm.to : dm.from;
    this.named(dm.from);
    this.named(dm.to);
    let entry = this.entries.get(peer.id);
    if (!entry) {
      entry = { conversation: dm.conversation, with: { ...peer, online: this.isOnline(peer.id) },
        lastId: 0, lastReadId: 0, peerLastReadId: 0, unread: 0, blocked: false };
      this.entries.set(peer.id, entry);
    }
    if (dm.id > entry.lastId) {
      entry.lastId = dm.id;
      entry.last = dm;
      if (mine) {
        entry.lastReadId = dm.id;
        entry.unread = 0;
      } else if (dm.id > entry.lastReadId) {
        entry.unread += 1;
      }
    }
    return peer.id;
  }

  /** You have seen the conversation up to `id`; returns whether that moved its read position. */
  read(peer, id) {
    const entry = this.entries.get(peer);
    if (!entry || id <= entry.lastReadId) return false;
    entry.lastReadId = id;
    if (id >= entry.lastId) entry.unread = 0;
    return true;
  }

  /** How far `peer` has read your conversation, when you both share receipts (0 otherwise). */
  seenUpTo(peer) {
    return this.entries.get(peer)?.peerLastReadId ?? 0;
  }

  /** Your read position in the conversation with `peer`, as far as the page knows it. */
  readUpTo(peer) {
    return this.entries.get(peer)?.lastReadId ?? 0;
  }

  unread(peer) {
    return this.entries.get(peer)?.unread ?? 0;
  }

  totalUnread() {
    let total = 0;
    for (const entry of this.entries.values()) total += entry.unread;
    return total;
  }

  /**
   * The conversations, the one with the newest DM first.
   * @returns {{id:string, name:string|null, online:boolean, unread:number}[]}
   */
  listed() {
    return [...this.entries.values()]
      .sort((a, b) => (b.last?.timestamp ?? 0) - (a.last?.timestamp ?? 0))
      .map((entry) => ({ id: entry.with.id, name: this.nameOf(entry.with.id), online: this.isOnline(entry.with.id),
        unread: entry.unread }));
  }
}
