// Every STOMP destination and image path the client uses; docs/protocol.md describes them.
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
  // HTTP (v1.4): an image is uploaded first, then sent by its id with /app/send or /app/dm
  uploads: '/api/uploads',
  /** every image URL the server gives starts with this; the page shows no other */
  images: '/api/images/',
});

/** The header that says who is uploading, or asking for a conversation's image: the page's clientId. */
export const CLIENT_HEADER = 'X-LiveChat-Client';

/**
 * Payloads, mirroring the server's records (io.livechat.chat).
 * @typedef {{type:'message', id:number, room:string, username:string, text:string, timestamp:number,
 *   image?:MessageImage}} ChatMessage text may be empty when there is an image (its caption)
 * @typedef {{type:'system', event:'joined'|'left', room:string, username:string, text:string, timestamp:number}} SystemEvent
 * @typedef {{id:string, name:string}} Member a user and their public id
 * @typedef {{type:'users', room:string, users:string[], joined?:string[], left?:string[], joinedMembers?:Member[]}} UsersEvent
 * @typedef {{type:'typing', room:string, username:string, typing:boolean}} TypingEvent
 * @typedef {{id:string, name:string, users:number}} RoomSummary
 * @typedef {{type:'rooms', rooms:RoomSummary[]}} RoomsEvent
 * @typedef {{type:'joined', room:string, username:string, me?:string, history:ChatMessage[], users:string[],
 *   members?:Member[], truncated:boolean, lastRead?:number, reads?:ReadPosition[]}} JoinedEvent
 * @typedef {{type:'error', code:string, message:string, clientMsgId?:string, retry?:boolean, retryAfterMs?:number}} ErrorEvent
 *   (v1.5) a refused message sent with a clientMsgId names it, and says whether sending it again may work
 * @typedef {{type:'ack', clientMsgId:string, id:number, room?:string, conversation?:string}} AckEvent
 *   (v1.5) the message sent with that clientMsgId is stored under that id (now, or when first sent)
 *
 * Direct messages (v1.2).
 * @typedef {{type:'dm', id:number, conversation:string, from:Member, to:Member, text:string, timestamp:number,
 *   image?:MessageImage}} DirectMessage
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
 *
 * Images (v1.4). A message's picture: its full size in pixels; the thumbnail is the same picture
 * with its long side at most 320. A conversation's images are served only with CLIENT_HEADER.
 * @typedef {{id:string, url:string, thumbnailUrl:string, width:number, height:number}} MessageImage
 * @typedef {{width:number, height:number}} Size
 * @typedef {{id:string, width:number, height:number, thumbnail:Size, bytes:number, type:string}} UploadedImage
 *   the 201 answer to POST /api/uploads
 * @typedef {{error:string}} UploadRefusal any other answer to it (400, 403, 411, 413, 415, 422, 429, 503)
 */
