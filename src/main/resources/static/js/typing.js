// Typing indicators: who else is typing (with expiry), and when to tell the others about us.

const TYPING_EXPIRY_MS = 5000;
const QUIET_MS = 1000;
const RESEND_MS = 1000;

/** Tracks who is typing; forgets a typist that has said nothing for a while. */
export class TypingTracker {
  constructor(onChange) {
    this.onChange = onChange;
    this.typists = new Map();
  }

  update(name, typing) {
    clearTimeout(this.typists.get(name));
    if (typing) {
      this.typists.set(name, setTimeout(() => this.stopped(name), TYPING_EXPIRY_MS));
    } else {
      this.typists.delete(name);
    }
    this.changed();
  }

  stopped(name) {
    if (this.typists.has(name)) this.update(name, false);
  }

  keepOnly(names) {
    const present = new Set(names);
    for (const name of [...this.typists.keys()]) {
      if (!present.has(name)) this.update(name, false);
    }
  }

  clear() {
    for (const timer of this.typists.values()) clearTimeout(timer);
    this.typists.clear();
    this.changed();
  }

  changed() {
    this.onChange([...this.typists.keys()].sort((a, b) => a.localeCompare(b)));
  }
}

/**
 * Sends typing true while the user types (at most once per second) and false after a second
 * of quiet or when the message is sent.
 */
export class TypingNotifier {
  constructor(send) {
    this.send = send;
    this.typing = false;
    this.lastSent = 0;
    this.quietTimer = null;
  }

  typed() {
    const now = Date.now();
    if (!this.typing || now - this.lastSent >= RESEND_MS) {
      if (this.send(true)) {
        this.typing = true;
        this.lastSent = now;
      }
    }
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => this.stop(), QUIET_MS);
  }

  stop() {
    clearTimeout(this.quietTimer);
    if (this.typing) {
      this.typing = false;
      this.send(false);
    }
  }
}
