-- Persistent multi-user chat rooms (XEP-0045): one row per room, its configuration as option
-- name/value rows chosen by the MUC module, and its affiliations (owner, admin, member, outcast)
-- with the nickname a user registered in the room.
CREATE TABLE muc_rooms (
    jid     ${keyText} NOT NULL PRIMARY KEY,
    service ${keyText} NOT NULL
);
CREATE INDEX muc_rooms_by_service ON muc_rooms (service, jid);

CREATE TABLE muc_room_options (
    room         ${keyText} NOT NULL REFERENCES muc_rooms (jid) ON DELETE CASCADE,
    option_name  ${keyText} NOT NULL,
    option_value TEXT NOT NULL,
    PRIMARY KEY (room, option_name)
);

CREATE TABLE muc_affiliations (
    room        ${keyText} NOT NULL REFERENCES muc_rooms (jid) ON DELETE CASCADE,
    jid         ${keyText} NOT NULL,
    affiliation VARCHAR(8) NOT NULL,
    nick        TEXT,
    reason      TEXT,
    PRIMARY KEY (room, jid)
);
