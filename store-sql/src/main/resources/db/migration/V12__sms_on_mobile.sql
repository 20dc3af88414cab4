-- The SMS command ON (the user appears available "on mobile") is kept with the link, so the
-- gateway's session comes back after a restart; a new number starts OFF.
ALTER TABLE sms_links ADD COLUMN on_mobile INTEGER NOT NULL DEFAULT 0;
