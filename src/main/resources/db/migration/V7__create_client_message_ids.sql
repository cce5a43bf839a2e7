-- A message sent with a client's own id (clientMsgId) is stored once per sender and room (or
-- conversation): a resend finds the message it became, and two nodes storing the same resend at
-- once meet in these unique indexes. NULLs (messages without one) never collide.
ALTER TABLE messages ADD COLUMN sender_id VARCHAR(22);
ALTER TABLE messages ADD COLUMN client_msg_id VARCHAR(64);
CREATE UNIQUE INDEX messages_client_msg_id ON messages (room, sender_id, client_msg_id);

ALTER TABLE direct_messages ADD COLUMN client_msg_id VARCHAR(64);
CREATE UNIQUE INDEX direct_messages_client_msg_id ON direct_messages (conversation, sender, client_msg_id);

-- The message an image was claimed for: a resend of that message may claim it again.
ALTER TABLE images ADD COLUMN client_msg_id VARCHAR(64);
