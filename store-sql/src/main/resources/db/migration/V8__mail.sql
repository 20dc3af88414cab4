-- E-mail forwarding (gateway-mail). Times are epoch milliseconds.
-- One address per user; code and code_expires are set only while it is not verified yet.
CREATE TABLE mail_subscriptions (
    jid          ${keyText} NOT NULL PRIMARY KEY,
    address      TEXT NOT NULL,
    verified     BOOLEAN NOT NULL,
    code         TEXT,
    code_expires BIGINT,
    attempts     INTEGER NOT NULL
);

-- Messages waiting for the user's next batch mail, in id order.
CREATE TABLE mail_pending (
    id      ${idColumn},
    jid     ${keyText} NOT NULL,
    queued  BIGINT NOT NULL,
    sender  TEXT NOT NULL,
    body    TEXT NOT NULL
);
CREATE INDEX mail_pending_by_jid ON mail_pending (jid, id);

-- Reply addresses handed out in mails: one conversation (user, peer) per token.
CREATE TABLE mail_reply_tokens (
    token   ${keyText} NOT NULL PRIMARY KEY,
    jid     ${keyText} NOT NULL,
    peer    ${keyText} NOT NULL,
    expires BIGINT NOT NULL
);
CREATE INDEX mail_reply_tokens_by_conversation ON mail_reply_tokens (jid, peer);
CREATE INDEX mail_reply_tokens_by_expiry ON mail_reply_tokens (expires);
