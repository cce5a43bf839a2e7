-- A message sent with a client's own id (clientMsgId) is stored once per sender and room (or
-- conversation): a resend finds the message it became. The unique indexes guard it; NULLs
-- (messages without one) never collide.
ALTER TABLE messages ADD COLUMN sender_id VARCHAR(22);
ALTER TABLE messages ADD COLUMN client_msg_id VARCHAR(64);
CREATE UNIQUE INDEX messages_client_msg_id ON messages (room, sender_id, client_msg_id);

ALTER TABLE direct_messages ADD COLUMN client_msg_id VARCHAR(64);
CREATE UNIQUE INDEX direct_messages_client_msg_id ON direct_messages (conversation, sender, client_msg_id);

-- The client ids of room messages pruned (beyond max-per-room) while an outbox may still send
-- them again: kept for livechat.history.keep-client-ids, so that such a resend is still known.
CREATE TABLE pruned_client_msg_ids (
    room          VARCHAR(32) NOT NULL,
    sender_id     VARCHAR(22) NOT NULL,
    client_msg_id VARCHAR(64) NOT NULL,
    message_id    BIGINT      NOT NULL,
    created_at    BIGINT      NOT NULL, -- the message's
    PRIMARY KEY (room, sender_id, client_msg_id)
);

-- The message an image was claimed for: a resend of that message may claim it again.
ALTER TABLE images ADD COLUMN client_msg_id VARCHAR(64);
