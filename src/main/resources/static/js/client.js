// The chat page's composition root: reads the URL, wires the connection to the view.
import { ChatConnection } from './connection.js';
import { ChatView } from './view.js';
import { TypingTracker, TypingNotifier } from './typing.js';
import { MembershipDigest } from './membership.js';
import { clientId, rememberUsername } from './identity.js';
import { validUsername } from './validation.js';

const JOIN_ERRORS = {
  'username-taken': (room) => `Someone in #${room} is already using that name. Please pick another one.`,
  'invalid-username': (room, reason) => `That name is not allowed. ${reason ?? 'Use 2 to 20 letters, digits, spaces, "_", "-" or ".".'}`,
  'unknown-room': (room) => `There is no room called "${room}".`,
  'bad-request': () => 'The chat could not understand this page. Please reload it.',
  'rate-limited': () => 'Too many joins in a short time. Wait a moment, then try again.',
  unavailable: () => 'The chat cannot load its history right now. Please try again in a moment.',
};

// Refusals of a message; any other (invalid-message: what is wrong with the text) shows the
// server's own words.
const NOTICES = {
  'rate-limited': 'You are sending messages too fast. That message was not sent.',
  'message-too-long': 'That message is too long (1000 characters at most).',
  'not-joined': 'You are not in this room any more. Reconnecting...',
  unavailable: 'Messages cannot be stored right now, so that one was not sent. Please try again in a moment.',
};

async function main() {
  const params = new URLSearchParams(location.search);
  const username = validUsername(params.get('username'));
  let room = params.get('room');
  const rooms = await fetchRooms();
  if (!username || !rooms.some((r) => r.id === room)) {
    location.replace('index.html');
    return;
  }
  rememberUsername(username);

  const view = new ChatView();
  let roomList = rooms;
  let me = username;
  let freshJoin = true;
  let joining = true;
  let sentText = null;
  // scrolling back: the oldest id shown, whether older ones exist, and a fetch in flight
  const older = { oldestId: null, hasMore: false, loading: false };

  const typers = new TypingTracker((names) => view.showTyping(names));
  const membership = new MembershipDigest();
  const connection = new ChatConnection({
    username,
    clientId: clientId(),
    onState: (state) => view.showConnectionState(state),
    onRooms: (event) => {
      roomList = event.rooms;
      view.renderRooms(roomList, room);
    },
    onOwnEvent: (event) => {
      if (event.type === 'joined') {
        if (event.room !== room) return; // a late reply for a room already switched away from
        joining = false;
        me = event.username;
        if (freshJoin) {
          view.clearMessages();
          older.oldestId = event.history[0]?.id ?? null;
          older.hasMore = event.history.length > 0 && event.history[0].id > 1;
          if (!older.hasMore) view.showHistoryStart(roomName(room));
        } else if (event.truncated) {
          view.addSystem('Some messages you missed are not shown.');
        }
        view.addMessages(event.history, me);
        event.history.forEach((m) => connection.seen(m.id));
        view.renderUsers(event.users, me);
        typers.keepOnly(event.users);
        membership.reset(event.users);
        freshJoin = false;
      } else if (event.type === 'error') {
        if (joining && JOIN_ERRORS[event.code]) {
          view.showFatal(JOIN_ERRORS[event.code](room, event.message));
        } else {
          if ((event.code === 'rate-limited' || event.code === 'unavailable') && sentText) view.restoreDraft(sentText);
          view.showNotice(NOTICES[event.code] ?? event.message);
        }
      }
    },
    onRoomEvent: (event) => {
      switch (event.type) {
        case 'message':
          view.addMessages([event], me);
          connection.seen(event.id);
          typers.stopped(event.username);
          break;
        case 'system':
          if (membership.announced(event) && event.username !== me) view.addSystemEvent(event);
          break;
        case 'users': {
          // in a big room nobody is announced alone: the list says who came and went (a list
          // before the join's reply compares with nothing the page has shown yet)
          const { joined, left } = membership.update(event);
          if (!joining) {
            view.addMembership(joined.filter((name) => name !== me), 'joined');
            view.addMembership(left, 'left');
          }
          view.renderUsers(event.users, me);
          typers.keepOnly(event.users);
          break;
        }
        case 'typing':
          if (event.username !== me) typers.update(event.username, event.typing);
          break;
      }
    },
  });
  const notifier = new TypingNotifier((typing) => connection.typing(typing));

  const switchRoom = (target, { push }) => {
    if (target === room || !roomList.some((r) => r.id === target)) return;
    notifier.stop();
    room = target;
    freshJoin = true;
    joining = true;
    Object.assign(older, { oldestId: null, hasMore: false, loading: false });
    typers.clear();
    view.clearMessages();
    view.renderRooms(roomList, room);
    if (push) history.pushState({ room }, '', `chat.html?${new URLSearchParams({ username, room })}`);
    connection.switchRoom(room);
  };

  const roomName = (id) => roomList.find((r) => r.id === id)?.name ?? id;

  const loadOlder = async () => {
    if (older.loading || !older.hasMore || older.oldestId === null) return;
    older.loading = true;
    const forRoom = room;
    view.showLoadingOlder(true);
    try {
      const page = await fetchOlder(forRoom, older.oldestId);
      if (forRoom !== room) return; // switched rooms meanwhile
      view.showLoadingOlder(false);
      view.prependMessages(page.messages, me);
      if (page.messages.length > 0) older.oldestId = page.messages[0].id;
      older.hasMore = page.hasMore && page.messages.length > 0;
      if (!older.hasMore) view.showHistoryStart(roomName(room));
    } catch {
      view.showLoadingOlder(false);
      view.showNotice('Earlier messages could not be loaded. Scroll up to try again.');
    } finally {
      older.loading = false;
    }
  };

  view.renderRooms(roomList, room);
  view.bindNearTop(loadOlder);
  view.bindRoomSelect((target) => switchRoom(target, { push: true }));
  view.bindInput((value) => (value.trim() ? notifier.typed() : notifier.stop()));
  view.bindSend((text) => {
    if (!connection.say(text)) return false;
    sentText = text;
    notifier.stop();
    return true;
  });
  window.addEventListener('popstate', () => {
    const target = new URLSearchParams(location.search).get('room');
    if (target) switchRoom(target, { push: false });
  });
  history.replaceState({ room }, '', location.href);
  connection.start(room);
}

async function fetchOlder(room, beforeId) {
  const response = await fetch(`/api/rooms/${encodeURIComponent(room)}/messages?before=${beforeId}&limit=50`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

async function fetchRooms() {
  try {
    const response = await fetch('/api/rooms');
    return response.ok ? await response.json() : [];
  } catch {
    return [];
  }
}

main();
