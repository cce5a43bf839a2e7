-- How far each person (a public id) has read each room: the highest message id seen there.
CREATE TABLE read_positions (
    person    VARCHAR(22) NOT NULL,
    room      VARCHAR(32) NOT NULL,
    last_read BIGINT      NOT NULL,
    PRIMARY KEY (person, room)
);

-- A node loads a room's positions at start, the most advanced first.
CREATE INDEX read_positions_by_room ON read_positions (room, last_read DESC);

-- People who share no read receipts (and see nobody's); everyone else shares them.
CREATE TABLE read_receipts_off (
    person VARCHAR(22) PRIMARY KEY
);
