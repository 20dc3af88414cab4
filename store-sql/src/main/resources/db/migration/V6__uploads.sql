-- HTTP file uploads (XEP-0363): one row per slot handed out. The file itself lives in the file
-- storage under the id, never under the client's name. Times are epoch milliseconds; expires is
-- the slot's deadline while state is 'pending', the file's deletion time once 'stored' (NULL: never).
CREATE TABLE uploads (
    id           ${keyText} NOT NULL PRIMARY KEY,
    owner        ${keyText} NOT NULL,
    file_name    TEXT NOT NULL,
    size         BIGINT NOT NULL,
    content_type TEXT NOT NULL,
    token_hash   TEXT NOT NULL,
    created      BIGINT NOT NULL,
    expires      BIGINT,
    state        VARCHAR(8) NOT NULL
);
CREATE INDEX uploads_by_owner ON uploads (owner);
CREATE INDEX uploads_by_expiry ON uploads (expires);
