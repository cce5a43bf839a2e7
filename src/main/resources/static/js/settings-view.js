// The settings menu in the chat page's header: a gear button that opens a small popover with the
// read-receipts switch. Closes on Escape, on a click outside it, and gives focus back to the button.

export class SettingsView {
  constructor(doc = document) {
    this.doc = doc;
    this.el = {
      button: doc.getElementById('settings-button'),
      menu: doc.getElementById('settings-menu'),
      receipts: doc.getElementById('receipts-toggle'),
    };
    this.el.button.addEventListener('click', () => this.open(this.el.menu.hidden));
    doc.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !this.el.menu.hidden) {
        this.open(false);
        this.el.button.focus();
      }
    });
    doc.addEventListener('click', (e) => {
      if (!this.el.menu.hidden && !e.target.closest('#settings-menu, #settings-button')) this.open(false);
    });
  }

  /** @param {(on:boolean)=>void} handler the read-receipts switch turned on or off */
  bindReceipts(handler) {
    this.el.receipts.addEventListener('change', () => handler(this.el.receipts.checked));
  }

  /** @param {boolean} on whether you send and see read receipts */
  showReceipts(on) {
    this.el.receipts.checked = on;
  }

  open(open) {
    this.el.menu.hidden = !open;
    this.el.button.setAttribute('aria-expanded', String(open));
    if (open) this.el.receipts.focus();
  }
}
