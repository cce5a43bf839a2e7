// The chat page's state, between the connection and the views: the room this connection is in,
// your conversations, and the channel the main panel shows (a room, or a conversation with one
// person). No DOM here: ChatView and SidebarView draw what it decides.
import { channelUrl } from './channels.js';
import { ConversationEvents } from './conversation-events.js';
import { ConversationList } from './conversations.js';
import { rememberRoom } from './identity.js';
import { MembershipDigest } from './membership.js';
import { joinRefusal, refusalNotice } from './notices.js';
import { OpenConversation } from './open-conversation.js';
import { OutgoingMessages } from './outgoing.js';
import { RoomScrollback } from './room-scrollback.js';
import { shownRoomMessage, spokenMessage } from './shown-messages.js';
import { TypingNotifier, TypingTracker } from './typing.js';
import { UnreadRooms } from './unread.js';

/** @typedef {import('./channels.js').Channel} Channel */

export class ChatController {
  /**
   * @param {{view:import('./view.js').ChatView, sidebar:import('./sidebar-view.js').SidebarView,
   *   outgoing:import('./outgoing-view.js').OutgoingView, reads:import('./room-reads.js').RoomReads,
   *   username:string, rooms:import('./destinations.js').RoomSummary[]}} options
   */
  constructor({ view, sidebar, outgoing, reads, username, rooms }) {
    this.view = view;
    this.sidebar = sidebar;
    this.reads = reads;
    this.unread = new UnreadRooms();
    this.username = username;
    this.roomList = rooms;
    /** who you are: the name you speak under, and your public id once a join's reply says it */
    this.me = { id: null, name: username };
    /** @type {Channel|null} */
    this.channel = null;
    /** the room this connection is in: the one shown, or the one shown last before a conversation */
    this.room = null;
    this.joining = true; // until the room's joined reply
    this.freshJoin = true; // the next joined reply redraws the room; otherwise it is a reconnect's catch-up
    this.ready = false; // whether the connection is in this.room: from a joined reply until it drops or switches
    this.users = [];
    /** @type {Map<string, string>} public ids of the room's users, by name */
    this.memberIds = new Map();
    this.scrollback = new RoomScrollback({ view, reads });
    /** @type {OpenConversation|null} the conversation shown */
    this.dm = null;
    this.conversations = new ConversationList();
    this.conversationEvents = new ConversationEvents(this);
    /** your read-receipts setting as the server last said it (null: not yet) */
    this.sharesReceipts = null;
    this.typers = new TypingTracker((names) => view.showTyping(names));
    this.membership = new MembershipDigest();
    this.outgoing = new OutgoingMessages({
      owner: username,
      view,
      drawn: outgoing,
      sendable: (place) => this.ready && (place === placeOf({ kind: 'room', id: this.room })
        || (place.startsWith('dm:') && this.me.id !== null)),
      transmit: (entry) => (entry.place.startsWith('room:')
        ? this.connection.say(entry.text, entry.image, entry.id)
        : this.connection.dm(entry.place.slice('dm:'.length), entry.text, entry.image, entry.id)),
      describe: (error, entry) => refusalNotice(error, entry.place.startsWith('dm:')),
    });
  }

  /**
   * Connects, joining `room`, and shows `channel` (that room, or a conversation).
   * @param {import('./connection.js').ChatConnection} connection
   */
  start(connection, channel, room) {
    this.connection = connection;
    this.notifier = new TypingNotifier((typing) => connection.typing(typing));
    this.room = room;
    rememberRoom(room);
    this.reads.start(connection);
    this.bindViews();
    this.enter(channel);
    connection.start(room);
  }

