// The landing page: pick a name and a room, see live counts, go to the chat.
import { Client } from '/webjars/stomp__stompjs/esm6/index.js';
import { Destinations } from './destinations.js';
import { lastUsername, rememberUsername } from './identity.js';
import { LandingView } from './landing-view.js';
import { usernameProblem, validUsername } from './validation.js';

const view = new LandingView();
view.showName(lastUsername());

view.bindSubmit(({ name, room }) => {
  const problem = usernameProblem(name);
  if (problem) {
    view.showError(problem);
    view.focusName();
    return;
  }
  if (!room) {
    view.showError('Please choose a room.');
    return;
  }
  const username = validUsername(name);
  rememberUsername(username);
  location.assign(`chat.html?${new URLSearchParams({ username, room })}`);
});
view.bindNameInput(() => view.showError(''));

async function loadRooms() {
  try {
    const response = await fetch('/api/rooms');
    view.renderRooms(await response.json());
  } catch {
    view.showError('The chat server cannot be reached right now.');
  }
}

function watchCounts() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const client = new Client({
    brokerURL: `${scheme}://${location.host}/ws`,
    reconnectDelay: 5000,
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
    onConnect: () => client.subscribe(Destinations.rooms, (frame) => view.renderRooms(JSON.parse(frame.body).rooms)),
  });
  client.activate();
}

loadRooms().then(watchCounts);
