// Read positions on the chat page's message list: the "Seen by" lines, the "New messages" divider
// and the button that jumps to it. Beside view.js, whose list it draws in; names go in through
// textContent and attributes only.
import { isolated } from './lines.js';

/** More readers than this are counted, not named ("Seen by 12"), their names in a tooltip. */
const NAMED_READERS = 3;

export class ReadsView {
  /** @param {import('./view.js').ChatView} chat the view that owns the message list */
  constructor(chat, doc = document) {
    this.chat = chat;
    this.doc = doc;
    this.list = doc.getElementById('messages');
    this.jump = doc.getElementById('jump-unread');
    /** whether the divider has been on screen: then the button is not needed any more */
    this.dividerSeen = false;
    this.list.addEventListener('scroll', () => this.updateJump(), { passive: true });
    this.jump.addEventListener('click', () => {
      this.divider()?.scrollIntoView({ block: 'center' });
      this.updateJump();
    });
  }

  /** No divider, no "Seen by": a room drawn afresh, or a conversation shown. */
  clear() {
    this.divider()?.remove();
    this.list.querySelectorAll('.seen-by').forEach((line) => line.remove());
    this.jump.hidden = true;
  }

  /**
   * "Seen by" under the newest message shown that each reader has seen.
   * @param {{name:string, lastRead:number}[]} readers
   */
  showSeenBy(readers) {
    const stick = this.chat.isNearBottom();
    this.list.querySelectorAll('.seen-by').forEach((line) => line.remove());
    const messages = [...this.list.querySelectorAll('.message[data-id]')]; // in id order
    const ids = messages.map((item) => Number(item.dataset.id));
    /** @type {Map<number, string[]>} names by the index of the message they go under */
    const under = new Map();
    for (const { name, lastRead } of readers) {
      const index = lastAtMost(ids, lastRead);
      if (index < 0) continue; // seen only messages older than those shown
      if (!under.has(index)) under.set(index, []);
      under.get(index).push(name);
    }
    for (const [index, names] of under) messages[index].append(this.seenByLine(names.sort((a, b) => a.localeCompare(b))));
    if (stick) this.chat.scrollToBottom();
  }

  /**
   * "Seen" under the newest of your DMs shown that the other person has read (up to DM `id`;
   * 0: none, or receipts not shared).
   * @param {number} id
   */
  showSeen(id) {
    const stick = this.chat.isNearBottom();
    this.list.querySelectorAll('.seen-by').forEach((line) => line.remove());
    const yours = [...this.list.querySelectorAll('.message.mine[data-id]')]; // in id order
    const index = lastAtMost(yours.map((item) => Number(item.dataset.id)), id);
    if (id > 0 && index >= 0) {
      const line = this.doc.createElement('p');
      line.className = 'seen-by';
      line.textContent = 'Seen';
      yours[index].append(line);
    }
    if (stick) this.chat.scrollToBottom();
  }

  /** "Seen by Sam, Kim"; "Seen by 12", with the names in a tooltip and for a screen reader. */
  seenByLine(names) {
    const line = this.doc.createElement('p');
    line.className = 'seen-by';
    if (names.length <= NAMED_READERS) {
      line.append('Seen by ');
      names.forEach((name, i) => line.append(...(i > 0 ? [', '] : []), isolated(this.doc, name)));
      return line;
    }
    const all = names.join(', ');
    line.textContent = `Seen by ${names.length}`;
    line.tabIndex = 0;
    line.setAttribute('role', 'note');
    line.setAttribute('title', all);
    line.setAttribute('aria-label', `Seen by ${all}`);
    return line;
  }

  /** "New messages" above the message with id `beforeId` (shown already). */
  showDivider(beforeId) {
    this.divider()?.remove();
    const target = this.list.querySelector(`.message[data-id="${Number(beforeId)}"]`);
    if (!target) return;
    const stick = this.chat.isNearBottom();
    const item = this.doc.createElement('li');
    item.className = 'unread-divider';
    const label = this.doc.createElement('span');
    label.textContent = 'New messages';
    item.append(label);
    this.list.insertBefore(item, target);
    if (stick) this.chat.scrollToBottom();
    this.dividerSeen = false;
    this.updateJump();
  }

  divider() {
    return this.list.querySelector('.unread-divider');
  }

  /** The jump button, while the divider is off screen and has not been on it yet. */
  updateJump() {
    const divider = this.divider();
    if (divider && !this.dividerSeen && this.onScreen(divider)) this.dividerSeen = true;
    this.jump.hidden = !divider || this.dividerSeen;
  }

  onScreen(element) {
    const list = this.list.getBoundingClientRect();
    const rect = element.getBoundingClientRect();
    return rect.bottom > list.top && rect.top < list.bottom;
  }
}

/** The index of the last of the ascending `ids` at or below `id`; -1 when there is none. */
function lastAtMost(ids, id) {
  let low = 0;
  let high = ids.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (ids[middle] <= id) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
