// The chat page's direct-message events: a DM as it comes, a page of the conversation shown,
// your conversations' list and one entry of it, and someone coming or going. They change your
// list (ConversationList) and the conversation shown (OpenConversation), which ChatController
// owns with the drawing and the connection: it hands these events here. No DOM here.
import { shownDirectMessage, spokenMessage } from './shown-messages.js';

export class ConversationEvents {
  /** @param {import('./controller.js').ChatController} chat what both halves share: who you are, the connection, the views */
  constructor(chat) {
    this.chat = chat;
  }

  /** @returns {boolean} whether the event was a direct-message one (and is dealt with) */
  handle(event) {
    const chat = this.chat;
    switch (event.type) {
      case 'dm':
        this.received(event);
        return true;
      case 'dm-history':
        this.page(event);
        return true;
      case 'conversations':
        chat.conversations.replaceAll(event.conversations);
        chat.renderChannel();
        chat.renderSeen();
        chat.checkRead();
        return true;
      case 'conversation':
        chat.conversations.update(event);
        if (chat.dm?.peer === event.with.id) chat.dm.blocked = event.blocked;
        chat.renderChannel();
        chat.renderSeen();
        return true;
      case 'presence':
        chat.conversations.presence(event.user, event.online);
        chat.renderChannel();
        return true;
      default:
        return false;
    }
  }

  /** @param {import('./destinations.js').DirectHistoryEvent} event */
  page(event) {
    const { chat } = this;
    const dm = chat.dm;
    if (!dm || event.with !== dm.peer) return; // a late page of a conversation no longer shown
    chat.conversations.setBlocked(dm.peer, event.blocked);
    event.messages.forEach((m) => chat.conversations.named(m.from.id === dm.peer ? m.from : m.to));
    const shown = event.messages.map((m) => shownDirectMessage(m, chat.me));
    const { older, next } = dm.page(event);
    if (older) {
      chat.view.showLoadingOlder(false);
      chat.view.prependMessages(shown);
    } else {
      chat.view.addMessages(shown);
    }
    if (next) chat.connection.dmHistory(dm.peer, next); // a reconnect's catch-up has more
    if (!dm.hasOlder) chat.view.showConversationStart(chat.conversations.nameOf(dm.peer));
    chat.renderChannel();
    chat.renderSeen();
    chat.checkRead();
  }

  /** @param {import('./destinations.js').DirectMessage} dm */
  received(dm) {
    const { chat } = this;
    if (chat.me.id === null) return;
    const mine = dm.from.id === chat.me.id;
    const peer = mine ? dm.to.id : dm.from.id;
    if (!mine && chat.conversations.isBlocked(peer)) return;
    const listed = chat.conversations.has(peer);
    chat.conversations.received(dm, mine);
    if (!listed) chat.connection.conversations(); // a new conversation: the server's entry says more
    const shown = chat.dm?.peer === peer;
    if (!mine) chat.view.announce(shown ? spokenMessage(shownDirectMessage(dm, chat.me)) : `New direct message from ${dm.from.name}`);
    if (shown) {
      chat.view.addMessages([shownDirectMessage(dm, chat.me)]);
      chat.dm.received(dm.id);
      chat.renderSeen();
    }
    chat.renderChannel();
    chat.checkRead();
  }
}
