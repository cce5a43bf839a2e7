// The STOMP connection: subscriptions, joins, reconnects. No DOM here.
import { Client, ReconnectionTimeMode } from '/webjars/stomp__stompjs/esm6/index.js';
import { Destinations } from './destinations.js';
import { ReadReceipts } from './read-receipts.js';

const HEARTBEAT_MS = 10000;

/** After this many failed WebSocket attempts without ever connecting, use SockJS instead. */
const WEBSOCKET_ATTEMPTS = 2;

/**
 * One chat connection. It joins one room at a time, re-joins after every reconnect with `since`
 * set to the last message id seen, so nothing is missed, and falls back to SockJS when WebSocket
 * cannot connect. Direct messages go over it too, once a join has given it an identity. Reads
 * (of the room, of a conversation) go at most once a second each, for the newest id.
 */
export class ChatConnection {
  /**
   * @param {{username:string, clientId:string,
   *   onRoomEvent:(event:object)=>void, onOwnEvent:(event:object)=>void,
   *   onRooms:(event:import('./destinations.js').RoomsEvent)=>void,
   *   onState:(state:'connecting'|'connected'|'reconnecting')=>void}} options
   */
  constructor({ username, clientId, onRoomEvent, onOwnEvent, onRooms, onState }) {
    this.username = username;
    this.clientId = clientId;
    this.handlers = { onRoomEvent, onOwnEvent, onRooms, onState };
    this.room = null;
    this.lastId = 0;
    this.roomSubscription = null;
    this.everConnected = false;
    this.failedWebSocketAttempts = 0;
    this.useSockJs = false;
    // a room's read only while this connection is in that room: one for a room left is dropped
    this.roomReads = new ReadReceipts((room, id) => room !== this.room || this.publish(Destinations.read, { room, id }));
    this.dmReads = new ReadReceipts((peer, id) => this.publish(Destinations.dmRead, { with: peer, id }));
    this.client = new Client({
      webSocketFactory: () => this.openSocket(),
      heartbeatIncoming: HEARTBEAT_MS,
      heartbeatOutgoing: HEARTBEAT_MS,
      reconnectDelay: 500,
      maxReconnectDelay: 15000,
      reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
      onConnect: () => this.connected(),
      onWebSocketClose: () => this.closed(),
      onStompError: (frame) => console.warn('STOMP error:', frame.headers.message),
    });
  }

  /** Connects and joins `room`. */
  start(room) {
    this.room = room;
    this.handlers.onState('connecting');
    this.client.activate();
  }

  /** Leaves the current room and joins another. */
  switchRoom(room) {
    if (room === this.room) return;
    const previous = this.room;
    this.room = room;
    this.lastId = 0;
    const unsent = this.roomReads.take(previous);
    if (!this.client.connected) return; // joined on (re)connect
    if (unsent !== null) this.publish(Destinations.read, { room: previous, id: unsent }); // what was seen before leaving
    this.publish(Destinations.leave, { room: previous });
    this.subscribeRoom();
    this.join();
  }

  /** Joins the current room again from scratch: its reply brings the newest history. */
  rejoin() {
    this.lastId = 0;
    if (this.client.connected) this.join();
  }

  /** Records the newest message id shown, for catching up after a reconnect. */
  seen(messageId) {
    if (messageId > this.lastId) this.lastId = messageId;
  }

  /**
   * A message to the room: text, or an uploaded image's id with the text as its caption; the
   * clientMsgId makes it stored once however often it is sent.
   */
  say(text, image, clientMsgId) {
    return this.publish(Destinations.send, { room: this.room, text, ...(image ? { image } : {}), clientMsgId });
  }

  typing(isTyping) {
    return this.publish(Destinations.typing, { room: this.room, typing: isTyping });
  }

  /** A direct message to someone's public id: text, or an uploaded image's id with the text as its caption. */
  dm(to, text, image, clientMsgId) {
    return this.publish(Destinations.dm, { to, text, ...(image ? { image } : {}), clientMsgId });
  }

  conversations() {
    return this.publish(Destinations.conversations, {});
  }

  /**
   * One page of a conversation: the newest, the newest below `before`, or those after `since`.
   * @param {string} peer a public id
   * @param {{before?:number, since?:number}} [position]
   */
  dmHistory(peer, position = {}) {
    return this.publish(Destinations.dmHistory, { with: peer, ...position, limit: 50 });
  }

  /** The conversation with `peer` has been seen up to DM `id` (sent within a second). */
  dmRead(peer, id) {
    this.dmReads.read(peer, id);
  }

  /** `room`, the one this connection is in, has been seen up to message `id` (sent within a second). */
  read(room, id) {
    this.roomReads.read(room, id);
  }

  /** Whether to share your read positions and see other people's. */
  preferences(readReceipts) {
    return this.publish(Destinations.preferences, { readReceipts });
  }

  block(user, blocked) {
    return this.publish(Destinations.block, { user, blocked });
  }

  isConnected() {
    return this.client.connected;
  }

  openSocket() {
    if (this.useSockJs) {
      return new window.SockJS('/sockjs');
    }
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    return new WebSocket(`${scheme}://${location.host}/ws`, ['v12.stomp']);
  }

  connected() {
    this.everConnected = true;
    this.client.subscribe(Destinations.events, (frame) => this.handlers.onOwnEvent(JSON.parse(frame.body)));
    this.client.subscribe(Destinations.rooms, (frame) => this.handlers.onRooms(JSON.parse(frame.body)));
    this.subscribeRoom();
    this.join();
    this.handlers.onState('connected');
  }

  closed() {
    if (!this.everConnected && !this.useSockJs && ++this.failedWebSocketAttempts >= WEBSOCKET_ATTEMPTS
        && typeof window.SockJS === 'function') {
      this.useSockJs = true;
    }
    this.roomSubscription = null;
    this.handlers.onState(this.everConnected ? 'reconnecting' : 'connecting');
  }

  subscribeRoom() {
    this.roomSubscription?.unsubscribe();
    const room = this.room;
    this.roomSubscription = this.client.subscribe(Destinations.room(room), (frame) => {
      const event = JSON.parse(frame.body);
      if (event.room === this.room) this.handlers.onRoomEvent(event);
    });
  }

  join() {
    const command = { username: this.username, room: this.room, clientId: this.clientId };
    if (this.lastId > 0) command.since = this.lastId;
    this.publish(Destinations.join, command);
  }

  publish(destination, body) {
    if (!this.client.connected) return false;
    this.client.publish({ destination, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    return true;
  }
}
