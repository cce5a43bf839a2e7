// The chat page's DOM, with sidebar-view.js: the only modules that touch it. User text goes in
// through textContent only, and every name and message text is isolated (<bdi>, dir="auto"), so
// that right-to-left writing, or a direction control in an old message, cannot reorder the
// author, time or words around it. A message's picture comes from ImageView.
import { isolated, membershipLine, systemEventLine, typingLine } from './lines.js';

const NEAR_BOTTOM_PX = 100;
const NEAR_TOP_PX = 80;

/**
 * A message as the main panel shows it, from a room or a conversation; `text` is an image's
 * caption, perhaps empty.
 * @typedef {{id:number, author:string, text:string, timestamp:number, mine:boolean, image:ShownImage|null}} ShownMessage
 * A message's picture: the server's paths for it and its thumbnail, its size and the thumbnail's,
 * and whether it is a conversation's (served only to its two people, so loaded as a blob).
 * @typedef {{url:string, thumbnailUrl:string, width:number, height:number,
 *   thumbnail:import('./destinations.js').Size, restricted:boolean}} ShownImage
 */

/** The main panel: the room or conversation shown, its header, the composer and the banners. */
export class ChatView {
  /** @param {import('./image-view.js').ImageView} images draws the messages' pictures */
  constructor(images, doc = document) {
    this.doc = doc;
    this.images = images;
    this.el = {
      app: doc.getElementById('app'),
      roomTitle: doc.getElementById('room-title'),
      roomCount: doc.getElementById('room-count'),
      messages: doc.getElementById('messages'),
      typing: doc.getElementById('typing'),
      form: doc.getElementById('composer'),
      input: doc.getElementById('message-input'),
      sendButton: doc.getElementById('send-button'),
      pill: doc.getElementById('new-messages'),
      banner: doc.getElementById('connection-banner'),
      notice: doc.getElementById('notice'),
      fatal: doc.getElementById('fatal'),
      fatalText: doc.getElementById('fatal-text'),
      block: doc.getElementById('block-button'),
      announcer: doc.getElementById('announcer'),
    };
    this.templates = {
      message: doc.getElementById('message-template'),
      system: doc.getElementById('system-template'),
    };
    this.messageIds = new Set();
    this.noticeTimer = null;
    /** @type {'connecting'|'connected'|'reconnecting'} */
    this.connectionState = 'connecting';
    this.el.messages.addEventListener('scroll', () => {
      if (this.isNearBottom()) this.el.pill.hidden = true;
      if (this.el.messages.scrollTop < NEAR_TOP_PX) this.onNearTop?.();
    });
    this.el.pill.addEventListener('click', () => this.scrollToBottom());
  }

