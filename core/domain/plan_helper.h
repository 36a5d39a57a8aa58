#pragma once

#include "domain/dates.h"
#include "domain/issue.h"
#include "domain/plan_resource.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ch {

// Planning helpers: the assumptions behind generated plan lines. A Plan keeps each helper next to
// the lines it generated, so changing an assumption regenerates exactly those lines
// (exposure/helper_expansion.h does the arithmetic; docs/plan-and-exposure.md gives the formulas).
// These are plain input records, like a form: validateHelper() reports every problem as an Issue,
// and the expansion requires a helper without errors.

//! A training job: `gpus` GPUs of one type running for `wallClockDays` days from `start`
//! (inclusive), busy `utilisationFraction` of the time. GPU-hours fall into the calendar months
//! the days fall in.
struct TrainingRun
{
    std::string id;   //!< stable id; also the id of the generated line
    std::string name; //!< for people: "H100 pre-training run"
    GpuType gpu = GpuType::H100;
    int gpus = 0;
    Date start{};
    int wallClockDays = 0;
    double utilisationFraction = 1.0; //!< 0 < u <= 1, e.g. 0.9
    double uncertaintyFraction = 0.0; //!< low/high = base × (1 ∓ u), 0 <= u <= 1
    std::string indexId; //!< pricing index; empty means the GPU's default (GPU.<type>.NC)
    ConfidenceClass confidence = ConfidenceClass::Forecast;

    friend bool operator==(const TrainingRun&, const TrainingRun&) = default;
};

//! How an inference service is served: bought as API tokens of a model tier, or self-hosted on
//! GPUs.
enum class InferenceServing : std::uint8_t { ApiTokens, SelfHostedGpu };
const char* inferenceServingCode(InferenceServing s); //!< "api_tokens", "self_hosted_gpu"
std::optional<InferenceServing> parseInferenceServing(std::string_view code);

//! A service answering `requestsPerDay` requests in its first month, growing by
//! `monthlyGrowthFraction` a month, for `months` months from `start`. ApiTokens produces two lines
//! (input and output MTok of `tier`); SelfHostedGpu produces one line of GPU-hours of `gpu` at
//! `tokensPerSecondPerGpu` (input plus output tokens processed per GPU per second).
struct InferenceService
{
    std::string id;   //!< stable id; lines are "<id>.in"/"<id>.out" (tokens) or "<id>" (GPU)
    std::string name; //!< for people: "Chat assistant"
    InferenceServing serving = InferenceServing::ApiTokens;
    ModelTier tier = ModelTier::Mid;  //!< ApiTokens only
    GpuType gpu = GpuType::H200;      //!< SelfHostedGpu only
    double tokensPerSecondPerGpu = 0; //!< SelfHostedGpu only, > 0
    double requestsPerDay = 0;        //!< in the first month, >= 0
    double inputTokensPerRequest = 0;
    double outputTokensPerRequest = 0;
    double monthlyGrowthFraction = 0.0; //!< 0.08 = +8% a month; > -1
    Month start{};
    int months = 0;                   //!< >= 1
    double uncertaintyFraction = 0.0; //!< low/high = base × (1 ∓ u), 0 <= u <= 1
    std::string indexId;              //!< SelfHostedGpu pricing index; empty means GPU.<type>.NC
    ConfidenceClass confidence = ConfidenceClass::Forecast;

    friend bool operator==(const InferenceService&, const InferenceService&) = default;
};

using PlanHelper = std::variant<TrainingRun, InferenceService>;

const std::string& helperId(const PlanHelper& h);
const std::string& helperName(const PlanHelper& h);
const char* helperKindCode(const PlanHelper& h); //!< "training_run", "inference_service"

//! Every problem with a helper's inputs, one Issue per field, source "helper <id>", e.g.
//! `helper h100-pretrain: utilisation: 1.5 is above 1; expected a fraction in (0, 1]`.
std::vector<Issue> validateHelper(const PlanHelper& h);

} // namespace ch
