// Your messages on their way, drawn at the bottom of the room or conversation shown (below the
// stored ones, which ChatView inserts above them): a clock while they wait, or why they were
// refused with Retry and Delete. Their text goes in through textContent only.

export class OutgoingView {
  /** @param {import('./view.js').ChatView} panel the main panel they are drawn in */
  constructor(panel, doc = document) {
    this.panel = panel;
    this.doc = doc;
    this.list = doc.getElementById('messages');
    this.template = doc.getElementById('outgoing-template');
    /** what show() drew last */
    this.drawn = null;
  }

  /**
   * @param {{retry:(id:string)=>void, remove:(id:string)=>void}} handlers a message refused for
   *   good: send it again, or delete it (by its clientMsgId)
   */
  bind({ retry, remove }) {
    this.list.addEventListener('click', (e) => {
      const button = e.target.closest?.('.outgoing button[data-action]');
      if (!button) return;
      const id = button.closest('.outgoing').dataset.clientMsgId;
      if (button.dataset.action === 'retry') retry(id);
      else remove(id);
      this.panel.focusInput();
    });
  }

  /**
   * The place's messages on their way, oldest first.
   * @param {import('./outbox.js').OutboxEntry[]} entries
   */
  show(entries) {
    // drawn again only when what it shows changed (another tab renewing its leases changes nothing
    // here, and a screen reader would otherwise hear them all again)
    const drawn = JSON.stringify(entries.map(({ id, text, image, state, reason }) => [id, text, image, state, reason]));
    if (drawn === this.drawn && this.panel.firstOutgoing() !== null) return;
    this.drawn = drawn;
    const stick = this.panel.isNearBottom();
    const shown = [...this.list.querySelectorAll(':scope > .outgoing')];
    const added = entries.some((entry) => !shown.some((item) => item.dataset.clientMsgId === entry.id));
    shown.forEach((item) => item.remove());
    this.list.append(...entries.map((entry) => this.element(entry)));
    if (added || stick) this.panel.scrollToBottom();
  }

  /** @param {import('./outbox.js').OutboxEntry} entry */
  element(entry) {
    const item = this.template.content.firstElementChild.cloneNode(true);
    item.dataset.clientMsgId = entry.id;
    const text = item.querySelector('.text');
    if (entry.image) {
      const note = this.doc.createElement('span');
      note.className = 'picture-note';
      note.textContent = entry.text ? 'Picture: ' : 'Picture';
      text.append(note, entry.text);
    } else {
      text.textContent = entry.text;
    }
    const failed = entry.state === 'failed';
    item.classList.toggle('failed', failed);
    item.querySelector('.outgoing-actions').hidden = !failed;
    if (failed) item.querySelector('.status').textContent = `Not sent. ${entry.reason ?? ''}`.trim(); // else the template's clock
    return item;
  }
}
