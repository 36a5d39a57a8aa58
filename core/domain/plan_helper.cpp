#include "domain/plan_helper.h"

#include "domain/plan_text.h"

#include <cmath>

namespace ch {

namespace {

// The generated line id "<id>.out" must itself be a valid id (at most 64 characters).
constexpr std::size_t kMaxHelperIdLength = 60;

class HelperChecker
{
public:
    explicit HelperChecker(const std::string& id)
        : m_source("helper " + (id.empty() ? std::string("(no id)") : id))
    {}

    void fail(const std::string& field, const std::string& message)
    {
        m_issues.push_back(Issue{m_source, 0, field, Severity::Error, message});
    }
    void identity(const std::string& id, const std::string& name)
    {
        if (!isValidId(id) || id.size() > kMaxHelperIdLength)
            fail("id",
                 "\"" + id
                     + "\" is not a valid id; expected 1-60 characters of letters, digits, "
                       "'.', '_' or '-'");
        if (trimBlanks(name).empty())
            fail("name", "the name is empty; expected a name for people");
    }
    void fraction(const std::string& field, double v, bool zeroAllowed)
    {
        const char* expected =
            zeroAllowed ? "; expected a fraction in [0, 1]" : "; expected a fraction in (0, 1]";
        if (!std::isfinite(v))
            fail(field, "the value is not a finite number" + std::string(expected));
        else if (v > 1.0)
            fail(field, formatShortest(v) + " is above 1" + expected);
        else if (v < 0.0 || (!zeroAllowed && v == 0.0))
            fail(field, formatShortest(v) + (v < 0.0 ? " is negative" : " is zero") + expected);
    }
    void atLeastOne(const std::string& field, int v, const char* what)
    {
        if (v < 1)
            fail(field, std::to_string(v) + " is below 1; expected " + what + " of 1 or more");
    }
    void nonNegative(const std::string& field, double v, bool zeroAllowed)
    {
        const char* expected =
            zeroAllowed ? "; expected a number of zero or more" : "; expected a number above zero";
        if (!std::isfinite(v))
            fail(field, "the value is not a finite number" + std::string(expected));
        else if (v < 0.0 || (!zeroAllowed && v == 0.0))
            fail(field, formatShortest(v) + (v < 0.0 ? " is negative" : " is zero") + expected);
    }
    void index(const std::string& indexId)
    {
        if (!indexId.empty() && !isValidId(indexId))
            fail("index", "\"" + indexId + "\" is not a valid index id");
    }

    std::vector<Issue> take() { return std::move(m_issues); }

private:
    std::string m_source;
    std::vector<Issue> m_issues;
};

std::vector<Issue> validateTraining(const TrainingRun& t)
{
    HelperChecker c(t.id);
    c.identity(t.id, t.name);
    c.atLeastOne("gpus", t.gpus, "a whole number of GPUs");
    if (!t.start.ok())
        c.fail("start", "the start date is not a valid date");
    c.atLeastOne("days", t.wallClockDays, "a whole number of days");
    if (t.wallClockDays > 3660)
        c.fail("days",
               std::to_string(t.wallClockDays) + " is above 3660; expected at most ten years");
    c.fraction("utilisation", t.utilisationFraction, false);
    c.fraction("uncertainty", t.uncertaintyFraction, true);
    c.index(t.indexId);
    return c.take();
}

std::vector<Issue> validateInference(const InferenceService& s)
{
    HelperChecker c(s.id);
    c.identity(s.id, s.name);
    if (s.serving == InferenceServing::SelfHostedGpu)
        c.nonNegative("tokens_per_second", s.tokensPerSecondPerGpu, false);
    c.nonNegative("requests_per_day", s.requestsPerDay, true);
    c.nonNegative("input_tokens", s.inputTokensPerRequest, true);
    c.nonNegative("output_tokens", s.outputTokensPerRequest, true);
    if (!std::isfinite(s.monthlyGrowthFraction) || s.monthlyGrowthFraction <= -1.0)
        c.fail("growth",
               formatShortest(s.monthlyGrowthFraction)
                   + " is not above -1; expected a monthly growth fraction above -1 (e.g. 0.05)");
    if (!s.start.ok())
        c.fail("start", "the start month is not a valid month");
    c.atLeastOne("months", s.months, "a whole number of months");
    c.fraction("uncertainty", s.uncertaintyFraction, true);
    c.index(s.indexId);
    if (s.serving == InferenceServing::ApiTokens && !s.indexId.empty())
        c.fail("index",
               "\"" + s.indexId
                   + "\" is set but API token lines are priced on TOK.<TIER>.IN and "
                     "TOK.<TIER>.OUT; expected an empty index");
    return c.take();
}

} // namespace

const char* inferenceServingCode(InferenceServing s)
{
    return s == InferenceServing::ApiTokens ? "api_tokens" : "self_hosted_gpu";
}

std::optional<InferenceServing> parseInferenceServing(std::string_view code)
{
    if (code == "api_tokens")
        return InferenceServing::ApiTokens;
    if (code == "self_hosted_gpu")
        return InferenceServing::SelfHostedGpu;
    return std::nullopt;
}

const std::string& helperId(const PlanHelper& h)
{
    return std::visit([](const auto& v) -> const std::string& { return v.id; }, h);
}

const std::string& helperName(const PlanHelper& h)
{
    return std::visit([](const auto& v) -> const std::string& { return v.name; }, h);
}

const char* helperKindCode(const PlanHelper& h)
{
    return std::holds_alternative<TrainingRun>(h) ? "training_run" : "inference_service";
}

std::vector<Issue> validateHelper(const PlanHelper& h)
{
    if (const auto* t = std::get_if<TrainingRun>(&h))
        return validateTraining(*t);
    return validateInference(std::get<InferenceService>(h));
}

} // namespace ch
