// Read positions in the room this connection is in: yours, which moves as messages are on screen
// with the tab focused (and goes to the server), and everyone else's, drawn as "Seen by" under the
// newest message each has seen; whether you share receipts at all (the settings menu). No DOM
// here: ReadsView and SettingsView draw what it decides.

/** @typedef {import('./destinations.js').ReadPosition} ReadPosition */
/** @typedef {import('./view.js').ShownMessage} ShownMessage */

export class RoomReads {
  /**
   * @param {{view:import('./reads-view.js').ReadsView, settings:import('./settings-view.js').SettingsView}} views
   */
  constructor({ view, settings }) {
    this.view = view;
    this.settings = settings;
    this.receipts = true; // until a preferences event says
    this.shown = false; // whether the main panel shows the room
    this.room = null;
    this.joinedAt = 0; // your position when the room's joined reply came
    this.me = { id: null, name: null };
    /** your position: the highest message id you have seen in the room */
    this.position = 0;
    /** ids of messages from others above your position: the room's unread count */
    this.unreadIds = new Set();
    /** @type {Map<string, {name:string, lastRead:number}>} other people's positions, by public id */
    this.others = new Map();
    this.present = new Set();
  }

  /** @param {import('./connection.js').ChatConnection} connection */
  start(connection) {
    this.connection = connection;
    this.settings.bindReceipts((on) => {
      if (connection.preferences(on)) this.shareReceipts(on);
      else this.settings.showReceipts(this.receipts); // not connected: nothing changed
    });
  }

  /** The main panel shows the room (true) or a conversation: "Seen by" and the divider only in the room. */
  showing(shown) {
    this.shown = shown;
    this.view.clear();
  }

  /**
   * The room's joined reply, with its history as shown: your position and the others'.
   * @param {import('./destinations.js').JoinedEvent} event
   * @param {ShownMessage[]} history
   * @param {{id:string|null, name:string}} me
   * @param {boolean} fresh whether the room is drawn afresh (otherwise a reconnect's catch-up)
   */
  joined(event, history, me, fresh) {
    this.room = event.room;
    this.me = me;
    this.joinedAt = event.lastRead ?? 0;
    if (fresh) {
      this.position = this.joinedAt;
      this.unreadIds.clear();
    }
    this.read(this.joinedAt, false);
    // a room never read has no unread count, as on the server
    if (this.position > 0) history.filter((m) => !m.mine && m.id > this.position).forEach((m) => this.unreadIds.add(m.id));
    this.others.clear();
    this.update(event.reads ?? [], false);
  }

  /**
   * The joined reply's history is drawn: on entering the room, "New messages" above the first
   * message from someone else beyond your position, when you had one.
   * @param {ShownMessage[]} history
   * @param {boolean} fresh
   */
  drawn(history, fresh) {
    if (fresh) {
      this.view.clear();
      const first = this.joinedAt > 0 ? history.find((m) => !m.mine && m.id > this.joinedAt) : undefined;
      if (first) this.view.showDivider(first.id);
    }
    this.render();
  }

  /**
   * @param {ShownMessage} message a live message of the room, shown or not
   * @returns {boolean} whether it counts as unread
   */
  received(message) {
    if (message.mine || this.position === 0 || message.id <= this.position) return false;
    this.unreadIds.add(message.id);
    return true;
  }

  /** @param {string[]} users who is in the room now */
  users(users) {
    this.present = new Set(users);
    this.render();
  }

  /**
   * @param {ReadPosition[]} reads positions that moved (a `reads` event, or the joined reply's)
   * @param {boolean} [draw] whether to draw them now
   */
  update(reads, draw = true) {
    for (const { id, name, lastRead } of reads) {
      if (id === this.me.id) this.read(lastRead, false); // another tab of yours read on
      else if (lastRead > 0) this.others.set(id, { name, lastRead });
      else this.others.delete(id);
    }
    if (draw) this.render();
  }

  /**
   * You have seen the room up to `id` (the newest message on screen, the tab focused).
   * @param {number|null} id
   * @param {boolean} [tell] whether to tell the server
   * @returns {boolean} whether that moved your position
   */
  read(id, tell = true) {
    if (id === null || this.room === null || id <= this.position) return false;
    this.position = id;
    for (const unread of [...this.unreadIds]) if (unread <= id) this.unreadIds.delete(unread);
    if (tell) this.connection.read(this.room, id);
    return true;
  }

  /** How many messages from others above your position the page knows of. */
  unread() {
    return this.unreadIds.size;
  }

  /** @param {boolean} on your setting, from the menu or a `preferences` event */
  shareReceipts(on) {
    this.receipts = on;
    this.settings.showReceipts(on);
    this.render();
  }

  /**
   * "Seen" in the conversation shown, under your newest DM the other person has read (up to
   * `id`), none while you do not share receipts.
   * @param {number} id
   */
  seenInConversation(id) {
    if (!this.shown) this.view.showSeen(this.receipts ? id : 0);
  }

  /** "Seen by" for the others in the room, none while you do not share receipts. */
  render() {
    if (!this.shown) return;
    const readers = !this.receipts ? [] : [...this.others.entries()]
      .filter(([id, { name }]) => id !== this.me.id && name !== this.me.name && this.present.has(name))
      .map(([, reader]) => reader);
    this.view.showSeenBy(readers);
  }
}
