// What you had typed and not sent, per room and conversation, kept across switches and reloads
// (localStorage; each name its own). Read when a room or conversation is shown, written as you type.
import { browserStorage } from './storage.js';

/** The most drafts kept: the oldest go first. */
const MAX_DRAFTS = 50;

export class Drafts {
  /** @param {string} owner the name you chat under */
  constructor(owner, storage = browserStorage()) {
    this.key = `livechat.drafts.${owner}`;
    this.storage = storage;
  }

  /** @returns {string} the draft for a place ("room:<id>", "dm:<public id>"), or "" */
  get(place) {
    const draft = this.read()[place];
    return typeof draft === 'string' ? draft : '';
  }

  set(place, text) {
    const drafts = this.read();
    delete drafts[place]; // re-added last: the newest
    if (text.trim()) drafts[place] = text;
    const places = Object.keys(drafts);
    places.slice(0, Math.max(0, places.length - MAX_DRAFTS)).forEach((old) => delete drafts[old]);
    try {
      this.storage?.setItem(this.key, JSON.stringify(drafts));
    } catch {
      // full or disabled: the draft lives as long as the input
    }
  }

  read() {
    try {
      const drafts = JSON.parse(this.storage?.getItem(this.key) ?? '{}');
      return drafts !== null && typeof drafts === 'object' && !Array.isArray(drafts) ? drafts : {};
    } catch {
      return {};
    }
  }
}
