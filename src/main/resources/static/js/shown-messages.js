// Room messages and direct messages as the main panel shows them (view.js, ShownMessage).

/**
 * @param {import('./destinations.js').ChatMessage} message
 * @param {{id:string|null, name:string}} me
 * @returns {import('./view.js').ShownMessage}
 */
export function shownRoomMessage(message, me) {
  return { id: message.id, author: message.username, text: message.text, timestamp: message.timestamp,
    mine: message.username === me.name };
}

/**
 * @param {import('./destinations.js').DirectMessage} dm
 * @param {{id:string|null, name:string}} me
 * @returns {import('./view.js').ShownMessage}
 */
export function shownDirectMessage(dm, me) {
  return { id: dm.id, author: dm.from.name, text: dm.text, timestamp: dm.timestamp, mine: dm.from.id === me.id };
}
