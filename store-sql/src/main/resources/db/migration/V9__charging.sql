-- Charging data records: one row per billable event, priced when it happened. Times are epoch
-- milliseconds; amounts are integers of millionths of the currency unit (exact sums on both
-- databases, no floating point). Rows stay when their account is deleted: they are bills.
CREATE TABLE charging_records (
    id          ${idColumn},
    at          BIGINT NOT NULL,
    user_jid    ${keyText} NOT NULL,
    peer        TEXT NOT NULL,
    channel     ${keyText} NOT NULL,
    direction   ${keyText} NOT NULL,
    unit        ${keyText} NOT NULL,
    quantity    BIGINT NOT NULL,
    amount      BIGINT NOT NULL,
    currency    ${keyText} NOT NULL,
    tariff_item TEXT NOT NULL
);
-- Statements: one user's records of a period.
CREATE INDEX charging_records_by_user ON charging_records (user_jid, at);
-- Reports over every user.
CREATE INDEX charging_records_by_time ON charging_records (at);
-- Plans charged per day. Days are epoch days; charged_through is the last day charged (NULL: none
-- yet), moved forward in the same transaction as the day's record, so a day is charged once.
CREATE TABLE charging_subscriptions (
    user_jid        ${keyText} NOT NULL,
    item            ${keyText} NOT NULL,
    since           BIGINT NOT NULL,
    charged_through BIGINT,
    PRIMARY KEY (user_jid, item)
);
