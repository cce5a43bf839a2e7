// The conversation the main panel shows: which of its DMs the page has, what to ask the server
// for next (the newest page, an older one, what came during a reconnect) and how far you have
// read it. No DOM here.

export class OpenConversation {
  /**
   * @param {string} peer the other person's public id
   * @param {{readId:number, blocked:boolean}} known your read position and whether you block them
   */
  constructor(peer, { readId, blocked }) {
    this.peer = peer;
    this.readId = readId;
    this.blocked = blocked;
    this.initial = true; // until the first page arrives
    this.oldestId = null;
    this.newestId = null;
    this.hasOlder = false;
    this.loadingOlder = false;
  }

  /**
   * What to ask for after a (re)join: the newest page, or what came after the newest DM shown.
   * @returns {{since?:number}} a dm-history position
   */
  catchUp() {
    if (this.initial || this.newestId === null) {
      this.initial = true;
      return {};
    }
    return { since: this.newestId };
  }

  /** @returns {{before:number}|null} the page above the oldest DM shown, when there is one to ask for */
  older() {
    if (this.initial || this.loadingOlder || !this.hasOlder || this.oldestId === null) return null;
    this.loadingOlder = true;
    return { before: this.oldestId };
  }

  /** A refusal came while an older page was asked for: the reader may scroll up again. Returns whether one was. */
  olderFailed() {
    const was = this.loadingOlder;
    this.loadingOlder = false;
    return was;
  }

  /**
   * A page of the conversation arrived.
   * @param {import('./destinations.js').DirectHistoryEvent} event
   * @returns {{older:boolean, next:{since:number}|null}} whether it goes above the DMs shown, and
   * the page to ask for next (a reconnect's catch-up that has more)
   */
  page(event) {
    this.blocked = event.blocked;
    const first = event.messages[0]?.id ?? null;
    const last = event.messages.at(-1)?.id ?? null;
    let older = false;
    let next = null;
    if (this.initial) {
      this.initial = false;
      this.hasOlder = event.hasMore && first !== null;
    } else if (this.loadingOlder && (last === null || this.oldestId === null || last < this.oldestId)) {
      this.loadingOlder = false;
      this.hasOlder = event.hasMore && first !== null;
      older = true;
    } else if (event.hasMore && last !== null) {
      next = { since: last };
    }
    if (first !== null) this.include(first, last);
    return { older, next };
  }

  /** A live DM of this conversation. */
  received(id) {
    this.include(id, id);
  }

  include(first, last) {
    this.oldestId = Math.min(this.oldestId ?? first, first);
    this.newestId = Math.max(this.newestId ?? last, last);
  }

  /** The newest DM from them on screen is `id`: whether that moves your read position (to tell the server). */
  read(id) {
    if (this.initial || id === null || id <= this.readId) return false;
    this.readId = id;
    return true;
  }
}
