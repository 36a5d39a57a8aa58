-- Schema 6: cash settlement of expired positions (docs/trading-controls.md, "Cash settlement at
-- expiry"). Conventions as in 0003 (money INTEGER cents, prices INTEGER micro-USD per unit, dates
-- ISO TEXT, timestamps ISO UTC TEXT). Written only by ch::storage::settleExpiredPositions, in the
-- transaction that marks the position settled and appends its "position.settle" audit entry.
--
-- Why a table and not only the positions row: the P&L series (trading::buildPnlSeries) and the
-- book check (positions = fills booked in id order, then settlements) must replay a settlement,
-- which needs its final price and fee per contract; the positions row keeps only the totals.

-- One row per settled contract month; the primary key makes a second settlement impossible.
CREATE TABLE settlements (
    symbol                 TEXT NOT NULL,
    delivery_month         TEXT NOT NULL,
    last_trading_day       TEXT NOT NULL,  -- the date the P&L series books the settlement on
    index_id               TEXT NOT NULL,  -- the underlying index whose average settles it
    fixings                INTEGER NOT NULL CHECK (fixings > 0),  -- business days averaged
    final_price_micros     INTEGER NOT NULL CHECK (final_price_micros > 0),
    settled_qty            INTEGER NOT NULL CHECK (settled_qty <> 0),  -- signed: > 0 long
    fee_per_contract_cents INTEGER NOT NULL CHECK (fee_per_contract_cents >= 0),
    realised_cents         INTEGER NOT NULL,
    fee_cents              INTEGER NOT NULL CHECK (fee_cents >= 0),
    settled_by             TEXT NOT NULL,
    settled_at             TEXT NOT NULL,
    PRIMARY KEY (symbol, delivery_month),
    FOREIGN KEY (symbol, delivery_month) REFERENCES positions (symbol, delivery_month)
) WITHOUT ROWID;
