// Who this browser is: a persistent clientId (two tabs count as one user) and the last name used.

const CLIENT_ID_KEY = 'livechat.clientId';
const NAME_KEY = 'livechat.username';

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
