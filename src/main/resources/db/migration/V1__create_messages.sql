-- Every chat message, per room; id is the room's sequence (1, 2, 3, ...).
CREATE TABLE messages (
    room        VARCHAR(32)   NOT NULL,
    id          BIGINT        NOT NULL,
    username    VARCHAR(64)   NOT NULL,
    text        VARCHAR(2000) NOT NULL,
    created_at  BIGINT        NOT NULL, -- epoch milliseconds, the server's clock
    PRIMARY KEY (room, id)
);

CREATE INDEX messages_created_at ON messages (created_at);
