// The chat page's composition root: reads the URL, wires the connection, the controller and the views.
import { fetchRooms } from './api.js';
import { ChatConnection } from './connection.js';
import { channelFrom, channelUrl } from './channels.js';
import { ChatController } from './controller.js';
import { clientId, lastRoom, rememberUsername } from './identity.js';
import { ImageSources } from './image-sources.js';
import { ImageUpload } from './image-upload.js';
import { ImageView } from './image-view.js';
import { OutgoingView } from './outgoing-view.js';
import { ReadsView } from './reads-view.js';
import { RoomReads } from './room-reads.js';
import { SettingsView } from './settings-view.js';
import { SidebarView } from './sidebar-view.js';
import { validUsername } from './validation.js';
import { ChatView } from './view.js';

async function main() {
  const params = new URLSearchParams(location.search);
  const username = validUsername(params.get('username'));
  const channel = channelFrom(params);
  const rooms = await fetchRooms();
  const known = (id) => rooms.some((r) => r.id === id);
  // a conversation is shown from a room too: the room gives the page its identity and its online list
  const room = channel?.kind === 'room' ? channel.id : [params.get('room'), lastRoom(), 'general', rooms[0]?.id].find(known);
  if (!username || !channel || !known(room)) {
    location.replace('index.html');
    return;
  }
  rememberUsername(username);

  const images = new ImageView(new ImageSources(clientId()));
  const view = new ChatView(images);
  const reads = new RoomReads({ view: new ReadsView(view), settings: new SettingsView() });
  const controller = new ChatController({ view, sidebar: new SidebarView((shown) => channelUrl(username, shown)),
    outgoing: new OutgoingView(view), reads, username, rooms });
  const connection = new ChatConnection({
    username,
    clientId: clientId(),
    onState: (state) => controller.connectionChanged(state),
    onRooms: (event) => controller.roomsChanged(event),
    onOwnEvent: (event) => controller.ownEvent(event),
    onRoomEvent: (event) => controller.roomEvent(event),
  });
  new ImageUpload({
    images, view, clientId: clientId(),
    send: (image, caption) => controller.send(caption, image),
    shown: () => `${controller.channel.kind}:${controller.channel.id}`,
  });
  window.addEventListener('popstate', () => controller.navigate(channelFrom(new URLSearchParams(location.search)), { push: false }));
  controller.start(connection, channel, room);
}

main();
