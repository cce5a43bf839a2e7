// The chat page's DOM: the only module that touches it. User text goes in through textContent only,
// and every name and message text is isolated (<bdi>, dir="auto"), so that right-to-left writing,
// or a direction control in an old message, cannot reorder the author, time or words around it.
import { summarize } from './membership.js';

const NEAR_BOTTOM_PX = 100;
const NEAR_TOP_PX = 80;

export class ChatView {
  constructor(doc = document) {
    this.doc = doc;
    this.el = {
      app: doc.getElementById('app'),
      rooms: doc.getElementById('room-list'),
      roomTitle: doc.getElementById('room-title'),
      roomCount: doc.getElementById('room-count'),
      messages: doc.getElementById('messages'),
      typing: doc.getElementById('typing'),
      users: doc.getElementById('user-list'),
      usersTitle: doc.getElementById('users-title'),
      form: doc.getElementById('composer'),
      input: doc.getElementById('message-input'),
      sendButton: doc.getElementById('send-button'),
      pill: doc.getElementById('new-messages'),
      banner: doc.getElementById('connection-banner'),
      notice: doc.getElementById('notice'),
      fatal: doc.getElementById('fatal'),
      fatalText: doc.getElementById('fatal-text'),
      toggleRooms: doc.getElementById('toggle-rooms'),
      toggleUsers: doc.getElementById('toggle-users'),
      scrim: doc.getElementById('scrim'),
    };
    this.templates = {
      message: doc.getElementById('message-template'),
      system: doc.getElementById('system-template'),
      room: doc.getElementById('room-template'),
      user: doc.getElementById('user-template'),
    };
    this.messageIds = new Set();
    this.noticeTimer = null;
    this.el.messages.addEventListener('scroll', () => {
      if (this.isNearBottom()) this.el.pill.hidden = true;
      if (this.el.messages.scrollTop < NEAR_TOP_PX) this.onNearTop?.();
    });
    this.el.pill.addEventListener('click', () => this.scrollToBottom());
    this.el.toggleRooms.addEventListener('click', () => this.togglePanel('rooms-open'));
    this.el.toggleUsers.addEventListener('click', () => this.togglePanel('users-open'));
    this.el.scrim.addEventListener('click', () => this.closePanels());
    doc.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.closePanels();
    });
  }

  /** @param {(text:string)=>boolean} handler returns whether the text was sent */
  bindSend(handler) {
    const submit = () => {
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

  bindInput(handler) {
    this.el.input.addEventListener('input', () => handler(this.el.input.value));
  }

  /** @param {()=>void} handler called when the reader scrolls to the top of the list */
  bindNearTop(handler) {
    this.onNearTop = handler;
  }

  /** @param {(roomId:string)=>void} handler */
  bindRoomSelect(handler) {
    this.el.rooms.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-room]');
      if (button) {
        this.closePanels();
        handler(button.dataset.room);
      }
    });
  }

  /** @param {import('./destinations.js').RoomSummary[]} rooms */
  renderRooms(rooms, currentId) {
    const items = rooms.map((room) => {
      const item = this.templates.room.content.firstElementChild.cloneNode(true);
      const button = item.querySelector('button');
      button.dataset.room = room.id;
      button.querySelector('.room-name').textContent = `# ${room.name}`;
      button.querySelector('.badge').textContent = String(room.users);
      button.querySelector('.badge').setAttribute('aria-label', `${room.users} online`);
      if (room.id === currentId) {
        button.classList.add('active');
        button.setAttribute('aria-current', 'page');
      }
      return item;
    });
    this.el.rooms.replaceChildren(...items);
    const current = rooms.find((room) => room.id === currentId);
    if (current) {
      this.el.roomTitle.textContent = `# ${current.name}`;
      this.doc.title = `#${current.name} · LiveChat`;
    }
  }

  renderUsers(users, me) {
    const items = users.map((name) => {
      const item = this.templates.user.content.firstElementChild.cloneNode(true);
      item.querySelector('.user-name bdi').textContent = name;
      if (name === me) item.classList.add('me');
      return item;
    });
    this.el.users.replaceChildren(...items);
    const count = `${users.length} online`;
    this.el.roomCount.textContent = count;
    this.el.usersTitle.textContent = `Online now · ${users.length}`;
  }

  clearMessages() {
    this.el.messages.replaceChildren();
    this.messageIds.clear();
    this.el.pill.hidden = true;
  }

  /**
   * Adds messages in id order; ones already shown are skipped.
   * @param {import('./destinations.js').ChatMessage[]} messages
   */
  addMessages(messages, me) {
    const stick = this.isNearBottom();
    let added = false;
    for (const message of messages) {
      if (this.messageIds.has(message.id)) continue;
      this.messageIds.add(message.id);
      this.insertById(this.messageElement(message, me), message.id);
      added = true;
    }
    if (added) this.afterAppend(stick || messages.some((m) => m.username === me));
  }

  /**
   * Adds older messages above the ones shown, keeping what the reader is looking at in place.
   * @param {import('./destinations.js').ChatMessage[]} messages
   */
  prependMessages(messages, me) {
    const list = this.el.messages;
    const before = list.scrollHeight;
    const top = list.scrollTop;
    const fresh = messages.filter((m) => !this.messageIds.has(m.id));
    const items = fresh.map((m) => this.messageElement(m, me));
    fresh.forEach((m) => this.messageIds.add(m.id));
    const marker = list.querySelector('.history-start, .history-loading');
    list.insertBefore(this.fragment(items), marker ? marker.nextSibling : list.firstChild);
    list.scrollTop = top + (list.scrollHeight - before);
  }

  /** Says that the room's first message is shown. */
  showHistoryStart(roomName) {
    this.el.messages.querySelector('.history-loading')?.remove();
    if (this.el.messages.querySelector('.history-start')) return;
    const item = this.templates.system.content.firstElementChild.cloneNode(true);
    item.classList.add('history-start');
    item.querySelector('.system-text').textContent = `This is the beginning of #${roomName}.`;
    this.el.messages.prepend(item);
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
    const { username, text } = event;
    const parts = username && text.startsWith(username)
      ? [this.isolated(username), text.slice(username.length)]
      : [text];
    this.appendSystem(parts, event.timestamp);
  }

  /**
   * People who came or went without a line each (a big room): "Alex, Sam and 48 others joined".
   * @param {string[]} names
   * @param {'joined'|'left'} verb
   */
  addMembership(names, verb) {
    if (names.length === 0) return;
    const { shown, others } = summarize(names);
    const parts = [];
    shown.forEach((name, i) => {
      if (i > 0) parts.push(i === shown.length - 1 && others === 0 ? ' and ' : ', ');
      parts.push(this.isolated(name));
    });
    if (others > 0) parts.push(` and ${others} ${others === 1 ? 'other' : 'others'}`);
    parts.push(` ${verb}`);
    this.appendSystem(parts, Date.now());
  }

  appendSystem(parts, timestamp) {
    const stick = this.isNearBottom();
    const item = this.templates.system.content.firstElementChild.cloneNode(true);
    item.querySelector('.system-text').replaceChildren(...parts);
    if (timestamp) item.querySelector('time').textContent = formatTime(timestamp);
    this.el.messages.append(item);
    this.afterAppend(stick);
  }

  showTyping(names) {
    const [first, second] = names.map((name) => this.isolated(name));
    let parts = [];
    if (names.length === 1) parts = [first, ' is typing...'];
    else if (names.length === 2) parts = [first, ' and ', second, ' are typing...'];
    else if (names.length > 2) parts = ['Several people are typing...'];
    this.el.typing.replaceChildren(...parts);
  }

  /** A name in a line of the page's own words, isolated from them. */
  isolated(name) {
    const bdi = this.doc.createElement('bdi');
    bdi.textContent = name;
    return bdi;
  }

  /** @param {'connecting'|'connected'|'reconnecting'} state */
  showConnectionState(state) {
    const banner = this.el.banner;
    banner.hidden = state === 'connected';
    banner.textContent = state === 'reconnecting' ? 'Connection lost. Reconnecting...' : 'Connecting...';
    this.el.sendButton.disabled = state !== 'connected';
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

  restoreDraft(text) {
    if (!this.el.input.value) this.el.input.value = text;
  }

  messageElement(message, me) {
    const item = this.templates.message.content.firstElementChild.cloneNode(true);
    item.dataset.id = String(message.id);
    item.classList.add(message.username === me ? 'mine' : 'theirs');
    item.querySelector('.author').textContent = message.username;
    item.querySelector('.text').textContent = message.text;
    const time = item.querySelector('time');
    time.textContent = formatTime(message.timestamp);
    time.dateTime = new Date(message.timestamp).toISOString();
    return item;
  }

  insertById(element, id) {
    const list = this.el.messages;
    let before = null;
    for (let node = list.lastElementChild; node; node = node.previousElementSibling) {
      if (node.dataset.id === undefined) continue;
      if (Number(node.dataset.id) > id) before = node;
      else break;
    }
    list.insertBefore(element, before);
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

  togglePanel(name) {
    const open = !this.el.app.classList.contains(name);
    this.closePanels();
    this.el.app.classList.toggle(name, open);
    this.el.scrim.hidden = !open;
  }

  closePanels() {
    this.el.app.classList.remove('rooms-open', 'users-open');
    this.el.scrim.hidden = true;
  }
}

function formatTime(timestamp) {
  const date = new Date(timestamp);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
