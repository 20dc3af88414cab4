-- XEP-0313 message archives, one per owner (an account, later a room). The id is time-ordered
-- (ArchiveIds: milliseconds and random bits) and unique within an archive, so the primary key
-- index walks an archive in time order: a first or last page reads only its own rows.
CREATE TABLE archive_messages (
    owner         ${keyText} NOT NULL,
    id            BIGINT NOT NULL,
    with_jid      ${keyText} NOT NULL,
    with_resource ${keyText},
    outgoing      BOOLEAN NOT NULL,
    stanza        TEXT NOT NULL,
    PRIMARY KEY (owner, id)
) ${clusteredByKey};
-- Queries filtered by the peer (XEP-0313 'with').
CREATE INDEX archive_messages_by_with ON archive_messages (owner, with_jid, id);
-- Retention by age across all archives.
CREATE INDEX archive_messages_by_id ON archive_messages (id);
-- Messages per archive, changed in the same transaction as the archive: the RSM count of an
-- unfiltered query without an index scan over a large archive.
CREATE TABLE archive_counts (
    owner    ${keyText} NOT NULL PRIMARY KEY,
    messages BIGINT NOT NULL
);
