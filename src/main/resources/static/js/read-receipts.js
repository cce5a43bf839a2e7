// Telling the server how far you have read: at most one read per second for each kind (a
// conversation's dm-read, a room's read), each for the newest id seen meanwhile; one that could
// not be sent (no connection) is tried again.

const INTERVAL_MS = 1000;

export class ReadReceipts {
  /** @param {(key:string, id:number)=>boolean} send returns whether it was sent */
  constructor(send) {
    this.send = send;
    this.lastSent = 0;
    this.pending = new Map();
    this.timer = null;
  }

  /** `key` (a conversation's peer, a room) has been seen up to `id`. */
  read(key, id) {
    if (id <= (this.pending.get(key) ?? 0)) return;
    this.pending.set(key, id);
    this.schedule();
  }

  /** The id waiting to be sent for `key`, now no longer waiting; null when none is. */
  take(key) {
    const id = this.pending.get(key) ?? null;
    this.pending.delete(key);
    return id;
  }

  schedule() {
    if (this.timer === null) {
      this.timer = setTimeout(() => this.flush(), Math.max(0, this.lastSent + INTERVAL_MS - Date.now()));
    }
  }

  flush() {
    this.timer = null;
    this.lastSent = Date.now();
    for (const [key, id] of [...this.pending]) {
      if (this.send(key, id) && this.pending.get(key) === id) this.pending.delete(key);
    }
    if (this.pending.size > 0) this.schedule();
  }
}
