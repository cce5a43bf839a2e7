-- Secrets the servers share, made once: 'public-ids' keys the HMAC that turns a clientId into a
-- person's public id (unless livechat.public-id-secret gives one).
CREATE TABLE server_secrets (
    name   VARCHAR(32)  NOT NULL PRIMARY KEY,
    secret VARCHAR(128) NOT NULL
);

-- Everyone who has ever joined, by public id, with the name they last joined under.
CREATE TABLE people (
    id       VARCHAR(22) NOT NULL PRIMARY KEY,
    name     VARCHAR(64) NOT NULL,
    seen_at  BIGINT      NOT NULL
);

-- A conversation between two people (first_id sorts before second_id); last_id is its sequence,
-- taken under this row's lock in the transaction that inserts the messages.
CREATE TABLE conversations (
    id         VARCHAR(45) NOT NULL PRIMARY KEY,
    first_id   VARCHAR(22) NOT NULL,
    second_id  VARCHAR(22) NOT NULL,
    last_id    BIGINT      NOT NULL,
    last_at    BIGINT      NOT NULL
);
CREATE INDEX conversations_first ON conversations (first_id, last_at);
CREATE INDEX conversations_second ON conversations (second_id, last_at);
-- what changed lately: nodes of a cluster compare it with what they delivered
CREATE INDEX conversations_last_at ON conversations (last_at);

-- Direct messages; hidden: its recipient blocked the sender when it was sent, and never sees it.
CREATE TABLE direct_messages (
    conversation    VARCHAR(45)   NOT NULL,
    id              BIGINT        NOT NULL,
    sender          VARCHAR(22)   NOT NULL,
    sender_name     VARCHAR(64)   NOT NULL,
    recipient       VARCHAR(22)   NOT NULL,
    recipient_name  VARCHAR(64)   NOT NULL,
    text            VARCHAR(2000) NOT NULL,
    created_at      BIGINT        NOT NULL,
    hidden          BOOLEAN       NOT NULL,
    PRIMARY KEY (conversation, id)
);
CREATE INDEX direct_messages_created_at ON direct_messages (created_at);

-- How far each person has read each of their conversations.
CREATE TABLE conversation_reads (
    person        VARCHAR(22) NOT NULL,
    conversation  VARCHAR(45) NOT NULL,
    last_read_id  BIGINT      NOT NULL,
    PRIMARY KEY (person, conversation)
);

-- Whose direct messages a person does not want.
CREATE TABLE blocks (
    person   VARCHAR(22) NOT NULL,
    blocked  VARCHAR(22) NOT NULL,
    PRIMARY KEY (person, blocked)
);
