// The landing page: pick a name and a room, see live counts, go to the chat.
import { Client } from '/webjars/stomp__stompjs/esm6/index.js';
import { Destinations } from './destinations.js';
import { lastUsername, rememberUsername } from './identity.js';
import { usernameProblem, validUsername } from './validation.js';

const form = document.getElementById('join-form');
const nameInput = document.getElementById('username');
const choices = document.getElementById('room-choices');
const error = document.getElementById('form-error');
const template = document.getElementById('room-choice-template');

nameInput.value = lastUsername();

/** @param {import('./destinations.js').RoomSummary[]} rooms */
function renderRooms(rooms) {
  const shown = new Map([...choices.querySelectorAll('input')].map((input) => [input.value, input.closest('label')]));
  if (rooms.length === shown.size && rooms.every((room) => shown.has(room.id))) {
    rooms.forEach((room) => setCount(shown.get(room.id), room.users)); // keeps focus and selection
    return;
  }
  const selected = choices.querySelector('input:checked')?.value ?? rooms[0]?.id;
  choices.replaceChildren(...rooms.map((room) => {
    const choice = template.content.firstElementChild.cloneNode(true);
    const radio = choice.querySelector('input');
    radio.value = room.id;
    radio.checked = room.id === selected;
    choice.querySelector('.room-name').textContent = room.name;
    setCount(choice, room.users);
    return choice;
  }));
}

function setCount(choice, users) {
  const badge = choice.querySelector('.badge');
  badge.textContent = String(users);
  badge.setAttribute('aria-label', `${users} online`);
}

function showError(text) {
  error.textContent = text;
  error.hidden = !text;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const problem = usernameProblem(nameInput.value);
  const room = choices.querySelector('input:checked')?.value;
  if (problem) {
    showError(problem);
    nameInput.focus();
    return;
  }
  if (!room) {
    showError('Please choose a room.');
    return;
  }
  const username = validUsername(nameInput.value);
  rememberUsername(username);
  location.assign(`chat.html?${new URLSearchParams({ username, room })}`);
});
nameInput.addEventListener('input', () => showError(''));

async function loadRooms() {
  try {
    const response = await fetch('/api/rooms');
    renderRooms(await response.json());
  } catch {
    showError('The chat server cannot be reached right now.');
  }
}

function watchCounts() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const client = new Client({
    brokerURL: `${scheme}://${location.host}/ws`,
    reconnectDelay: 5000,
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
    onConnect: () => client.subscribe(Destinations.rooms, (frame) => renderRooms(JSON.parse(frame.body).rooms)),
  });
  client.activate();
}

loadRooms().then(watchCounts);
