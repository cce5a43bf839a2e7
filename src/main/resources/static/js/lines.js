// The page's own sentences around people's names ("Alex joined #general", "Alex and Sam are
// typing..."): lists of plain strings and isolated names (<bdi>), for a view to put in an element
// with replaceChildren. Names go in through textContent only.
import { summarize } from './membership.js';

/** A name isolated from the words around it. */
export function isolated(doc, name) {
  const bdi = doc.createElement('bdi');
  bdi.textContent = name;
  return bdi;
}

/**
 * The server's line ("Alex joined #general") with the name isolated.
 * @param {import('./destinations.js').SystemEvent} event
 */
export function systemEventLine(doc, { username, text }) {
  return username && text.startsWith(username)
    ? [isolated(doc, username), text.slice(username.length)]
    : [text];
}

/**
 * People who came or went without a line each (a big room): "Alex, Sam and 48 others joined".
 * @param {string[]} names at least one
 * @param {'joined'|'left'} verb
 */
export function membershipLine(doc, names, verb) {
  const { shown, others } = summarize(names);
  const parts = [];
  shown.forEach((name, i) => {
    if (i > 0) parts.push(i === shown.length - 1 && others === 0 ? ' and ' : ', ');
    parts.push(isolated(doc, name));
  });
  if (others > 0) parts.push(` and ${others} ${others === 1 ? 'other' : 'others'}`);
  parts.push(` ${verb}`);
  return parts;
}

/** "Alex is typing...", "Alex and Sam are typing...", "Several people are typing...", or nothing. */
export function typingLine(doc, names) {
  const [first, second] = names.map((name) => isolated(doc, name));
  if (names.length === 1) return [first, ' is typing...'];
  if (names.length === 2) return [first, ' and ', second, ' are typing...'];
  if (names.length > 2) return ['Several people are typing...'];
  return [];
}
