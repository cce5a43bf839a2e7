// Who has seen what in the room shown (protocol v1.3): everyone's read position, from the joined
// reply and the room's `reads` events, and where each "Seen by" line goes.

export class RoomReads {
  constructor() {
    /** @type {Map<string, {name:string, lastRead:number}>} by public id */
    this.positions = new Map();
  }

  /** @param {import('./destinations.js').ReadPosition[]} reads the joined reply's */
  reset(reads) {
    this.positions = new Map();
    this.update(reads);
  }

  /** @param {import('./destinations.js').ReadPosition[]} reads positions that moved (0: no longer shown) */
  update(reads) {
    for (const { id, name, lastRead } of reads ?? []) {
      if (lastRead > 0) this.positions.set(id, { name, lastRead });
      else this.positions.delete(id);
    }
  }

  /**
   * Under which message each person's "Seen by" goes: the newest shown one they have read.
   * @param {number[]} shownIds the room's messages on the page, oldest first
   * @param {string|null} me your own id, never listed
   * @returns {Map<number, string[]>} names, sorted, by message id
   */
  seenBy(shownIds, me) {
    const lines = new Map();
    for (const [id, { name, lastRead }] of this.positions) {
      if (id === me) continue;
      const under = newestAtMost(shownIds, lastRead);
      if (under === null) continue;
      lines.set(under, [...(lines.get(under) ?? []), name]);
    }
    lines.forEach((names) => names.sort((a, b) => a.localeCompare(b)));
    return lines;
  }
}

function newestAtMost(ids, limit) {
  for (let i = ids.length - 1; i >= 0; i--) if (ids[i] <= limit) return ids[i];
  return null;
}