  bindViews() {
    const { view, sidebar } = this;
    sidebar.bindRoomSelect((id) => this.navigate({ kind: 'room', id }, { push: true }));
    sidebar.bindConversationSelect((id) => this.navigate({ kind: 'dm', id }, { push: true }));
    sidebar.bindUserSelect((id) => this.navigate({ kind: 'dm', id }, { push: true }));
    view.bindNearTop(() => this.loadOlder());
    view.bindScroll(() => this.checkRead());
    view.bindAttention(() => {
      this.checkRead();
      this.renderTitle();
    });
    view.bindBlock(() => {
      if (this.dm) this.connection.block(this.dm.peer, !this.dm.blocked);
    });
    view.bindInput((value) => {
      this.outgoing.typed(value);
      if (this.channel.kind === 'room') value.trim() ? this.notifier.typed() : this.notifier.stop();
    });
    view.bindSend((text) => this.send(text));
  }

  /**
   * Shows a room or a conversation.
   * @param {Channel|null} channel
   * @param {{push:boolean}} options whether to add it to the browser's history
   */
  navigate(channel, { push }) {
    if (!channel || (channel.kind === this.channel.kind && channel.id === this.channel.id)) return;
    if (channel.kind === 'room' ? !this.roomList.some((r) => r.id === channel.id) : channel.id === this.me.id) return;
    this.enter(channel);
    if (push) history.pushState(null, '', channelUrl(this.username, channel));
    if (channel.kind === 'dm') {
      this.requestConversation();
    } else if (channel.id === this.room) {
      this.connection.rejoin(); // back from a conversation: the room's reply redraws it
    } else {
      this.room = channel.id;
      this.ready = false;
      this.connection.switchRoom(channel.id);
    }
  }

  enter(channel) {
    this.notifier.stop();
    this.typers.clear();
    this.view.clearMessages();
    this.channel = channel;
    if (channel.kind === 'room') {
      this.dm = null;
      this.joining = true;
      this.freshJoin = true;
      this.scrollback.reset();
      rememberRoom(channel.id);
    } else {
      this.dm = new OpenConversation(channel.id,
        { readId: this.conversations.readUpTo(channel.id), blocked: this.conversations.isBlocked(channel.id) });
    }
    this.reads.showing(channel.kind === 'room');
    this.outgoing.showing(placeOf(channel));
    this.renderChannel();
  }

  /** Back to the room after a link to a conversation that cannot be shown. */
  showRoomInstead() {
    this.navigate({ kind: 'room', id: this.room }, { push: false });
    history.replaceState(null, '', channelUrl(this.username, this.channel));
  }

  /** @param {'connecting'|'connected'|'reconnecting'} state */
  connectionChanged(state) {
    if (state !== 'connected') {
      this.ready = false;
      this.outgoing.lost();
    }
    this.view.showConnectionState(state);
  }

  /** @param {import('./destinations.js').RoomsEvent} event */
  roomsChanged(event) {
    this.roomList = event.rooms;
    this.renderChannel();
  }

  /** An event for this connection only. */
  ownEvent(event) {
    if (this.conversationEvents.handle(event)) return;
    switch (event.type) {
      case 'joined':
        this.joined(event);
        break;
      case 'error':
        this.refused(event);
        break;
      case 'ack':
        this.outgoing.acked(event);
        break;
      case 'unread':
        this.unread.update(event.rooms);
        this.renderChannel();
        break;
      case 'preferences':
        // changed (from any tab): the conversations' entries say again how far each peer has read, or not
        if (this.sharesReceipts !== null && event.readReceipts !== this.sharesReceipts) this.connection.conversations();
        this.sharesReceipts = event.readReceipts;
        this.reads.shareReceipts(event.readReceipts);
        this.renderSeen();
        break;
    }
  }

