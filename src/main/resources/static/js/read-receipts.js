// Telling the server how far you have read a conversation: at most one dm-read per second, for
// the newest DM seen meanwhile.

const INTERVAL_MS = 1000;

export class ReadReceipts {
  /** @param {(peer:string, id:number)=>void} send */
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
    if (this.timer === null) {
      this.timer = setTimeout(() => this.flush(), Math.max(0, this.lastSent + INTERVAL_MS - Date.now()));
    }
  }

  flush() {
    this.timer = null;
    this.lastSent = Date.now();
    const pending = [...this.pending];
    this.pending.clear();
    pending.forEach(([peer, id]) => this.send(peer, id));
  }
}
