-- Schema 7: the exposure units each hedge proposal line hedges (contracts × units per contract /
-- h*, hedging::ProposalLine::hedgedUnits), so that a hedge designated from an executed proposal
-- names the forecast purchase the contracts actually hedge. A cross hedge (H200 exposure on
-- CHG.H100 futures, h* about 0.9) hedges more exposure units than the contracts carry; designating
-- it 1:1 understated the hedged item and failed the effectiveness tests.
--
-- Proposals saved before this version keep 0: designation_draft.cpp falls back to contracts ×
-- units (1:1) for them and says so.
ALTER TABLE hedge_proposal_lines ADD COLUMN hedged_units REAL NOT NULL DEFAULT 0 CHECK (hedged_units >= 0);