  /** @param {import('./destinations.js').JoinedEvent} event */
  joined(event) {
    if (event.room !== this.room) return; // a late reply for a room already switched away from
    this.joining = false;
    this.me = { id: event.me ?? null, name: event.username };
    const history = event.history.map((m) => shownRoomMessage(m, this.me));
    this.reads.joined(event, history, this.me, this.freshJoin || this.channel.kind !== 'room');
    this.unread.joined(this.room);
    if (this.channel.kind === 'room') {
      this.roomJoined(event, history);
    } else if (this.me.id === null || this.dm.peer === this.me.id) {
      this.view.showNotice('That conversation cannot be shown here.');
      this.showRoomInstead();
    } else {
      this.requestConversation(); // the room gave the page its identity; now the conversation
    }
    // everyone's public id by name: the joined reply names them all, each list after it who came
    this.memberIds = new Map((event.members ?? []).map((member) => [member.name, member.id]));
    this.showUsers(event.users);
    this.typers.keepOnly(event.users);
    this.membership.reset(event.users);
    this.ready = true;
    this.outgoing.ready(); // what waited in the outbox goes now, in order
  }

  roomJoined(event, history) {
    if (this.freshJoin) {
      this.view.clearMessages();
      this.scrollback.joined(event.history, this.roomName(this.room));
    } else if (event.truncated) {
      this.view.addSystem('Some messages you missed are not shown.');
    }
    this.view.addMessages(history);
    event.history.forEach((m) => this.connection.seen(m.id));
    this.reads.drawn(history, this.freshJoin);
    this.freshJoin = false;
    this.checkRead();
  }

  /** @param {import('./destinations.js').ErrorEvent} event */
  refused(event) {
    if (this.outgoing.refused(event)) return; // a message of the outbox: it waits, or shows why it failed
    const fatal = this.joining ? joinRefusal(event, this.room) : null;
    if (fatal !== null) {
      this.view.showFatal(fatal);
      return;
    }
    if (this.dm?.olderFailed()) this.view.showLoadingOlder(false);
    this.view.showNotice(refusalNotice(event, this.channel.kind === 'dm'));
    // a link to nobody, or to something that is no public id: the room instead
    if ((event.code === 'unknown-user' || event.code === 'bad-request') && this.dm?.initial) this.showRoomInstead();
  }

  /** An event of the room this connection is in; only a room shown draws its messages. */
  roomEvent(event) {
    const shown = this.channel.kind === 'room';
    switch (event.type) {
      case 'message': {
        const message = shownRoomMessage(event, this.me);
        if (this.reads.received(message)) this.renderChannel();
        if (!shown) break; // the room is drawn afresh when it is shown again
        this.view.addMessages([message]);
        if (!message.mine) this.view.announce(spokenMessage(message));
        this.connection.seen(event.id);
        this.typers.stopped(event.username);
        this.checkRead();
        break;
      }
      case 'system':
        if (this.membership.announced(event) && shown && event.username !== this.me.name) this.view.addSystemEvent(event);
        break;
      case 'users': {
        // in a big room nobody is announced alone: the list says who came and went (a list
        // before the join's reply compares with nothing the page has shown yet)
        const { joined, left } = this.membership.update(event);
        if (!this.joining && shown) {
          this.view.addMembership(joined.filter((name) => name !== this.me.name), 'joined');
          this.view.addMembership(left, 'left');
        }
        (event.joinedMembers ?? []).forEach((member) => this.memberIds.set(member.name, member.id));
        (event.left ?? []).forEach((name) => this.memberIds.delete(name));
        this.showUsers(event.users);
        this.typers.keepOnly(event.users);
        break;
      }
      case 'typing':
        if (shown && event.username !== this.me.name) this.typers.update(event.username, event.typing);
        break;
      case 'reads':
        this.reads.update(event.reads);
        break;
    }
  }

  /** The room's users, with the public ids known for them. */
  showUsers(users) {
    this.users = users;
    const members = users.filter((name) => this.memberIds.has(name)).map((name) => ({ id: this.memberIds.get(name), name }));
    members.forEach((member) => {
      this.conversations.named(member);
      this.conversations.presence(member.id, true);
    });
    this.sidebar.renderUsers(users, members, this.me);
    this.reads.users(users);
    this.renderChannel();
  }

