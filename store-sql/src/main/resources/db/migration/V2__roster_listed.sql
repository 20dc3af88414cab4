-- Whether the owner put the contact on the buddy list; false for an item that only records a
-- stranger's pending subscription request. Existing items were all shown, hence the default.
ALTER TABLE roster_items ADD COLUMN listed BOOLEAN NOT NULL DEFAULT TRUE;
