-- Schema 2: the consumption plan and the records next to it (docs/plan-and-exposure.md):
-- plan lines and their monthly low/base/high cells, the planning helpers that generated some
-- lines, contracted capacity, bills already paid and the budget.
-- Conventions (STYLE.md §7): plan volumes are forecasts, so REAL; unit prices INTEGER micro-USD;
-- amounts INTEGER cents (USD); months ISO TEXT YYYY-MM, dates YYYY-MM-DD; enums stable TEXT
-- codes; `position` keeps the user's order. PlanRepository replaces these tables as a whole in one
-- transaction (children first), so foreign keys are checked immediately.
-- Index ids are not foreign keys to `indices`: a plan may name an index before its prices are
-- imported, and exposure reports the missing curve by name.

-- The plan's months; at most one row, none before a plan was saved.
CREATE TABLE plan_info (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    first_month TEXT NOT NULL,
    months      INTEGER NOT NULL CHECK (months BETWEEN 1 AND 36)
);

-- Planning helpers: the inputs behind generated lines, one column per input. Columns of the
-- other kind are NULL; gpu_type is used by both kinds (the training run's GPU, or the GPU of a
-- self-hosted inference service, kept for API services too so the inputs round-trip exactly).
CREATE TABLE plan_helpers (
    id                        TEXT PRIMARY KEY NOT NULL,
    position                  INTEGER NOT NULL UNIQUE,
    kind                      TEXT NOT NULL CHECK (kind IN ('training_run', 'inference_service')),
    name                      TEXT NOT NULL,
    confidence                TEXT NOT NULL,   -- confidenceClassCode()
    index_id                  TEXT NOT NULL,   -- '' = the resource's default index
    uncertainty               REAL NOT NULL,   -- fraction u: low/high = base × (1 ∓ u)
    gpu_type                  TEXT NOT NULL,   -- gpuTypeCode()
    -- training_run
    gpus                      INTEGER,
    start_date                TEXT,
    wall_clock_days           INTEGER,
    utilisation               REAL,
    -- inference_service
    serving                   TEXT,            -- 'api_tokens' | 'self_hosted_gpu'
    tier                      TEXT,            -- modelTierCode()
    tokens_per_second_per_gpu REAL,
    requests_per_day          REAL,
    input_tokens_per_request  REAL,
    output_tokens_per_request REAL,
    monthly_growth            REAL,
    start_month               TEXT,
    months                    INTEGER,
    CHECK (kind <> 'training_run' OR (gpus IS NOT NULL AND start_date IS NOT NULL
                                      AND wall_clock_days IS NOT NULL
                                      AND utilisation IS NOT NULL)),
    CHECK (kind <> 'inference_service' OR (serving IS NOT NULL AND tier IS NOT NULL
                                           AND tokens_per_second_per_gpu IS NOT NULL
                                           AND requests_per_day IS NOT NULL
                                           AND input_tokens_per_request IS NOT NULL
                                           AND output_tokens_per_request IS NOT NULL
                                           AND monthly_growth IS NOT NULL
                                           AND start_month IS NOT NULL AND months IS NOT NULL))
);

-- Plan lines in plan order; helper_id is NULL for a line typed in by hand.
CREATE TABLE plan_lines (
    id         TEXT PRIMARY KEY NOT NULL,
    position   INTEGER NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    resource   TEXT NOT NULL,                  -- Resource::code(): 'H100', 'MID.IN'
    index_id   TEXT NOT NULL,
    unit       TEXT NOT NULL,                  -- unitCode() of the resource: 'gpu_hour' | 'mtok'
    confidence TEXT NOT NULL,
    helper_id  TEXT REFERENCES plan_helpers (id)
);

-- One row per line and plan month: low <= base <= high volumes in the line's unit.
CREATE TABLE plan_cells (
    line_id TEXT NOT NULL REFERENCES plan_lines (id) ON DELETE CASCADE,
    month   TEXT NOT NULL,
    low     REAL NOT NULL,
    base    REAL NOT NULL,
    high    REAL NOT NULL,
    CHECK (0 <= low AND low <= base AND base <= high),
    PRIMARY KEY (line_id, month)
) WITHOUT ROWID;

-- Capacity bought at a fixed price. line_id NULL = pooled over the lines with this resource and
-- index. (Named capacity_* because `contracts` holds the simulated futures specifications.)
CREATE TABLE capacity_contracts (
    id           TEXT PRIMARY KEY NOT NULL,
    position     INTEGER NOT NULL UNIQUE,
    line_id      TEXT REFERENCES plan_lines (id),
    resource     TEXT NOT NULL,
    index_id     TEXT NOT NULL,
    unit         TEXT NOT NULL,
    kind         TEXT NOT NULL,                -- 'reserved' | 'committed_use' | 'prepaid_tokens'
    counterparty TEXT NOT NULL,
    price_micros INTEGER NOT NULL CHECK (price_micros >= 0),
    first_month  TEXT NOT NULL
);

-- Contracted volume per month, every month from the contract's first to its last (0 allowed).
CREATE TABLE capacity_months (
    contract_id TEXT NOT NULL REFERENCES capacity_contracts (id) ON DELETE CASCADE,
    month       TEXT NOT NULL,
    quantity    REAL NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (contract_id, month)
) WITHOUT ROWID;

-- Bills already paid, in the order given; one per month, provider and resource.
CREATE TABLE actual_bills (
    position     INTEGER PRIMARY KEY,
    month        TEXT NOT NULL,
    provider     TEXT NOT NULL,
    resource     TEXT NOT NULL,
    unit         TEXT NOT NULL,
    quantity     REAL NOT NULL CHECK (quantity > 0),
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    UNIQUE (month, provider, resource)
);

-- Budget per line and month: a price per unit (price_micros, unit) or a fixed amount.
CREATE TABLE budget_entries (
    line_id      TEXT NOT NULL REFERENCES plan_lines (id) ON DELETE CASCADE,
    month        TEXT NOT NULL,
    position     INTEGER NOT NULL UNIQUE,
    price_micros INTEGER CHECK (price_micros >= 0),
    unit         TEXT,
    amount_cents INTEGER CHECK (amount_cents >= 0),
    CHECK ((price_micros IS NULL) <> (amount_cents IS NULL)),
    CHECK ((price_micros IS NULL) = (unit IS NULL)),
    PRIMARY KEY (line_id, month)
) WITHOUT ROWID;
