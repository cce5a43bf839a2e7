// Who came and went, for the lines a big room shows instead of one line per person.

/**
 * Keeps the room's user list as the page knows it, and which arrivals and departures the
 * server announced one by one (`system` events, sent while a room is small). A `users` list
 * names everyone who joined or left since the previous list: those not announced already make
 * the compact lines ("Alex, Sam and 48 others joined").
 */
export class MembershipDigest {
  constructor() {
    this.present = new Set();
    this.heard = { joined: new Set(), left: new Set() };
    this.shown = { joined: new Set(), left: new Set() };
  }

  /** The list the join's reply gave: the room as the page starts from it. */
  reset(users) {
    this.present = new Set(users);
    this.heard.joined.clear();
    this.heard.left.clear();
    this.shown.joined.clear();
    this.shown.left.clear();
  }

  /**
   * One person's announced arrival or departure.
   * @param {import('./destinations.js').SystemEvent} event
   * @returns {boolean} whether to show it: not if the last compact line named them already (with
   * several servers, a list can overtake another server's announcement)
   */
  announced(event) {
    if (this.shown[event.event]?.has(event.username)) return false;
    this.heard[event.event]?.add(event.username);
    return true;
  }

  /**
   * @param {import('./destinations.js').UsersEvent} event
   * @returns {{joined: string[], left: string[]}} who came and went without a line of their own
   */
  update(event) {
    const joined = (event.joined ?? []).filter((name) => !this.present.has(name) && !this.heard.joined.has(name));
    const left = (event.left ?? []).filter((name) => this.present.has(name) && !this.heard.left.has(name));
    this.reset(event.users);
    joined.forEach((name) => this.shown.joined.add(name));
    left.forEach((name) => this.shown.left.add(name));
    return { joined, left };
  }
}

/**
 * "Alex joined", "Alex and Sam joined", "Alex, Sam and 48 others joined": the names shown (at
 * most two) and how many more.
 * @param {string[]} names
 * @returns {{shown: string[], others: number}}
 */
export function summarize(names) {
  if (names.length <= 3) return { shown: names, others: 0 };
  return { shown: names.slice(0, 2), others: names.length - 2 };
}
