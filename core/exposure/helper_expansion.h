#pragma once

#include "domain/issue.h"
#include "domain/plan.h"
#include "domain/plan_helper.h"
#include "domain/units.h"

#include <string>
#include <string_view>
#include <vector>

namespace ch::exposure {

// Planning helpers expand into plan lines (formulas in docs/plan-and-exposure.md, "Helpers").
// The schedules are the full arithmetic, month by month, whatever the plan's horizon; expandHelper
// clips them to the plan and says what it left out.

//! One calendar month of a training run.
struct TrainingMonth
{
    Month month{};
    int days = 0;      //!< run days falling in this month
    GpuHours gpuHours; //!< gpus × 24 × days × utilisation
};

//! Splits a run over the calendar months its days fall in: the run occupies `wallClockDays` days
//! from `start` inclusive, and each month gets gpus × 24 h × (its days) × utilisation.
//! Example: 1,024 GPUs, 45 days from 2027-01-20, 90% -> Jan 12 d (265,420.8 GPU-h), Feb 28 d
//! (619,315.2), Mar 5 d (110,592). Requires a helper without validation errors.
std::vector<TrainingMonth> trainingSchedule(const TrainingRun& run);

//! One month k (0-based from `start`) of an inference service.
struct InferenceMonth
{
    Month month{};
    int days = 0;              //!< calendar days of the month
    double requestsPerDay = 0; //!< requestsPerDay × (1 + g)^k
    MegaTokens inputMTok;      //!< days × requests/day × input tokens / 1e6
    MegaTokens outputMTok;     //!< days × requests/day × output tokens / 1e6
    GpuHours gpuHours; //!< SelfHostedGpu: days × req/day × (in + out) / (tokens/s/GPU × 3600)
};

//! The service's volumes month by month (both token directions and, when self-hosted, GPU-hours).
//! Requires a helper without validation errors.
std::vector<InferenceMonth> inferenceSchedule(const InferenceService& service);

//! Ids of the lines a helper generates: "<id>" (training, self-hosted inference) or "<id>.in" and
//! "<id>.out" (API tokens).
std::vector<std::string> generatedLineIds(const PlanHelper& helper);

//! The lines a helper generates over the plan months [firstMonth, firstMonth + months), with
//! low/high = base × (1 ∓ uncertainty). Volumes outside the plan are left out with a warning;
//! validation problems are errors (and then no lines are returned).
Parsed<std::vector<PlanLine>> expandHelper(const PlanHelper& helper, Month firstMonth, int months);

//! Adds a helper, or replaces the helper with the same id, and regenerates its lines in place
//! (new lines go where the helper's first old line was, or at the end). With errors (invalid
//! inputs, a generated line id already used by another line) the value is `plan` unchanged.
//! Applying the old helper again restores the old plan exactly (the undo of an assumption change).
Parsed<Plan> applyHelper(const Plan& plan, const PlanHelper& helper);
//! Removes a helper and every line it generated.
Plan removeHelper(const Plan& plan, std::string_view helperId);
//! Keeps the helper's lines as manual lines (volumes unchanged) and forgets the helper, so its
//! cells can be edited one by one.
Plan convertHelperToManual(const Plan& plan, std::string_view helperId);

} // namespace ch::exposure
