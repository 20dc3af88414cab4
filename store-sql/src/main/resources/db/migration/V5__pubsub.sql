-- Personal eventing (XEP-0163) nodes of accounts and their items. roster_groups holds the groups
-- the 'roster' access model allows, one per line. Items are ordered by seq: a republished item
-- gets a new seq and becomes the newest.

CREATE TABLE pubsub_nodes (
    owner         ${keyText} NOT NULL,
    node          ${keyText} NOT NULL,
    access_model  VARCHAR(16) NOT NULL,
    max_items     INTEGER NOT NULL,
    persist_items BOOLEAN NOT NULL,
    send_last     VARCHAR(32) NOT NULL,
    roster_groups TEXT NOT NULL,
    PRIMARY KEY (owner, node)
);

CREATE TABLE pubsub_items (
    seq       ${idColumn},
    owner     ${keyText} NOT NULL,
    node      ${keyText} NOT NULL,
    item_id   ${keyText} NOT NULL,
    publisher TEXT NOT NULL,
    published BIGINT NOT NULL,
    payload   TEXT NOT NULL,
    FOREIGN KEY (owner, node) REFERENCES pubsub_nodes (owner, node) ON DELETE CASCADE
);
CREATE UNIQUE INDEX pubsub_items_by_id ON pubsub_items (owner, node, item_id);
CREATE INDEX pubsub_items_by_seq ON pubsub_items (owner, node, seq);
