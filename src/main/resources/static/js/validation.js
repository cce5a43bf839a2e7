// The server's rules for names (io.livechat.chat.Username), as far as a page can check them
// before anything is sent. The server has the last word: it also refuses names that mix
// scripts, and names that look like someone's already in the room, and says why.

/** Letters (each with at most a few marks), digits, space, "_", "-" and ".". */
const NAME = /^(?:\p{L}\p{M}*|[\p{Nd} _.-])+$/u;

/** Invisible characters: default-ignorable code points and blank-looking fillers. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u115F\u1160\u3164\uFFA0\u2800\u{16FE4}]/u;

/** More combining marks stacked on one letter than the server allows (4). */
const STACKED_MARKS = /[\p{Mn}\p{Me}]{5}/u;

/** The name as the server will see it: trimmed, NFC, runs of spaces collapsed to one. */
function normalized(raw) {
  return (raw ?? '').trim().normalize('NFC').replace(/ {2,}/g, ' ');
}

/** The name as the server will see it, or null when it breaks the rules. */
export function validUsername(raw) {
  const name = normalized(raw);
  return usernameProblem(name) === null ? name : null;
}

/** Why a name is refused, in plain words; null when it is fine. */
export function usernameProblem(raw) {
  const name = normalized(raw);
  const length = [...name].length;
  if (length === 0) return 'Please enter a name.';
  if (INVISIBLE.test(name)) return 'A name cannot contain invisible or blank characters.';
  if (length < 2 || length > 20) return 'A name is 2 to 20 characters long.';
  if (!NAME.test(name)) return 'Use only letters, digits, spaces, "_", "-" and ".".';
  if (STACKED_MARKS.test(name)) return 'A letter can carry at most 4 accents or marks.';
  return null;
}

export const MAX_MESSAGE_LENGTH = 1000;
