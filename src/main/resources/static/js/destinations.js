// Every STOMP destination the client uses; docs/protocol.md describes them.
export const Destinations = Object.freeze({
  events: '/user/queue/events',
  rooms: '/topic/rooms',
  room: (roomId) => `/topic/${roomId}`,
  join: '/app/join',
  leave: '/app/leave',
  send: '/app/send',
  typing: '/app/typing',
  dm: '/app/dm',
  conversations: '/app/conversations',
  dmHistory: '/app/dm-history',
  dmRead: '/app/dm-read',
  block: '/app/block',
  read: '/app/read',
  preferences: '/app/preferences',
});

/**
 * Payloads, mirroring the server's records (io.livechat.chat).
 * @typedef {{type:'message', id:number, room:string, username:string, text:string, timestamp:number}} ChatMessage
 * @typedef {{type:'system', event:'joined'|'left', room:string, username:string, text:string, timestamp:number}} SystemEvent
 * @typedef {{id:string, name:string}} Member a user and their public id
 * @typedef {{type:'users', room:string, users:string[], joined?:string[], left?:string[], joinedMembers?:Member[]}} UsersEvent
 * @typedef {{type:'typing', room:string, username:string, typing:boolean}} TypingEvent
 * @typedef {{id:string, name:string, users:number}} RoomSummary
 * @typedef {{type:'rooms', rooms:RoomSummary[]}} RoomsEvent
 * @typedef {{type:'joined', room:string, username:string, me?:string, history:ChatMessage[], users:string[],
 *   members?:Member[], truncated:boolean, lastRead?:number, reads?:ReadPosition[]}} JoinedEvent
 * @typedef {{type:'error', code:string, message:string}} ErrorEvent
 *
 * Direct messages (v1.2).
 * @typedef {{type:'dm', id:number, conversation:string, from:Member, to:Member, text:string, timestamp:number}} DirectMessage
 * @typedef {{id:string, name:string, online:boolean}} Peer
 * @typedef {{conversation:string, with:Peer, lastId:number, lastReadId:number, peerLastReadId:number, unread:number, blocked:boolean,
 *   last?:DirectMessage}} ConversationSummary
 * @typedef {{type:'conversations', conversations:ConversationSummary[]}} ConversationsEvent
 * @typedef {{type:'conversation'} & ConversationSummary} ConversationEvent
 * @typedef {{type:'dm-history', with:string, conversation:string, messages:DirectMessage[], hasMore:boolean,
 *   blocked:boolean}} DirectHistoryEvent
 * @typedef {{type:'presence', user:string, online:boolean}} PresenceEvent
 *
 * Read positions (v1.3).
 * @typedef {{id:string, name:string, lastRead:number}} ReadPosition lastRead 0: no longer shown
 * @typedef {{type:'reads', room:string, reads:ReadPosition[]}} ReadsEvent
 * @typedef {{room:string, unread:number}} RoomUnread
 * @typedef {{type:'unread', rooms:RoomUnread[]}} UnreadEvent
 * @typedef {{type:'preferences', readReceipts:boolean}} PreferencesEvent
 */
