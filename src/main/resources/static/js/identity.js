// Who this browser is: a persistent clientId (two tabs count as one user), the last name used and
// the last room joined.

const CLIENT_ID_KEY = 'livechat.clientId';
const NAME_KEY = 'livechat.username';
const ROOM_KEY = 'livechat.room';

/** The same 8-64 character id in every tab of this browser. */
export function clientId() {
  let id = read(CLIENT_ID_KEY);
  if (!id || !/^[\x21-\x7E]{8,64}$/.test(id)) {
    id = randomId();
    write(CLIENT_ID_KEY, id);
  }
  return id;
}

export function lastUsername() {
  return read(NAME_KEY) ?? '';
}

export function rememberUsername(name) {
  write(NAME_KEY, name);
}

/** The room this browser last showed, or null. */
export function lastRoom() {
  return read(ROOM_KEY);
}

export function rememberRoom(room) {
  write(ROOM_KEY, room);
}

function randomId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes); // randomUUID needs a secure context; this does not
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function read(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled: the page still works, without memory
  }
}

function write(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage disabled or full: nothing to remember then
  }
}
