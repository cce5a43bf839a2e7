// The server's rules for names (io.livechat.chat.Username), checked before anything is sent.

const NAME = /^[\p{L}\p{Nd} _.-]{2,20}$/u;

/** The name as the server will see it (trimmed, NFC), or null when it breaks the rules. */
export function validUsername(raw) {
  const name = (raw ?? '').trim().normalize('NFC');
  return NAME.test(name) ? name : null;
}

/** Why a name is refused, in plain words; null when it is fine. */
export function usernameProblem(raw) {
  const name = (raw ?? '').trim().normalize('NFC');
  const length = [...name].length;
  if (length === 0) return 'Please enter a name.';
  if (length < 2 || length > 20) return 'A name is 2 to 20 characters long.';
  if (!NAME.test(name)) return 'Use only letters, digits, spaces, "_", "-" and ".".';
  return null;
}

export const MAX_MESSAGE_LENGTH = 1000;
