-- Trading desk: users, orders and their approvals, events and pre-trade findings, the broker inbox,
-- fills, positions, marks, trading limits, hedge designations and the hash-chained audit log.
-- Conventions as in 0001 (money INTEGER cents, prices INTEGER micro-USD per unit, dates ISO TEXT,
-- timestamps ISO UTC TEXT, enums stable TEXT codes from core/trading). Every write goes through
-- ch::storage::TradingRepository / UserRepository, one transaction per change together with its
-- audit entry (docs/trading-controls.md, "Storage").

-- People who can log in. password_hash is the self-describing scrypt verifier
-- "scrypt$<log2 N>$<r>$<p>$<salt>$<key>" (security/password.h), so the cost parameters are stored
-- with every hash. failed_attempts / last_failure_at feed the login throttle; locked_until is the
-- earliest time the next attempt is checked (NULL when not throttled).
CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    login           TEXT NOT NULL UNIQUE CHECK (length(login) > 0),
    display_name    TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('admin', 'trader', 'approver', 'viewer')),
    password_hash   TEXT NOT NULL,
    active          INTEGER NOT NULL CHECK (active IN (0, 1)),
    failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    last_failure_at TEXT,
    locked_until    TEXT,
    created_at      TEXT NOT NULL
);

-- One row per order; the request as entered plus the state the lifecycle functions computed.
CREATE TABLE orders (
    id                    INTEGER PRIMARY KEY,
    symbol                TEXT NOT NULL REFERENCES contracts (symbol),
    delivery_month        TEXT NOT NULL,                 -- "2026-12"
    side                  TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
    quantity              INTEGER NOT NULL CHECK (quantity > 0),
    order_type            TEXT NOT NULL CHECK (order_type IN ('market', 'limit')),
    limit_price_micros    INTEGER,
    time_in_force         TEXT NOT NULL CHECK (time_in_force IN ('day', 'gtc', 'gtd')),
    good_till_date        TEXT,
    comment               TEXT NOT NULL,
    units_per_contract    INTEGER NOT NULL CHECK (units_per_contract > 0),
    notional_price_micros INTEGER NOT NULL,
    notional_cents        INTEGER NOT NULL,
    maker_id              INTEGER NOT NULL REFERENCES users (id),
    created_at            TEXT NOT NULL,
    state                 TEXT NOT NULL,
    required_approvals    INTEGER NOT NULL CHECK (required_approvals BETWEEN 0 AND 2),
    filled_qty            INTEGER NOT NULL CHECK (filled_qty BETWEEN 0 AND quantity),
    status_text           TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    origin                TEXT NOT NULL                  -- "manual", "proposal <id> line <n>"
);
CREATE INDEX orders_by_state ON orders (state);
CREATE INDEX orders_by_created ON orders (created_at);  -- the duplicate check's look-back

-- The checkers' approvals; an approver appears at most once per order.
CREATE TABLE order_approvals (
    order_id    INTEGER NOT NULL REFERENCES orders (id),
    approver_id INTEGER NOT NULL REFERENCES users (id),
    at          TEXT NOT NULL,
    comment     TEXT NOT NULL,
    PRIMARY KEY (order_id, approver_id)
);

-- The transition log: one row per OrderEvent, in the order they happened.
CREATE TABLE order_events (
    id         INTEGER PRIMARY KEY,
    order_id   INTEGER NOT NULL REFERENCES orders (id),
    action     TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state   TEXT NOT NULL,
    actor_id   INTEGER REFERENCES users (id),           -- NULL for broker and system events
    at         TEXT NOT NULL,
    comment    TEXT NOT NULL
);
CREATE INDEX order_events_by_order ON order_events (order_id, id);

-- The pre-trade findings the order was submitted with (errors block, so only warnings remain
-- after a successful submission); shown to the checker.
CREATE TABLE order_checks (
    order_id   INTEGER NOT NULL REFERENCES orders (id),
    position   INTEGER NOT NULL,
    check_code TEXT NOT NULL,
    severity   TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
    message    TEXT NOT NULL,
    PRIMARY KEY (order_id, position)
);

-- Every execution report received, written on receipt in its own transaction, before it is
-- applied. Applying it (fill, order, position, audit) is a second transaction that also sets
-- processed_at; reports still unprocessed after a crash are applied on the next start. exec_id is
-- unique: a report delivered again is ignored on arrival.
CREATE TABLE broker_inbox (
    id                INTEGER PRIMARY KEY,
    exec_id           TEXT NOT NULL UNIQUE,
    order_id          INTEGER NOT NULL,                  -- as reported; checked when applied
    exec_type         TEXT NOT NULL,
    last_qty          INTEGER NOT NULL,
    last_price_micros INTEGER NOT NULL,
    cum_qty           INTEGER NOT NULL,
    leaves_qty        INTEGER NOT NULL,
    transact_time     TEXT NOT NULL,
    text              TEXT NOT NULL,
    received_at       TEXT NOT NULL,
    processed_at      TEXT,
    outcome           TEXT CHECK (outcome IN ('applied', 'duplicate', 'anomaly')),
    note              TEXT NOT NULL DEFAULT ''
);
CREATE INDEX broker_inbox_pending ON broker_inbox (processed_at, id);
CREATE INDEX broker_inbox_by_order ON broker_inbox (order_id);

