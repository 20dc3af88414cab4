-- One schema for SQLite and PostgreSQL. SqlDialect fills the two placeholders: the type of an
-- auto-increment primary key, and text compared byte by byte (JIDs sort the same on both).
-- JIDs are stored in their normalised string form; times are milliseconds since the epoch.

CREATE TABLE accounts (
    jid      ${keyText} NOT NULL PRIMARY KEY,
    domain   ${keyText} NOT NULL,
    admin    BOOLEAN NOT NULL,
    disabled BOOLEAN NOT NULL,
    created  BIGINT NOT NULL
);
CREATE INDEX accounts_by_domain ON accounts (domain, jid);

-- One row per SCRAM hash; byte values in base64.
CREATE TABLE account_credentials (
    jid        ${keyText} NOT NULL REFERENCES accounts (jid) ON DELETE CASCADE,
    hash       VARCHAR(16) NOT NULL,
    salt       TEXT NOT NULL,
    iterations INTEGER NOT NULL,
    stored_key TEXT NOT NULL,
    server_key TEXT NOT NULL,
    PRIMARY KEY (jid, hash)
);

CREATE TABLE roster_items (
    owner        ${keyText} NOT NULL,
    contact      ${keyText} NOT NULL,
    name         TEXT,
    subscription VARCHAR(8) NOT NULL,
    ask_out      BOOLEAN NOT NULL,
    pending_in   BOOLEAN NOT NULL,
    pre_approved BOOLEAN NOT NULL,
    PRIMARY KEY (owner, contact)
);

CREATE TABLE roster_groups (
    owner      ${keyText} NOT NULL,
    contact    ${keyText} NOT NULL,
    group_name ${keyText} NOT NULL,
    PRIMARY KEY (owner, contact, group_name),
    FOREIGN KEY (owner, contact) REFERENCES roster_items (owner, contact) ON DELETE CASCADE
);

-- Bumped in the same transaction as every change to the owner's items.
CREATE TABLE roster_versions (
    owner   ${keyText} NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);

CREATE TABLE offline_messages (
    id     ${idColumn},
    owner  ${keyText} NOT NULL,
    stored BIGINT NOT NULL,
    stanza TEXT NOT NULL
);
CREATE INDEX offline_messages_by_owner ON offline_messages (owner, id);

-- Messages per owner. Raising it is how a store claims a place under the quota: the row lock
-- makes concurrent stores for one owner wait for each other.
CREATE TABLE offline_counts (
    owner    ${keyText} NOT NULL PRIMARY KEY,
    messages INTEGER NOT NULL
);

CREATE TABLE key_values (
    owner      ${keyText} NOT NULL,
    namespace  ${keyText} NOT NULL,
    item_key   ${keyText} NOT NULL,
    item_value TEXT NOT NULL,
    PRIMARY KEY (owner, namespace, item_key)
);
