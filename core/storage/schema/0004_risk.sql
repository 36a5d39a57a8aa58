-- Schema 4: Cost-at-Risk and stress tests (docs/risk.md, "Using it"): the user's parameter
-- overrides per index, the user-defined stress scenario, saved Monte Carlo runs with their
-- settings, inputs summary and result tables, and saved stress runs.
-- Conventions (STYLE.md §7): risk figures are analytics, so REAL USD (doubles round-trip bit for
-- bit); months ISO TEXT YYYY-MM, dates YYYY-MM-DD, timestamps ISO UTC TEXT; enums stable TEXT
-- codes from core/risk; the 64-bit run seed as decimal TEXT (SQLite INTEGER is signed). A run is
-- written whole in one transaction by ch::storage::RiskRepository and never edited; its child
-- rows go with it (ON DELETE CASCADE). A cancelled run is never written.

-- Overrides of estimated model parameters; NULL = keep the estimate (risk/factor_params.h).
CREATE TABLE risk_param_overrides (
    index_id       TEXT PRIMARY KEY NOT NULL,
    kappa_per_year REAL,
    sigma_annual   REAL,
    jumps_per_year REAL,
    jump_mean_log  REAL,
    jump_sd_log    REAL,
    updated_at     TEXT NOT NULL
);

-- The user-defined stress scenario: its name (at most one row) and its shocks in the user's order.
CREATE TABLE risk_user_scenario (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL CHECK (length(name) > 0)
);
CREATE TABLE risk_user_shocks (
    position    INTEGER PRIMARY KEY NOT NULL,
    index_id    TEXT NOT NULL,
    first_month TEXT NOT NULL,
    last_month  TEXT NOT NULL,
    relative    REAL NOT NULL CHECK (relative > -1.0)
);

-- One Monte Carlo run: settings (risk::McConfig), the inputs it used (summary and digest) and the
-- report's scalar figures.
CREATE TABLE risk_runs (
    id                           INTEGER PRIMARY KEY,
    created_at                   TEXT NOT NULL,
    valuation_date               TEXT NOT NULL,
    first_month                  TEXT NOT NULL,
    horizon_months               INTEGER NOT NULL CHECK (horizon_months BETWEEN 1 AND 120),
    volume_mode                  TEXT NOT NULL
                                 CHECK (volume_mode IN ('uncertain', 'low', 'base', 'high')),
    volume_correlation           REAL NOT NULL,
    price_volume_correlation     REAL NOT NULL,
    seed                         TEXT NOT NULL,
    paths                        INTEGER NOT NULL CHECK (paths >= 1),
    threads                      INTEGER NOT NULL CHECK (threads >= 0),
    block_paths                  INTEGER NOT NULL,
    histogram_bins               INTEGER NOT NULL,
    contribution_window          REAL NOT NULL,
    fine_bins_total              INTEGER NOT NULL,
    fine_bins_period             INTEGER NOT NULL,
    inputs_digest                TEXT NOT NULL,
    hedges                       TEXT NOT NULL, -- storage::hedgeSourceLabel()
    cell_count                   INTEGER NOT NULL,
    instrument_count             INTEGER NOT NULL,
    has_hedge                    INTEGER NOT NULL CHECK (has_hedge IN (0, 1)),
    correlation_repaired         INTEGER NOT NULL CHECK (correlation_repaired IN (0, 1)),
    correlation_repair_frobenius REAL,
    exact_tail_paths             INTEGER NOT NULL,
    window_car95_usd             REAL,
    window_car99_usd             REAL,
    car95_reduction_usd          REAL,
    car99_reduction_usd          REAL
);