  /** Asks for the conversation shown: its newest page, or what came since the newest DM shown. */
  requestConversation() {
    if (this.dm && this.me.id !== null) this.connection.dmHistory(this.dm.peer, this.dm.catchUp()); // else the joined reply asks
  }

  /** Marks the room or conversation shown read up to the newest message on screen (a DM from them), the tab focused. */
  checkRead() {
    const dm = this.dm;
    if (!this.view.isAttended()) return;
    if (!dm) {
      if (!this.joining && this.reads.read(this.view.newestVisible('message'))) this.renderChannel();
      return;
    }
    const id = this.view.newestVisible('theirs');
    if (!dm.read(id)) return;
    this.conversations.read(dm.peer, id);
    this.connection.dmRead(dm.peer, id);
    this.renderChannel();
  }

  loadOlder() {
    if (this.dm) {
      const position = this.dm.older();
      if (position) {
        this.view.showLoadingOlder(true);
        this.connection.dmHistory(this.dm.peer, position);
      }
      return;
    }
    const room = { id: this.room, name: this.roomName(this.room) };
    this.scrollback.loadOlder(room, () => room.id === this.room && this.channel.kind === 'room', (m) => shownRoomMessage(m, this.me));
  }

  /**
   * Sends a message to the room or conversation shown: text, or an uploaded image (its id) with
   * the text as its caption, perhaps empty. It waits in the outbox until the server has it, across
   * drops and reloads. Returns whether it was taken (false only when the outbox is full).
   * @param {string} text
   * @param {string} [image]
   */
  send(text, image) {
    if (!this.outgoing.send(text, image)) {
      this.view.showNotice('Too many messages are waiting to be sent. Wait until the chat is connected again.');
      return false;
    }
    this.notifier.stop();
    return true;
  }

  /** The main panel's header, the rooms and conversations in the sidebar, and the tab's title. */
  renderChannel() {
    const open = this.dm?.peer ?? null;
    // the room this connection is in is counted by the page, the others by the server; the one shown has no badge
    this.sidebar.renderRooms(this.roomList, open === null ? this.channel.id : null,
      (id) => (id === this.room ? this.reads.unread() : this.unread.count(id)));
    const listed = this.conversations.listed();
    if (open !== null && !listed.some((c) => c.id === open)) {
      // a conversation not (or no longer) in your list is listed while it is shown
      listed.unshift({ id: open, name: this.conversations.nameOf(open), online: this.conversations.isOnline(open), unread: 0 });
    }
    this.sidebar.renderConversations(listed, open);
    if (open === null) {
      this.view.showRoomHeading(this.roomName(this.channel.id), this.users.length);
    } else {
      this.view.showConversationHeading(this.conversations.nameOf(open),
        { online: this.conversations.isOnline(open), blocked: this.dm.blocked });
    }
    this.renderTitle();
  }

  /** "Seen" under your newest DM the person shown has read. */
  renderSeen() {
    if (this.dm) this.reads.seenInConversation(this.conversations.seenUpTo(this.dm.peer));
  }

  /** "#General · LiveChat" or "Sam · LiveChat"; "(2) LiveChat" while the tab is hidden and messages are unread. */
  renderTitle() {
    const unread = this.conversations.totalUnread() + this.unread.total() + this.reads.unread();
    if (unread > 0 && this.view.isHidden()) {
      this.view.showTitle(`(${unread}) LiveChat`);
    } else if (this.channel.kind === 'room') {
      this.view.showTitle(`#${this.roomName(this.channel.id)} · LiveChat`);
    } else {
      this.view.showTitle(`${this.conversations.nameOf(this.channel.id) ?? 'Direct message'} · LiveChat`);
    }
  }

  roomName(id) {
    return this.roomList.find((r) => r.id === id)?.name ?? id;
  }
}

/**
 * Where a message goes, as the outbox and the drafts name it: "room:<id>" or "dm:<public id>".
 * @param {Channel} channel
 */
function placeOf(channel) {
  return `${channel.kind}:${channel.id}`;
}
