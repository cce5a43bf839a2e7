// The landing page's DOM: the only module that touches it. Room names go in through textContent.

export class LandingView {
  constructor(doc = document) {
    this.el = {
      form: doc.getElementById('join-form'),
      name: doc.getElementById('username'),
      choices: doc.getElementById('room-choices'),
      error: doc.getElementById('form-error'),
    };
    this.template = doc.getElementById('room-choice-template');
  }

  /** @param {(choice:{name:string, room:string|undefined})=>void} handler */
  bindSubmit(handler) {
    this.el.form.addEventListener('submit', (event) => {
      event.preventDefault();
      handler({ name: this.el.name.value, room: this.el.choices.querySelector('input:checked')?.value });
    });
  }

  /** @param {()=>void} handler */
  bindNameInput(handler) {
    this.el.name.addEventListener('input', () => handler());
  }

  showName(name) {
    this.el.name.value = name;
  }

  focusName() {
    this.el.name.focus();
  }

  /** @param {string} text an empty text hides the error */
  showError(text) {
    this.el.error.textContent = text;
    this.el.error.hidden = !text;
  }

  /** @param {import('./destinations.js').RoomSummary[]} rooms */
  renderRooms(rooms) {
    const choices = this.el.choices;
    const shown = new Map([...choices.querySelectorAll('input')].map((input) => [input.value, input.closest('label')]));
    if (rooms.length === shown.size && rooms.every((room) => shown.has(room.id))) {
      rooms.forEach((room) => setCount(shown.get(room.id), room.users)); // keeps focus and selection
      return;
    }
    const selected = choices.querySelector('input:checked')?.value ?? rooms[0]?.id;
    choices.replaceChildren(...rooms.map((room) => {
      const choice = this.template.content.firstElementChild.cloneNode(true);
      const radio = choice.querySelector('input');
      radio.value = room.id;
      radio.checked = room.id === selected;
      choice.querySelector('.room-name').textContent = room.name;
      setCount(choice, room.users);
      return choice;
    }));
  }
}

/** The number as a badge, and in words for a screen reader. */
function setCount(choice, users) {
  choice.querySelector('.badge').textContent = String(users);
  choice.querySelector('.counts').textContent = `, ${users} online`;
}
