// What the chat page says when the server refuses something (docs/protocol.md, error codes).

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
  'unknown-image': 'That image cannot be sent (it was sent already, or it is not yours). Please attach it again.',
};

// The same in a conversation, where some mean something else.
const DIRECT_NOTICES = {
  ...NOTICES,
  'rate-limited': 'You are sending messages too fast, or have started too many new conversations. That message was not sent.',
  'not-joined': 'You are not connected yet, so direct messages cannot be sent. Reconnecting...',
  'unknown-user': 'There is nobody with that id on LiveChat.',
};

/**
 * Why a join failed, for the page to stop on; null for a refusal the page lives with.
 * @param {import('./destinations.js').ErrorEvent} error
 */
export function joinRefusal(error, room) {
  return JOIN_ERRORS[error.code]?.(room, error.message) ?? null;
}

/**
 * A refused command, as a passing notice.
 * @param {import('./destinations.js').ErrorEvent} error
 * @param {boolean} inConversation whether a conversation is shown
 */
export function refusalNotice(error, inConversation) {
  return (inConversation ? DIRECT_NOTICES : NOTICES)[error.code] ?? error.message;
}
