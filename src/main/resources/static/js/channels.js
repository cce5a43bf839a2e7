// What the main panel shows, and how a page address names it.

/** Public ids are opaque; a link's one must at least look like an id. */
const PUBLIC_ID = /^[\x21-\x7E]{1,100}$/;

/**
 * What the main panel shows: a room, or the conversation with one person (their public id).
 * @typedef {{kind:'room'|'dm', id:string}} Channel
 */

/**
 * The channel a page address names: `?room=general`, or `?dm=<public id>`; null for neither.
 * @param {URLSearchParams} params
 * @returns {Channel|null}
 */
export function channelFrom(params) {
  const peer = params.get('dm');
  if (peer !== null) return PUBLIC_ID.test(peer) ? { kind: 'dm', id: peer } : null;
  const room = params.get('room');
  return room ? { kind: 'room', id: room } : null;
}

/** The page address of a channel, for `username`. */
export function channelUrl(username, channel) {
  const key = channel.kind === 'room' ? 'room' : 'dm';
  return `chat.html?${new URLSearchParams({ username, [key]: channel.id })}`;
}
