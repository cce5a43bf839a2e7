// Your messages on their way, between the composer and the server: each goes into the outbox
// first (so nothing typed is lost), is drawn at the bottom of its room or conversation with a
// clock until the server's ack, and then gives way to the stored message, which carries a tick.
// A message refused for good stays, marked, with Retry and Delete. No DOM here (OutgoingView draws).
import { Drafts } from './drafts.js';
import { Outbox, newClientMsgId } from './outbox.js';
import { OutboxSender } from './outbox-sender.js';

export class OutgoingMessages {
  /**
   * @param {{owner:string, view:import('./view.js').ChatView, drawn:import('./outgoing-view.js').OutgoingView,
   *   sendable:(place:string)=>boolean, transmit:(entry:import('./outbox.js').OutboxEntry)=>boolean,
   *   describe:(error:import('./destinations.js').ErrorEvent, entry:import('./outbox.js').OutboxEntry)=>string}} options
   *   `view` holds the input (the drafts), `drawn` draws the messages on their way; see OutboxSender
   *   for `sendable`, `transmit` and `describe`
   */
  constructor({ owner, view, drawn, sendable, transmit, describe }) {
    this.view = view;
    this.drawn = drawn;
    this.outbox = new Outbox(owner);
    this.drafts = new Drafts(owner);
    this.sender = new OutboxSender({ outbox: this.outbox, tab: newClientMsgId(), sendable, transmit, describe });
    /** @type {string|null} the room or conversation shown: "room:<id>" or "dm:<public id>" */
    this.place = null;
    this.outbox.onChange(() => {
      this.render();
      this.sender.kick();
    });
    drawn.bind({ retry: (id) => this.sender.retry(id), remove: (id) => this.outbox.remove(id) });
  }

  /** A room or conversation is shown: its messages on their way, and its draft. */
  showing(place) {
    this.place = place;
    this.view.showDraft(this.drafts.get(place));
    this.render();
  }

  /** What the input says now, kept for the place shown. */
  typed(text) {
    if (this.place !== null) this.drafts.set(this.place, text);
  }

  /**
   * Queues a message for the place shown; it goes as soon as it can.
   * @returns {boolean} false when the outbox is full
   */
  send(text, image) {
    if (this.place === null || !this.outbox.add(this.place, text, image)) return false;
    this.drafts.set(this.place, '');
    return true;
  }

  /** The connection may send again (a join's reply): what waits goes, in order. */
  ready() {
    this.sender.kick();
  }

  /** The connection dropped. */
  lost() {
    this.sender.lost();
  }

  /** @param {import('./destinations.js').AckEvent} ack */
  acked(ack) {
    this.sender.acked(ack);
  }

  /**
   * @param {import('./destinations.js').ErrorEvent} error
   * @returns {boolean} whether it was about a message of the outbox (the outbox shows it then)
   */
  refused(error) {
    return this.sender.refused(error);
  }

  /** Draws the place's messages on their way again (the panel was redrawn, or the outbox changed). */
  render() {
    this.drawn.show(this.place === null ? [] : this.outbox.in(this.place));
  }
}
