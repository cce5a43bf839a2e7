// Every STOMP destination the client uses; docs/protocol.md describes them.
export const Destinations = Object.freeze({
  events: '/user/queue/events',
  rooms: '/topic/rooms',
  room: (roomId) => `/topic/${roomId}`,
  join: '/app/join',
  leave: '/app/leave',
  send: '/app/send',
  typing: '/app/typing',
});

/**
 * Payloads, mirroring the server's records (io.livechat.chat).
 * @typedef {{type:'message', id:number, room:string, username:string, text:string, timestamp:number}} ChatMessage
 * @typedef {{type:'system', event:'joined'|'left', room:string, username:string, text:string, timestamp:number}} SystemEvent
 * @typedef {{type:'users', room:string, users:string[], joined?:string[], left?:string[]}} UsersEvent
 * @typedef {{type:'typing', room:string, username:string, typing:boolean}} TypingEvent
 * @typedef {{id:string, name:string, users:number}} RoomSummary
 * @typedef {{type:'rooms', rooms:RoomSummary[]}} RoomsEvent
 * @typedef {{type:'joined', room:string, username:string, history:ChatMessage[], users:string[], truncated:boolean}} JoinedEvent
 * @typedef {{type:'error', code:string, message:string}} ErrorEvent
 */