-- Executions booked against orders; positions are the running sum of these rows in id order.
CREATE TABLE fills (
    id                 INTEGER PRIMARY KEY,
    exec_id            TEXT NOT NULL UNIQUE,
    order_id           INTEGER NOT NULL REFERENCES orders (id),
    symbol             TEXT NOT NULL,
    delivery_month     TEXT NOT NULL,
    side               TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
    quantity           INTEGER NOT NULL CHECK (quantity > 0),
    price_micros       INTEGER NOT NULL CHECK (price_micros > 0),
    units_per_contract INTEGER NOT NULL CHECK (units_per_contract > 0),
    fee_cents          INTEGER NOT NULL CHECK (fee_cents >= 0),
    at                 TEXT NOT NULL
);
CREATE INDEX fills_by_order ON fills (order_id);

-- Net position per contract month, updated in the fill's transaction; always equal to the fills
-- booked in id order (TradingRepository::checkPositions verifies it).
CREATE TABLE positions (
    symbol             TEXT NOT NULL,
    delivery_month     TEXT NOT NULL,
    units_per_contract INTEGER NOT NULL,
    net_qty            INTEGER NOT NULL,
    open_cost_micros   INTEGER NOT NULL CHECK (open_cost_micros >= 0),
    realised_cents     INTEGER NOT NULL,
    fees_cents         INTEGER NOT NULL CHECK (fees_cents >= 0),
    settled            INTEGER NOT NULL CHECK (settled IN (0, 1)),
    PRIMARY KEY (symbol, delivery_month)
) WITHOUT ROWID;

-- Dated marks per contract month (micro-USD per unit) for unrealised P&L; source says where the
-- number came from ("forward curve", "index level").
CREATE TABLE marks (
    date           TEXT NOT NULL,
    symbol         TEXT NOT NULL,
    delivery_month TEXT NOT NULL,
    price_micros   INTEGER NOT NULL CHECK (price_micros > 0),
    source         TEXT NOT NULL,
    PRIMARY KEY (date, symbol, delivery_month)
) WITHOUT ROWID;

-- The desk's limits and approval threshold (one row), changed by admins through the repository.
CREATE TABLE trading_limits (
    id                           INTEGER PRIMARY KEY CHECK (id = 1),
    max_contracts_per_month      INTEGER NOT NULL CHECK (max_contracts_per_month > 0),
    max_contracts_per_contract   INTEGER NOT NULL CHECK (max_contracts_per_contract > 0),
    max_order_notional_cents     INTEGER NOT NULL CHECK (max_order_notional_cents > 0),
    collar_fraction              REAL NOT NULL CHECK (collar_fraction > 0),
    duplicate_window_seconds     INTEGER NOT NULL CHECK (duplicate_window_seconds >= 0),
    two_approver_threshold_cents INTEGER NOT NULL CHECK (two_approver_threshold_cents > 0),
    updated_by                   TEXT NOT NULL,
    updated_at                   TEXT NOT NULL
);
-- Defaults (docs/trading-controls.md): 250 contracts per month and symbol (the hedge policy's
-- per-contract-month cap), 2,500 over all months of a symbol, 2,000,000 USD per order, ±10% collar,
-- 300 s duplicate window, two approvers above 250,000 USD.
INSERT INTO trading_limits VALUES (1, 250, 2500, 200000000, 0.10, 300, 25000000, 'system',
                                   '1970-01-01T00:00:00Z');

-- Paper broker behaviour (one row). The seed makes a replay after a restart produce the same
-- reports (PaperEngine), which is how orders at the paper broker are reconciled.
CREATE TABLE paper_broker (
    id                       INTEGER PRIMARY KEY CHECK (id = 1),
    seed                     INTEGER NOT NULL,
    slippage_bps             REAL NOT NULL CHECK (slippage_bps >= 0),
    reject_probability       REAL NOT NULL CHECK (reject_probability BETWEEN 0 AND 1),
    partial_fill_probability REAL NOT NULL CHECK (partial_fill_probability BETWEEN 0 AND 1),
    max_partial_fills        INTEGER NOT NULL CHECK (max_partial_fills >= 2)
);
INSERT INTO paper_broker VALUES (1, 20261030, 2.0, 0.0, 0.3, 4);

-- Designated hedges for effectiveness testing (ASC 815; trading/effectiveness.h). The hedged item
-- is a forecast purchase priced on hedged_index; the instrument is contracts_per_month contracts of
-- instrument_symbol per delivery month.
CREATE TABLE hedge_designations (
    id                     INTEGER PRIMARY KEY,
    reference              TEXT NOT NULL UNIQUE,
    designation_date       TEXT NOT NULL,
    hedged_item            TEXT NOT NULL,
    hedging_instrument     TEXT NOT NULL,
    risk_hedged            TEXT NOT NULL,
    hedge_ratio            REAL NOT NULL CHECK (hedge_ratio > 0),
    method                 TEXT NOT NULL,
    assessment_frequency   TEXT NOT NULL,
    prepared_by            TEXT NOT NULL,
    hedged_index           TEXT NOT NULL REFERENCES indices (id),
    instrument_symbol      TEXT NOT NULL REFERENCES contracts (symbol),
    hedged_units_per_month REAL NOT NULL CHECK (hedged_units_per_month > 0),
    contracts_per_month    INTEGER NOT NULL CHECK (contracts_per_month > 0)
);

-- The append-only audit log (trading/audit.h): each row's hash covers its content and the
-- previous row's hash. The triggers refuse updates and deletes through SQL; the chain catches
-- changes made around them.
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    user        TEXT NOT NULL,
    action      TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id   TEXT NOT NULL,
    before      TEXT NOT NULL,
    after       TEXT NOT NULL,
    comment     TEXT NOT NULL,
    host        TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- The newest row's seq and hash, written in the same transaction as every append, so removing
-- the newest rows (which leaves a valid shorter chain) is caught by `audit verify`.
CREATE TABLE audit_head (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq INTEGER NOT NULL,
    hash     TEXT NOT NULL
);
INSERT INTO audit_head VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
