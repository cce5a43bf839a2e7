// The chat page's side panels: rooms, direct messages, who is online, and their folding on a
// phone. Rooms and conversations are links (to their page address, so a middle click opens a
// tab); counts are spoken as words. Names go in through textContent (isolated in <bdi>), ids
// through dataset only.

/**
 * A conversation as the sidebar lists it.
 * @typedef {{id:string, name:string|null, online:boolean, unread:number}} ListedConversation
 */

export class SidebarView {
  /**
   * @param {(channel:import('./channels.js').Channel)=>string} href the page address of a room or conversation
   */
  constructor(href, doc = document) {
    this.doc = doc;
    this.href = href;
    this.el = {
      app: doc.getElementById('app'),
      rooms: doc.getElementById('room-list'),
      conversations: doc.getElementById('dm-list'),
      conversationsEmpty: doc.getElementById('dm-empty'),
      users: doc.getElementById('user-list'),
      usersTitle: doc.getElementById('users-title'),
      toggleRooms: doc.getElementById('toggle-rooms'),
      toggleUsers: doc.getElementById('toggle-users'),
      scrim: doc.getElementById('scrim'),
    };
    this.templates = {
      room: doc.getElementById('room-template'),
      conversation: doc.getElementById('conversation-template'),
      user: doc.getElementById('user-template'),
    };
    this.el.toggleRooms.addEventListener('click', () => this.togglePanel('rooms-open'));
    this.el.toggleUsers.addEventListener('click', () => this.togglePanel('users-open'));
    this.el.scrim.addEventListener('click', () => this.closePanels());
    doc.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.closePanels();
    });
  }

  /** @param {(roomId:string)=>void} handler */
  bindRoomSelect(handler) {
    this.delegate(this.el.rooms, 'room', handler);
  }

  /** @param {(publicId:string)=>void} handler a conversation picked in the list */
  bindConversationSelect(handler) {
    this.delegate(this.el.conversations, 'dm', handler);
  }

  /** @param {(publicId:string)=>void} handler someone else picked in the online list */
  bindUserSelect(handler) {
    this.delegate(this.el.users, 'user', handler);
  }

  delegate(list, key, handler) {
    list.addEventListener('click', (e) => {
      const target = e.target.closest(`[data-${key}]`);
      if (!target || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || e.button !== 0) return; // a new tab or window: the link's own
      e.preventDefault();
      this.closePanels();
      handler(target.dataset[key]);
    });
  }

  /**
   * @param {import('./destinations.js').RoomSummary[]} rooms
   * @param {string|null} currentId the room shown, none while a conversation is
   * @param {(roomId:string)=>number} unread a room's unread count
   */
  renderRooms(rooms, currentId, unread) {
    const items = rooms.map((room) => {
      const item = this.templates.room.content.firstElementChild.cloneNode(true);
      const link = item.querySelector('a');
      link.dataset.room = room.id;
      link.href = this.href({ kind: 'room', id: room.id });
      link.querySelector('.room-name').textContent = `# ${room.name}`;
      link.querySelector('.badge.users').textContent = String(room.users);
      const count = room.id === currentId ? 0 : unread(room.id);
      showUnread(link.querySelector('.badge.unread'), count);
      link.querySelector('.counts').textContent = `, ${room.users} online${count > 0 ? `, ${count} unread` : ''}`;
      markCurrent(link, room.id === currentId);
      return item;
    });
    this.el.rooms.replaceChildren(...items);
  }

  /**
   * @param {ListedConversation[]} conversations newest first
   * @param {string|null} currentId the conversation shown, if one is
   */
  renderConversations(conversations, currentId) {
    const items = conversations.map(({ id, name, online, unread }) => {
      const item = this.templates.conversation.content.firstElementChild.cloneNode(true);
      const link = item.querySelector('a');
      link.dataset.dm = id;
      link.href = this.href({ kind: 'dm', id });
      link.querySelector('.dm-name').textContent = name ?? 'Someone';
      link.querySelector('.presence-dot').classList.toggle('offline', !online);
      link.querySelector('.presence-text').textContent = online ? ', online' : ', offline';
      showUnread(link.querySelector('.badge'), unread);
      link.querySelector('.counts').textContent = unread > 0 ? `, ${unread} unread` : '';
      markCurrent(link, id === currentId);
      return item;
    });
    this.el.conversations.replaceChildren(...items);
    this.el.conversationsEmpty.hidden = items.length > 0;
  }

  /**
   * Who is in the room; everyone else's name is a button that opens a conversation with them
   * (when the server gave their public ids).
   * @param {string[]} users
   * @param {import('./destinations.js').Member[]|undefined} members the same users with their ids
   * @param {{id:string|null, name:string}} me
   */
  renderUsers(users, members, me) {
    const ids = new Map((members ?? []).map((member) => [member.name, member.id]));
    const items = users.map((name) => {
      const item = this.templates.user.content.firstElementChild.cloneNode(true);
      const button = item.querySelector('.user-name');
      button.querySelector('bdi').textContent = name;
      const id = ids.get(name) ?? null;
      if (name === me.name || (id !== null && id === me.id)) {
        item.classList.add('me');
        button.disabled = true;
      } else if (id === null) {
        button.disabled = true;
      } else {
        button.dataset.user = id;
        button.setAttribute('title', `Send ${name} a direct message`);
      }
      return item;
    });
    this.el.users.replaceChildren(...items);
    this.el.usersTitle.textContent = `Online now · ${users.length}`;
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

/** The number as a badge; a screen reader hears it from the link's words instead. */
function showUnread(badge, unread) {
  badge.hidden = unread === 0;
  badge.textContent = String(unread);
}

function markCurrent(link, current) {
  link.classList.toggle('active', current);
  if (current) link.setAttribute('aria-current', 'page');
}
