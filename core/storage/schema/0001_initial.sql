-- Schema 1: workspace settings and reference market data.
-- Conventions (STYLE.md §7): money as INTEGER minor units, unit prices as INTEGER micro-USD,
-- dates as ISO TEXT (YYYY-MM-DD), timestamps as ISO UTC TEXT (YYYY-MM-DDTHH:MM:SSZ), enums as
-- stable TEXT codes. Run by Workspace in one transaction that ends with PRAGMA user_version = 1.

-- Workspace-level key/value settings (documented in docs/workspace.md).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Identity of the reference dataset the workspace was seeded from; at most one row.
CREATE TABLE dataset_info (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    version        TEXT NOT NULL,
    valuation_date TEXT NOT NULL,
    seed           TEXT NOT NULL,  -- uint64 as decimal text (SQLite INTEGER is signed)
    disclaimer     TEXT NOT NULL
);

-- Reference price indices. Rows keep the dataset's order (rowid).
CREATE TABLE indices (
    id          TEXT PRIMARY KEY NOT NULL,  -- "GPU.H100.NC"
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,              -- "gpu_rental" | "token_price"
    unit        TEXT NOT NULL,              -- unitCode(): "gpu_hour" | "mtok"
    resource    TEXT NOT NULL,
    segment     TEXT NOT NULL,
    first_date  TEXT NOT NULL,
    description TEXT NOT NULL
);

-- Daily index levels in micro-USD per unit. The primary key is the read order of every series
-- query, so loading all history is one index scan without sorting.
CREATE TABLE prices (
    index_id     TEXT NOT NULL REFERENCES indices (id) ON DELETE CASCADE,
    date         TEXT NOT NULL,
    price_micros INTEGER NOT NULL CHECK (price_micros > 0),
    PRIMARY KEY (index_id, date)
) WITHOUT ROWID;

-- Simulated futures contract specifications. Rows keep the dataset's order (rowid).
CREATE TABLE contracts (
    symbol                  TEXT PRIMARY KEY NOT NULL,  -- "CHG.H100", never a real exchange code
    name                    TEXT NOT NULL,
    style                   TEXT NOT NULL,              -- exchangeStyleCode(): "CME-style", ...
    underlying_index        TEXT NOT NULL REFERENCES indices (id),
    unit                    TEXT NOT NULL,              -- unitCode()
    units_per_contract      INTEGER NOT NULL CHECK (units_per_contract > 0),
    tick_micros             INTEGER NOT NULL CHECK (tick_micros > 0),
    months_listed           INTEGER NOT NULL CHECK (months_listed > 0),
    settlement              TEXT NOT NULL,
    last_trading            TEXT NOT NULL,
    initial_margin_fraction REAL NOT NULL,              -- an assumption, analytics only
    fee_per_side_cents      INTEGER NOT NULL            -- USD minor units per contract per side
);

-- Dated market events with their public source; index_id is NULL for market-wide events.
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL,
    index_id    TEXT REFERENCES indices (id),
    description TEXT NOT NULL,
    source_url  TEXT NOT NULL
);

-- Log of price CSV imports.
CREATE TABLE price_imports (
    id             INTEGER PRIMARY KEY,
    file_name      TEXT NOT NULL,
    rows_read      INTEGER NOT NULL,
    points_written INTEGER NOT NULL,
    indices        TEXT NOT NULL,  -- comma-separated index ids touched
    imported_at    TEXT NOT NULL   -- ISO UTC timestamp
);