  /** @param {(text:string)=>boolean} handler returns whether the text was sent */
  bindSend(handler) {
    const submit = () => {
      if (this.onSendAttached?.()) return; // an image goes, the text as its caption
      const text = this.el.input.value.trim();
      if (!text) return;
      if (handler(text)) {
        this.el.input.value = '';
        this.el.input.focus();
      }
    };
    this.el.form.addEventListener('submit', (e) => {
      e.preventDefault();
      submit();
    });
    this.el.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        submit();
      }
    });
  }

  /** @param {()=>boolean} handler Send was pressed: returns whether an attached image takes it */
  bindSendAttached(handler) {
    this.onSendAttached = handler;
  }

  /** What the message input says (an image's caption), trimmed. */
  draft() {
    return this.el.input.value.trim();
  }

  /** The message (an image and its caption) went: the input is empty again. */
  clearDraft() {
    this.el.input.value = '';
    this.el.input.focus();
  }

  /** What was typed here before and not sent: replaces what the input says. */
  showDraft(text) {
    this.el.input.value = text;
  }

  focusInput() {
    this.el.input.focus();
  }

  bindInput(handler) {
    this.el.input.addEventListener('input', () => handler(this.el.input.value));
  }

  /** @param {()=>void} handler called when the reader scrolls to the top of the list */
  bindNearTop(handler) {
    this.onNearTop = handler;
  }

  /** @param {()=>void} handler called when the reader scrolls the messages */
  bindScroll(handler) {
    this.el.messages.addEventListener('scroll', () => handler(), { passive: true });
  }

  /** @param {()=>void} handler called when the tab is shown or hidden, focused or left */
  bindAttention(handler) {
    this.doc.addEventListener('visibilitychange', () => handler());
    this.doc.defaultView.addEventListener('focus', () => handler());
    this.doc.defaultView.addEventListener('blur', () => handler());
  }

  /** @param {()=>void} handler */
  bindBlock(handler) {
    this.el.block.addEventListener('click', () => handler());
  }

  /** Whether the reader can see the page: the tab shown and focused. */
  isAttended() {
    return !this.doc.hidden && this.doc.hasFocus();
  }

  isHidden() {
    return this.doc.hidden;
  }

  showTitle(text) {
    if (this.doc.title !== text) this.doc.title = text;
  }

  /** The header of a room: "# General", "2 online". */
  showRoomHeading(name, users) {
    this.el.roomTitle.textContent = `# ${name}`;
    this.el.roomCount.textContent = users > 0 ? `${users} online` : '';
    this.el.block.hidden = true;
    this.el.input.setAttribute('placeholder', 'Type a message...');
  }

  /**
   * The header of a conversation: "@ Sam", whether they are online, and the block button.
   * @param {string|null} name null while the page does not know it yet
   * @param {{online:boolean, blocked:boolean}} state
   */
  showConversationHeading(name, { online, blocked }) {
    this.el.roomTitle.replaceChildren('@ ', name === null ? 'Direct message' : isolated(this.doc, name));
    this.el.roomCount.textContent = blocked ? 'blocked' : online ? 'online' : 'offline';
    this.el.block.hidden = false;
    this.el.block.textContent = blocked ? 'Unblock' : 'Block';
    this.el.block.setAttribute('aria-pressed', String(blocked));
    this.el.input.setAttribute('placeholder', name === null ? 'Type a message...' : `Message ${name}...`);
  }

  clearMessages() {
    this.images.clear();
    this.el.messages.replaceChildren(...this.el.messages.querySelectorAll(':scope > .outgoing')); // on their way still
    this.messageIds.clear();
    this.el.pill.hidden = true;
  }

  /**
   * Adds messages in id order; ones already shown are skipped.
   * @param {ShownMessage[]} messages
   */
  addMessages(messages) {
    const stick = this.isNearBottom();
    let added = false;
    for (const message of messages) {
      if (this.messageIds.has(message.id)) continue;
      this.messageIds.add(message.id);
      this.insertById(this.messageElement(message), message.id);
      added = true;
    }
    if (added) this.afterAppend(stick || messages.some((m) => m.mine));
  }

  /**
   * Adds older messages above the ones shown, keeping what the reader is looking at in place.
   * @param {ShownMessage[]} messages
   */
  prependMessages(messages) {
    const list = this.el.messages;
    const before = list.scrollHeight;
    const top = list.scrollTop;
    const fresh = messages.filter((m) => !this.messageIds.has(m.id));
    const items = fresh.map((m) => this.messageElement(m));
    fresh.forEach((m) => this.messageIds.add(m.id));
    const marker = list.querySelector('.history-start, .history-loading');
    list.insertBefore(this.fragment(items), marker ? marker.nextSibling : list.firstChild);
    list.scrollTop = top + (list.scrollHeight - before);
  }

  /** Says that the room's first message is shown. */
  showHistoryStart(roomName) {
    this.historyStart([`This is the beginning of #${roomName}.`]);
  }

  /** Says that a conversation's first message is shown. */
  showConversationStart(name) {
    this.historyStart(name === null ? ['This is the beginning of this conversation.']
      : ['This is the beginning of your conversation with ', isolated(this.doc, name), '.']);
  }

  historyStart(parts) {
    this.el.messages.querySelector('.history-loading')?.remove();
    if (this.el.messages.querySelector('.history-start')) return;
    const item = this.templates.system.content.firstElementChild.cloneNode(true);
    item.classList.add('history-start');
    item.querySelector('.system-text').replaceChildren(...parts);
    this.el.messages.prepend(item);
  }

  /**
   * The newest message on screen now, at least in part: from someone else, or from anyone.
   * @param {'theirs'|'message'} kind
   * @returns {number|null} its id
   */
  newestVisible(kind) {
    const list = this.el.messages.getBoundingClientRect();
    for (let node = this.el.messages.lastElementChild; node; node = node.previousElementSibling) {
      if (!node.classList.contains(kind)) continue;
      const rect = node.getBoundingClientRect();
      if (rect.bottom <= list.top) return null; // above the view: so are the ones before it
      if (rect.top < list.bottom) return Number(node.dataset.id);
    }
    return null;
  }

  showLoadingOlder(loading) {
    const existing = this.el.messages.querySelector('.history-loading');
    if (!loading) {
      existing?.remove();
      return;
    }
    if (existing) return;
    const item = this.templates.system.content.firstElementChild.cloneNode(true);
    item.classList.add('history-loading');
    item.querySelector('.system-text').textContent = 'Loading earlier messages...';
    this.el.messages.prepend(item);
  }

  fragment(items) {
    const fragment = this.doc.createDocumentFragment();
    fragment.append(...items);
    return fragment;
  }

  /** A line from the page itself, such as "Some messages you missed are not shown." */
  addSystem(text, timestamp) {
    this.appendSystem([text], timestamp);
  }

  /**
   * Someone joined or left: the server's line ("Alex joined #general") with the name isolated.
   * @param {import('./destinations.js').SystemEvent} event
   */
  addSystemEvent(event) {
    this.appendSystem(systemEventLine(this.doc, event), event.timestamp, { spoken: true });
  }

  /**
   * People who came or went without a line each (a big room): "Alex, Sam and 48 others joined".
   * @param {string[]} names
   * @param {'joined'|'left'} verb
   */
  addMembership(names, verb) {
    if (names.length > 0) this.appendSystem(membershipLine(this.doc, names, verb), Date.now(), { spoken: true });
  }

  appendSystem(parts, timestamp, { spoken = false } = {}) {
    if (spoken) this.announce(parts.map((part) => (typeof part === 'string' ? part : part.textContent)).join(''));
    const stick = this.isNearBottom();
    const item = this.templates.system.content.firstElementChild.cloneNode(true);
    item.querySelector('.system-text').replaceChildren(...parts);
    if (timestamp) item.querySelector('time').textContent = formatTime(timestamp);
    this.el.messages.insertBefore(item, this.firstOutgoing());
    this.afterAppend(stick);
  }

  showTyping(names) {
    this.el.typing.replaceChildren(...typingLine(this.doc, names));
  }

  /**
   * Says something to a screen reader, politely, once: a message from someone else as it comes
   * ("Sam: hello"), people coming and going, the connection lost and back. The last few lines stay
   * in the region; nothing else in the page is live.
   */
  announce(text) {
    const line = this.doc.createElement('p');
    line.textContent = text;
    this.el.announcer.append(line);
    while (this.el.announcer.childElementCount > 5) this.el.announcer.firstElementChild.remove();
  }

  /** @param {'connecting'|'connected'|'reconnecting'} state */
  showConnectionState(state) {
    if (state === 'reconnecting' && this.connectionState !== 'reconnecting') this.announce('Connection lost. Reconnecting...');
    if (state === 'connected' && this.connectionState === 'reconnecting') this.announce('Connected again.');
    this.connectionState = state;
    const banner = this.el.banner;
    banner.hidden = state === 'connected';
    banner.textContent = state === 'reconnecting'
      ? 'Connection lost. Reconnecting... What you send meanwhile goes once it is back.' : 'Connecting...';
    this.el.sendButton.disabled = false; // what is sent meanwhile waits in the outbox
  }

  showNotice(text) {
    this.el.notice.textContent = text;
    this.el.notice.hidden = false;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => { this.el.notice.hidden = true; }, 5000);
  }

  showFatal(text) {
    this.el.fatalText.textContent = text;
    this.el.fatal.hidden = false;
    this.el.app.setAttribute('aria-hidden', 'true');
    this.el.fatal.querySelector('a').focus();
  }

  /** @param {ShownMessage} message */
  messageElement(message) {
    const item = this.templates.message.content.firstElementChild.cloneNode(true);
    item.dataset.id = String(message.id);
    item.classList.add(message.mine ? 'mine' : 'theirs');
    item.querySelector('.author').textContent = message.author;
    const text = item.querySelector('.text');
    text.textContent = message.text;
    if (message.image) {
      item.classList.add('with-image');
      text.before(this.images.thumbnail(message.image, { caption: message.text, author: message.author }));
      text.hidden = !message.text;
    }
    const time = item.querySelector('time');
    time.textContent = formatTime(message.timestamp);
    time.dateTime = new Date(message.timestamp).toISOString();
    item.querySelector('.status').hidden = !message.mine; // stored: every message of yours the server sends is
    return item;
  }

  /** Puts a message in id order, above your messages on their way. */
  insertById(element, id) {
    const list = this.el.messages;
    let before = this.firstOutgoing();
    for (let node = before ? before.previousElementSibling : list.lastElementChild; node; node = node.previousElementSibling) {
      if (node.dataset.id === undefined) continue;
      if (Number(node.dataset.id) > id) before = node;
      else break;
    }
    list.insertBefore(element, before);
  }

  /** The first of your messages on their way (OutgoingView draws them below the rest), or null. */
  firstOutgoing() {
    return this.el.messages.querySelector(':scope > .outgoing');
  }

  afterAppend(stick) {
    if (stick) this.scrollToBottom();
    else this.el.pill.hidden = false;
  }

  isNearBottom() {
    const list = this.el.messages;
    return list.scrollHeight - list.scrollTop - list.clientHeight <= NEAR_BOTTOM_PX;
  }

  scrollToBottom() {
    this.el.messages.scrollTop = this.el.messages.scrollHeight;
    this.el.pill.hidden = true;
  }
}

function formatTime(timestamp) {
  const date = new Date(timestamp);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
