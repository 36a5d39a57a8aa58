#pragma once

#include "risk/risk_inputs.h"

#include <string>

namespace ch::risk {

//! A fingerprint of everything a run depends on (months, factors with forwards and parameters,
//! correlation, cells, instruments, demand), stored with saved runs so two runs can be told to
//! have used the same inputs. 64-bit FNV-1a (Fowler, Noll, Vo; IETF draft-eastlake-fnv) over the
//! exact bit patterns of the numbers, as 16 lower-case hex digits. Not a security hash: it guards
//! against mix-ups, not forgery.
std::string riskInputsDigest(const RiskInputs& in);

} // namespace ch::risk
