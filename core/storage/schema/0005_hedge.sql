-- Schema 5: hedge policies and hedge proposals (docs/hedging.md, "Using it").
-- Conventions (STYLE.md §7): ratios and USD figures are analytics, so REAL (doubles round-trip bit
-- for bit); months ISO TEXT YYYY-MM, dates YYYY-MM-DD, timestamps ISO UTC TEXT; enums stable TEXT
-- codes from core/hedging (instrumentTypeCode, roundingPolicyCode, scenarioCode). Every write goes
-- through ch::storage::HedgeRepository, one transaction per change together with its audit entry.

-- One saved version of a hedge policy (hedging::HedgePolicy). Versions are never edited: each
-- saved edit inserts version + 1 with its author and time, so the history is the rows themselves.
-- The current version of a policy is the highest version of its policy_id.
CREATE TABLE hedge_policies (
    policy_id                        TEXT NOT NULL CHECK (length(policy_id) > 0),
    version                          INTEGER NOT NULL CHECK (version >= 1),
    name                             TEXT NOT NULL CHECK (length(name) > 0),
    author                           TEXT NOT NULL CHECK (length(author) > 0),
    saved_at                         TEXT NOT NULL,
    max_contracts_per_month          INTEGER NOT NULL CHECK (max_contracts_per_month >= 0),
    max_contracts_per_contract_month INTEGER NOT NULL
                                     CHECK (max_contracts_per_contract_month >= 0),
    max_premium_usd                  REAL NOT NULL CHECK (max_premium_usd >= 0),
    volume_scenario                  TEXT NOT NULL CHECK (volume_scenario IN ('low', 'base', 'high')),
    rounding                         TEXT NOT NULL
                                     CHECK (rounding IN ('toward_zero', 'nearest_within_band')),
    call_strike_fraction             REAL NOT NULL CHECK (call_strike_fraction > 0),
    put_strike_fraction              REAL NOT NULL CHECK (put_strike_fraction > 0),
    PRIMARY KEY (policy_id, version)
) WITHOUT ROWID;

-- The tenor buckets of a version, in the policy's order; ratios are fractions (0.75 = 75%).
CREATE TABLE hedge_policy_buckets (
    policy_id    TEXT NOT NULL,
    version      INTEGER NOT NULL,
    position     INTEGER NOT NULL,
    from_month   INTEGER NOT NULL,
    to_month     INTEGER NOT NULL,
    min_ratio    REAL NOT NULL,
    target_ratio REAL NOT NULL,
    max_ratio    REAL NOT NULL,
    PRIMARY KEY (policy_id, version, position),
    FOREIGN KEY (policy_id, version) REFERENCES hedge_policies (policy_id, version)
        ON DELETE CASCADE
) WITHOUT ROWID;

-- What may hedge a resource ("H100", "FRONTIER", "*"): instrument codes in order of preference
-- and allowed contract symbols, each a comma-separated list (codes and symbols hold no comma);
-- an empty symbol list allows every contract of the resource's unit.
CREATE TABLE hedge_policy_rules (
    policy_id   TEXT NOT NULL,
    version     INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    resource    TEXT NOT NULL CHECK (length(resource) > 0),
    instruments TEXT NOT NULL,
    symbols     TEXT NOT NULL,
    PRIMARY KEY (policy_id, version, position),
    FOREIGN KEY (policy_id, version) REFERENCES hedge_policies (policy_id, version)
        ON DELETE CASCADE
) WITHOUT ROWID;

-- A hedge proposal (hedging::HedgeProposal): the recommendation a user saved, with the policy
-- version it was built under. 'draft' is kept for later; 'submitted' is ready for the trading desk
-- to turn into orders (docs/trading-controls.md).
CREATE TABLE hedge_proposals (
    id             TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    policy_id      TEXT NOT NULL,
    policy_version INTEGER NOT NULL,
    created_by     TEXT NOT NULL CHECK (length(created_by) > 0),
    created_at     TEXT NOT NULL,
    valuation_date TEXT NOT NULL,
    rationale      TEXT NOT NULL CHECK (length(rationale) > 0),
    status         TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    submitted_by   TEXT,
    submitted_at   TEXT,
    FOREIGN KEY (policy_id, policy_version) REFERENCES hedge_policies (policy_id, version)
);

-- One month × exposure line of a proposal: the holding after the trade and the trade itself, at
-- the prices of the proposal's valuation date (USD per unit; premium for the whole holding).
CREATE TABLE hedge_proposal_lines (
    proposal_id       TEXT NOT NULL REFERENCES hedge_proposals (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    month             TEXT NOT NULL,
    exposure_index_id TEXT NOT NULL,
    resource          TEXT NOT NULL,
    symbol            TEXT NOT NULL CHECK (length(symbol) > 0),
    instrument        TEXT NOT NULL CHECK (instrument IN ('future', 'call', 'collar')),
    contracts         INTEGER NOT NULL CHECK (contracts >= 0),
    trade_contracts   INTEGER NOT NULL,
    forward_usd       REAL NOT NULL,
    call_strike_usd   REAL NOT NULL,
    put_strike_usd    REAL NOT NULL,
    premium_usd       REAL NOT NULL,
    PRIMARY KEY (proposal_id, position)
) WITHOUT ROWID;