-- The factors of a run with the parameters it used (estimate with overrides).
CREATE TABLE risk_run_factors (
    run_id         INTEGER NOT NULL REFERENCES risk_runs (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    index_id       TEXT NOT NULL,
    model          TEXT NOT NULL CHECK (model IN ('mr_jump', 'token_cuts')),
    kappa_per_year REAL NOT NULL,
    sigma_annual   REAL NOT NULL,
    jumps_per_year REAL NOT NULL,
    jump_mean_log  REAL NOT NULL,
    jump_sd_log    REAL NOT NULL,
    overridden     INTEGER NOT NULL CHECK (overridden IN (0, 1)),
    PRIMARY KEY (run_id, position)
) WITHOUT ROWID;

-- Per horizon month: the budget (NULL when none is set) and the cost at forward prices.
CREATE TABLE risk_run_months (
    run_id           INTEGER NOT NULL REFERENCES risk_runs (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    budget_usd       REAL,
    forward_cost_usd REAL NOT NULL,
    PRIMARY KEY (run_id, position)
) WITHOUT ROWID;

-- Distribution summaries (risk::DistributionSummary) of the horizon, each quarter and each month,
-- one row per side (unhedged, hedged); every estimate with its standard error. Figures of the
-- engine's report may be NULL: SQLite stores a NaN (a figure that does not exist) as NULL, and
-- RiskRepository reads NULL back as NaN.
CREATE TABLE risk_run_periods (
    run_id      INTEGER NOT NULL REFERENCES risk_runs (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('horizon', 'quarter', 'month')),
    position    INTEGER NOT NULL,
    side        TEXT NOT NULL CHECK (side IN ('unhedged', 'hedged')),
    first_month TEXT NOT NULL,
    months      INTEGER NOT NULL,
    expected    REAL,
    expected_se REAL,
    p50         REAL,
    p50_se      REAL,
    p95         REAL,
    p95_se      REAL,
    p99         REAL,
    p99_se      REAL,
    car95       REAL,
    car95_se    REAL,
    car99       REAL,
    car99_se    REAL,
    es95        REAL,
    es95_se     REAL,
    es99        REAL,
    es99_se     REAL,
    sd          REAL,
    min_usd     REAL,
    max_usd     REAL,
    PRIMARY KEY (run_id, kind, position, side)
) WITHOUT ROWID;

CREATE TABLE risk_run_fan (
    run_id   INTEGER NOT NULL REFERENCES risk_runs (id) ON DELETE CASCADE,
    side     TEXT NOT NULL CHECK (side IN ('unhedged', 'hedged')),
    position INTEGER NOT NULL,
    month    TEXT NOT NULL,
    p5       REAL NOT NULL,
    p25      REAL NOT NULL,
    p50      REAL,
    p75      REAL NOT NULL,
    p95      REAL,
    PRIMARY KEY (run_id, side, position)
) WITHOUT ROWID;

CREATE TABLE risk_run_histogram (
    run_id   INTEGER NOT NULL REFERENCES risk_runs (id) ON DELETE CASCADE,
    side     TEXT NOT NULL CHECK (side IN ('unhedged', 'hedged')),
    bin      INTEGER NOT NULL,
    low_usd  REAL NOT NULL,
    high_usd REAL NOT NULL,
    paths    INTEGER NOT NULL CHECK (paths >= 0),
    PRIMARY KEY (run_id, side, bin)
) WITHOUT ROWID;

CREATE TABLE risk_run_contributions (
    run_id            INTEGER NOT NULL REFERENCES risk_runs (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    index_id          TEXT NOT NULL,
    expected_cost_usd REAL,
    car95_usd         REAL,
    car99_usd         REAL,
    hedged_car95_usd  REAL,
    hedged_car99_usd  REAL,
    PRIMARY KEY (run_id, position)
) WITHOUT ROWID;

-- One stress run: every scenario evaluated on the same inputs.
CREATE TABLE stress_runs (
    id             INTEGER PRIMARY KEY,
    created_at     TEXT NOT NULL,
    valuation_date TEXT NOT NULL,
    first_month    TEXT NOT NULL,
    horizon_months INTEGER NOT NULL CHECK (horizon_months BETWEEN 1 AND 120),
    volume_mode    TEXT NOT NULL CHECK (volume_mode IN ('uncertain', 'low', 'base', 'high')),
    inputs_digest  TEXT NOT NULL,
    hedges         TEXT NOT NULL,
    has_hedge      INTEGER NOT NULL CHECK (has_hedge IN (0, 1))
);

CREATE TABLE stress_results (
    run_id                   INTEGER NOT NULL REFERENCES stress_runs (id) ON DELETE CASCADE,
    position                 INTEGER NOT NULL,
    kind                     TEXT NOT NULL CHECK (kind IN ('historical', 'preset', 'user')),
    name                     TEXT NOT NULL,
    description              TEXT NOT NULL,
    base_cost_usd            REAL NOT NULL,
    stressed_cost_usd        REAL NOT NULL,
    base_hedged_cost_usd     REAL NOT NULL,
    stressed_hedged_cost_usd REAL NOT NULL,
    PRIMARY KEY (run_id, position)
) WITHOUT ROWID;

-- Per scenario and horizon month, the change of cost (unhedged and hedged).
CREATE TABLE stress_result_months (
    run_id           INTEGER NOT NULL,
    position         INTEGER NOT NULL,
    month_offset     INTEGER NOT NULL,
    delta_usd        REAL NOT NULL,
    hedged_delta_usd REAL NOT NULL,
    PRIMARY KEY (run_id, position, month_offset),
    FOREIGN KEY (run_id, position) REFERENCES stress_results (run_id, position) ON DELETE CASCADE
) WITHOUT ROWID;

-- Per scenario and factor, the change of unhedged cost.
CREATE TABLE stress_result_factors (
    run_id          INTEGER NOT NULL,
    position        INTEGER NOT NULL,
    factor_position INTEGER NOT NULL,
    index_id        TEXT NOT NULL,
    delta_usd       REAL NOT NULL,
    PRIMARY KEY (run_id, position, factor_position),
    FOREIGN KEY (run_id, position) REFERENCES stress_results (run_id, position) ON DELETE CASCADE
) WITHOUT ROWID;
