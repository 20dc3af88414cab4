-- SMS gateway. Phones are E.164 text ('+' and digits); times are epoch milliseconds.
-- One number, one account: both columns of sms_links are unique.
CREATE TABLE sms_links (
    account    ${keyText} NOT NULL PRIMARY KEY,
    phone      ${keyText} NOT NULL UNIQUE,
    forwarding VARCHAR(8) NOT NULL
);
-- Each account's short contact numbers ([n] in forwarded SMS), stable once given.
CREATE TABLE sms_contacts (
    account ${keyText} NOT NULL,
    number  INTEGER NOT NULL,
    contact ${keyText} NOT NULL,
    PRIMARY KEY (account, number)
);
CREATE UNIQUE INDEX sms_contacts_by_jid ON sms_contacts (account, contact);
-- Who last wrote to a phone that has no account: its replies go to them.
CREATE TABLE sms_last_writers (
    phone   ${keyText} NOT NULL PRIMARY KEY,
    account ${keyText} NOT NULL
);
-- The durable outbox: status 'pending' until an SMSC accepted every segment ('sent') or the
-- attempts ran out ('failed'). receipt_to/receipt_id: a XEP-0184 receipt still owed.
CREATE TABLE sms_outbox (
    id           ${idColumn},
    account      ${keyText} NOT NULL,
    phone        TEXT NOT NULL,
    text         TEXT NOT NULL,
    receipt_to   TEXT,
    receipt_id   TEXT,
    status       VARCHAR(8) NOT NULL,
    attempts     INTEGER NOT NULL,
    next_attempt BIGINT NOT NULL,
    created      BIGINT NOT NULL
);
CREATE INDEX sms_outbox_due ON sms_outbox (status, next_attempt);
CREATE INDEX sms_outbox_by_account ON sms_outbox (account);
-- The SMSC's message id of each sent segment, for delivery receipts.
CREATE TABLE sms_sent_parts (
    smsc_id   ${keyText} NOT NULL PRIMARY KEY,
    outbox_id BIGINT NOT NULL
);
CREATE INDEX sms_sent_parts_by_outbox ON sms_sent_parts (outbox_id);
-- Mobile-originated messages already handled (SMSC retries carry the same key).
CREATE TABLE sms_seen (
    mo_key ${keyText} NOT NULL PRIMARY KEY,
    seen   BIGINT NOT NULL
);
