'use strict';
// The chat LiveChat replaces, as the Node.js tutorial wrote it: Express + Socket.io 4, three
// rooms, the last 50 messages of each kept in memory, every message sent with io.to(room).emit
// so that everyone in the room receives it, the sender too. Here only to be measured next to
// LiveChat (see README.md); it is not part of the application.
//
//   client -> server  'join' {username, room}   leaves the current room first
//                     'send-message' text
//                     'leave'
//   server -> client  'message-history' [message]              to the joiner: the room's last 50
//                     'new-message' {id, username, text, timestamp}   to the whole room
//                     'system-message' {text, timestamp}       to the others: joins and leaves
//                     'room-users' [username]                  to the whole room after each change
//                     'error-message' text                     to a client whose join is refused
//
// PORT (3000) is the port. TUNED=1 follows Socket.io's own performance advice, the part that
// costs nothing: ws uses the bufferutil add-on (an optional dependency) to mask and unmask
// frames, and each connection drops the HTTP request it would otherwise keep. Without TUNED
// the server runs as a plain install does without the add-on (WS_NO_BUFFER_UTIL=1).

const TUNED = process.env.TUNED === '1';
if (!TUNED) {
  // read by ws when it is first loaded, so before socket.io is required
  process.env.WS_NO_BUFFER_UTIL = '1';
}

const http = require('http');
const express = require('express');
const { Server } = require('socket.io');

const PORT = Number(process.env.PORT || 3000);
const ROOMS = ['general', 'tech', 'random'];
const HISTORY = 50;

const bufferutil = TUNED && nativeBufferutil();
const mode = TUNED ? 'tuned' : 'plain';

const app = express();
const server = http.createServer(app);
const io = new Server(server, { cors: { origin: '*', methods: ['GET', 'POST'] } });

const history = Object.fromEntries(ROOMS.map((room) => [room, []]));
const members = new Map(); // socket.id -> { username, room }
let nextId = 1;

function usersIn(room) {
  return [...members.values()].filter((member) => member.room === room).map((member) => member.username);
}

function leaveRoom(socket) {
  const member = members.get(socket.id);
  if (!member) {
    return;
  }
  members.delete(socket.id);
  socket.leave(member.room);
  socket.to(member.room).emit('system-message', { text: `${member.username} left the room`, timestamp: Date.now() });
  io.to(member.room).emit('room-users', usersIn(member.room));
}

app.get('/health', (req, res) => res.json({ status: 'UP', mode, bufferutil }));
app.get('/api/rooms', (req, res) => res.json(ROOMS.map((id) => ({ id, users: usersIn(id).length }))));

if (TUNED) {
  io.engine.on('connection', (rawSocket) => {
    rawSocket.request = null;
  });
}

io.on('connection', (socket) => {
  socket.on('join', ({ username, room } = {}) => {
    if (!username || !ROOMS.includes(room)) {
      socket.emit('error-message', 'Invalid username or room');
      return;
    }
    leaveRoom(socket);
    members.set(socket.id, { username, room });
    socket.join(room);
    socket.emit('message-history', history[room]);
    socket.to(room).emit('system-message', { text: `${username} joined the room`, timestamp: Date.now() });
    io.to(room).emit('room-users', usersIn(room));
  });

  socket.on('send-message', (text) => {
    const member = members.get(socket.id);
    if (!member || typeof text !== 'string' || !text.trim()) {
      return;
    }
    const message = { id: nextId++, username: member.username, text: text.trim(), timestamp: Date.now() };
    const kept = history[member.room];
    kept.push(message);
    if (kept.length > HISTORY) {
      kept.shift();
    }
    io.to(member.room).emit('new-message', message);
  });

  socket.on('leave', () => leaveRoom(socket));
  socket.on('disconnect', () => leaveRoom(socket));
});

server.listen(PORT, () => {
  console.log(`socket.io reference chat on port ${PORT}, ${mode}${TUNED ? `, bufferutil ${bufferutil ? 'native' : 'NOT LOADED'}` : ''}`);
});

// Whether ws will find the native add-on (bufferutil falls back to JavaScript without a build).
function nativeBufferutil() {
  try {
    return require('bufferutil').mask.toString().includes('[native code]');
  } catch (error) {
    return false;
  }
}
