// Scrolling back through a room: the oldest message shown, whether older ones exist, and whether
// a page is on its way. No DOM, no requests: the controller fetches what this says.

export class RoomHistory {
  constructor() {
    this.reset();
  }

  reset() {
    this.oldestId = null;
    this.hasMore = false;
    this.loading = false;
  }

  /**
   * A fresh joined reply's history (oldest first); whether it reaches the room's first message.
   * @param {{id:number}[]} history
   */
  joined(history) {
    this.oldestId = history[0]?.id ?? null;
    this.hasMore = history.length > 0 && history[0].id > 1;
    return !this.hasMore;
  }

  /** The id to page back from, now marked as on its way; null when there is nothing to fetch. */
  next() {
    if (this.loading || !this.hasMore || this.oldestId === null) return null;
    this.loading = true;
    return this.oldestId;
  }

  /**
   * An older page arrived (oldest first); whether it reaches the room's first message.
   * @param {{messages:{id:number}[], hasMore:boolean}} page
   */
  page(page) {
    if (page.messages.length > 0) this.oldestId = page.messages[0].id;
    this.hasMore = page.hasMore && page.messages.length > 0;
    this.loading = false;
    return !this.hasMore;
  }

  /** The page did not come: it may be asked for again. */
  failed() {
    this.loading = false;
  }
}
