-- Reply mails routed (gateway-mail), so a mail client that sends one again (no 250 seen after a
-- crash) is not routed and charged twice. reply_key is a SHA-256 in hex of the reply token with
-- the Message-ID, or with the text when there is none; seen is epoch milliseconds. The key is
-- written in the same transaction as the reply's charging record; keys older than the reply
-- tokens' lifetime are deleted.
CREATE TABLE mail_replies_seen (
    reply_key ${keyText} NOT NULL PRIMARY KEY,
    jid       ${keyText} NOT NULL,
    seen      BIGINT NOT NULL
);
CREATE INDEX mail_replies_seen_by_time ON mail_replies_seen (seen);
CREATE INDEX mail_replies_seen_by_jid ON mail_replies_seen (jid);

-- A batch being handed to the relay (1) is not dropped when its user comes back online: had the
-- relay taken it just before a crash, it is mailed again and charged, never mailed uncharged.
ALTER TABLE mail_pending ADD COLUMN mailing INTEGER NOT NULL DEFAULT 0;
