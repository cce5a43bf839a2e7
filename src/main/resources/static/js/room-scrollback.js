// Scrolling back through the room shown: the page above the oldest message shown, from the REST
// API, as RoomHistory says, drawn above what the reader is looking at.
import { fetchOlder } from './api.js';
import { RoomHistory } from './room-history.js';

export class RoomScrollback {
  /**
   * @param {{view:import('./view.js').ChatView, reads:import('./room-reads.js').RoomReads}} views
   */
  constructor({ view, reads }) {
    this.view = view;
    this.reads = reads;
    this.history = new RoomHistory();
  }

  /** A room drawn afresh: nothing above it known yet. */
  reset() {
    this.history.reset();
  }

  /** A fresh joined reply's history (oldest first): says so when it reaches the room's first message. */
  joined(history, roomName) {
    if (this.history.joined(history)) this.view.showHistoryStart(roomName);
  }

  /**
   * The next page up, if there is one and none is on its way.
   * @param {{id:string, name:string}} room the room shown
   * @param {()=>boolean} stillShown whether it is, when the page comes
   * @param {(message:import('./destinations.js').ChatMessage)=>import('./view.js').ShownMessage} shown
   */
  async loadOlder(room, stillShown, shown) {
    const history = this.history;
    const before = history.next();
    if (before === null) return;
    this.view.showLoadingOlder(true);
    let page;
    try {
      page = await fetchOlder(room.id, before);
    } catch {
      history.failed();
      this.view.showLoadingOlder(false);
      this.view.showNotice('Earlier messages could not be loaded. Scroll up to try again.');
      return;
    }
    if (!stillShown()) { // switched meanwhile: the room starts afresh
      history.failed();
      return;
    }
    this.view.showLoadingOlder(false);
    this.view.prependMessages(page.messages.map(shown));
    this.reads.render(); // someone may have read no further than these
    if (history.page(page)) this.view.showHistoryStart(room.name);
  }
}
