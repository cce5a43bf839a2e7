// Telling the server how far you have read a conversation: at most one dm-read per second, for
// the newest DM seen meanwhile; one that could not be sent (no connection) is tried again.

const INTERVAL_MS = 1000;

export class ReadReceipts {
  /** @param {(peer:string, id:number)=>boolean} send returns whether it was sent */
  constructor(send) {
    this.send = send;
    this.lastSent = 0;
    this.pending = new Map();
    this.timer = null;
  }

  /** The conversation with `peer` has been seen up to `id`. */
  read(peer, id) {
    if (id <= (this.pending.get(peer) ?? 0)) return;
    this.pending.set(peer, id);
    this.schedule();
  }

  schedule() {
    if (this.timer === null) {
      this.timer = setTimeout(() => this.flush(), Math.max(0, this.lastSent + INTERVAL_MS - Date.now()));
    }
  }

  flush() {
    this.timer = null;
    this.lastSent = Date.now();
    for (const [peer, id] of [...this.pending]) {
      if (this.send(peer, id) && this.pending.get(peer) === id) this.pending.delete(peer);
    }
    if (this.pending.size > 0) this.schedule();
  }
}
