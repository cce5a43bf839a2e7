// Your unread counts in the rooms other than the one this connection is in, as the server's
// `unread` events give them. No DOM here.

export class UnreadRooms {
  constructor() {
    /** @type {Map<string, number>} rooms with unread messages, by id */
    this.counts = new Map();
  }

  /** @param {import('./destinations.js').RoomUnread[]} rooms the counts that changed */
  update(rooms) {
    for (const { room, unread } of rooms) {
      if (unread > 0) this.counts.set(room, unread);
      else this.counts.delete(room);
    }
  }

  /** The room this connection has joined: the server counts it no more (the page does). */
  joined(room) {
    this.counts.delete(room);
  }

  count(room) {
    return this.counts.get(room) ?? 0;
  }

  total() {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }
}
