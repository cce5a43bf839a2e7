-- Each room's last message id, for nodes that share the database (livechat.cluster=redis): a node
-- takes the next ids under this row's lock, in the transaction that inserts the messages, so ids
-- stay consecutive and unique whichever node stores a message. One node alone keeps its ids in
-- memory and does not maintain this table; a node that joins a cluster raises it to MAX(id) first.
CREATE TABLE room_counters (
    room     VARCHAR(32) NOT NULL PRIMARY KEY,
    last_id  BIGINT      NOT NULL
);

INSERT INTO room_counters (room, last_id) SELECT room, MAX(id) FROM messages GROUP BY room;
