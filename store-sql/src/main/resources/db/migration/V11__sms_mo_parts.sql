-- Parts of concatenated mobile-originated SMS (gateway-sms), one row per part received, kept
-- until their text is complete and handled: the text's MO key and charging record are written
-- in the transaction that deletes its parts, so a crash before it leaves the parts for the
-- SMSC's retry of the last part (the earlier ones were answered and are not sent again).
-- A text is named by the SMSC, the phone (E.164), its concatenation reference and its number of
-- parts; content is the part's decoded text; received is epoch milliseconds (of the first copy:
-- a part received again is ignored). Texts whose latest part is older than the gateway's limit
-- are deleted.
CREATE TABLE sms_mo_parts (
    smsc       ${keyText} NOT NULL,
    phone      ${keyText} NOT NULL,
    concat_ref INTEGER NOT NULL,
    part_count INTEGER NOT NULL,
    part_no    INTEGER NOT NULL,
    content    TEXT NOT NULL,
    received   BIGINT NOT NULL,
    PRIMARY KEY (smsc, phone, concat_ref, part_count, part_no)
);
CREATE INDEX sms_mo_parts_by_time ON sms_mo_parts (received);
-- The keys of handled MO texts are forgotten once no SMSC would retry them any more.
CREATE INDEX sms_seen_by_time ON sms_seen (seen);
