#include "exposure/demo.h"

#include "domain/error.h"
#include "exposure/basis.h"
#include "exposure/helper_expansion.h"

#include <array>

namespace ch::exposure {

namespace {

Date dayOf(Month m, unsigned day)
{
    return Date{m.year(), m.month(), std::chrono::day{day}};
}

TrainingRun training(std::string id,
                     std::string name,
                     GpuType gpu,
                     int gpus,
                     Date start,
                     int days,
                     double utilisation,
                     double uncertainty,
                     ConfidenceClass confidence)
{
    TrainingRun t;
    t.id = std::move(id);
    t.name = std::move(name);
    t.gpu = gpu;
    t.gpus = gpus;
    t.start = start;
    t.wallClockDays = days;
    t.utilisationFraction = utilisation;
    t.uncertaintyFraction = uncertainty;
    t.confidence = confidence;
    return t;
}

InferenceService apiService(std::string id,
                            std::string name,
                            ModelTier tier,
                            double requestsPerDay,
                            double inputTokens,
                            double outputTokens,
                            double growth,
                            Month start,
                            int months,
                            double uncertainty,
                            ConfidenceClass confidence)
{
    InferenceService s;
    s.id = std::move(id);
    s.name = std::move(name);
    s.serving = InferenceServing::ApiTokens;
    s.tier = tier;
    s.requestsPerDay = requestsPerDay;
    s.inputTokensPerRequest = inputTokens;
    s.outputTokensPerRequest = outputTokens;
    s.monthlyGrowthFraction = growth;
    s.start = start;
    s.months = months;
    s.uncertaintyFraction = uncertainty;
    s.confidence = confidence;
    return s;
}

PlanLine flatLine(const Plan& plan,
                  std::string id,
                  std::string name,
                  Resource resource,
                  ConfidenceClass confidence,
                  VolumeTriple volume,
                  int activeMonths)
{
    std::vector<VolumeTriple> cells(static_cast<std::size_t>(plan.months()));
    for (int i = 0; i < activeMonths && i < plan.months(); ++i)
        cells[static_cast<std::size_t>(i)] = volume;
    return PlanLine(std::move(id),
                    std::move(name),
                    resource,
                    resource.defaultIndexId(),
                    confidence,
                    std::move(cells));
}

Plan applyOrThrow(const Plan& plan, const PlanHelper& helper)
{
    auto result = applyHelper(plan, helper);
    require(!result.hasErrors(), "demoPlan: helper " + helperId(helper) + " does not apply");
    return result.value;
}

} // namespace

Plan demoPlan(Month f)
{
    using CC = ConfidenceClass;
    Plan plan(f, kMaxPlanMonths);
    const std::array<PlanHelper, 8> helpers{
        training("h100-pretrain-a",
                 "H100 pre-training run A",
                 GpuType::H100,
                 2048,
                 dayOf(f, 9),
                 80,
                 0.92,
                 0.10,
                 CC::HighlyProbable),
        training("h100-finetune",
                 "H100 fine-tuning",
                 GpuType::H100,
                 512,
                 dayOf(addMonths(f, 1), 15),
                 300,
                 0.75,
                 0.20,
                 CC::Forecast),
        training("h100-pretrain-b",
                 "H100 pre-training run B",
                 GpuType::H100,
                 2048,
                 dayOf(addMonths(f, 3), 1),
                 120,
                 0.90,
                 0.15,
                 CC::Forecast),
        training("b200-frontier",
                 "B200 frontier run",
                 GpuType::B200,
                 1024,
                 dayOf(addMonths(f, 6), 1),
                 150,
                 0.88,
                 0.20,
                 CC::Forecast),
        training("b200-next",
                 "B200 next-generation run",
                 GpuType::B200,
                 1024,
                 dayOf(addMonths(f, 16), 1),
                 180,
                 0.90,
                 0.30,
                 CC::Possible),
        [&] {
            InferenceService s = apiService("chat-selfhosted",
                                            "Open-weights chat (self-hosted)",
                                            ModelTier::Mid,
                                            20e6,
                                            1500,
                                            500,
                                            0.04,
                                            f,
                                            36,
                                            0.15,
                                            CC::HighlyProbable);
            s.serving = InferenceServing::SelfHostedGpu;
            s.gpu = GpuType::H200;
            s.tokensPerSecondPerGpu = 3000;
            return PlanHelper(s);
        }(),
        apiService("support-copilot",
                   "Support copilot",
                   ModelTier::Mid,
                   1.5e6,
                   2000,
                   350,
                   0.06,
                   f,
                   36,
                   0.20,
                   CC::HighlyProbable),
        apiService("agent-platform",
                   "Agent platform",
                   ModelTier::Frontier,
                   200e3,
                   6000,
                   1200,
                   0.08,
                   addMonths(f, 2),
                   34,
                   0.30,
                   CC::Forecast),
    };
    for (const auto& h : helpers)
        plan = applyOrThrow(plan, h);
    // 160 L40S × 730 h × 75% busy = 87,600 GPU-h a month.
    plan = plan.withLine(flatLine(plan,
                                  "l40s-batch",
                                  "L40S batch fleet",
                                  Resource::gpu(GpuType::L40S),
                                  CC::Committed,
                                  VolumeTriple(70'000, 87'600, 100'000),
                                  36));
    // 64 A100 × 730 h × 60% = 28,032 GPU-h a month, until the cluster is retired after a year.
    plan = plan.withLine(flatLine(plan,
                                  "a100-eval",
                                  "A100 evaluation cluster",
                                  Resource::gpu(GpuType::A100),
                                  CC::HighlyProbable,
                                  VolumeTriple(22'000, 28'032, 32'000),
                                  12));
    plan = plan.withLine(flatLine(plan,
                                  "classifier.in",
                                  "Content classifier (input)",
                                  Resource::tokens(ModelTier::Small, TokenDirection::Input),
                                  CC::Forecast,
                                  VolumeTriple(30'000, 40'000, 55'000),
                                  36));
    plan = plan.withLine(flatLine(plan,
                                  "classifier.out",
                                  "Content classifier (output)",
                                  Resource::tokens(ModelTier::Small, TokenDirection::Output),
                                  CC::Forecast,
                                  VolumeTriple(1'500, 2'000, 3'000),
                                  36));
    return plan;
}

std::vector<ContractedCapacity> demoContracts(Month f)
{
    const Resource h100 = Resource::gpu(GpuType::H100);
    const Resource h200 = Resource::gpu(GpuType::H200);
    const Resource midIn = Resource::tokens(ModelTier::Mid, TokenDirection::Input);
    const Resource midOut = Resource::tokens(ModelTier::Mid, TokenDirection::Output);
    return {
        // 512 H100 × 730 h reserved for a year, shared by every H100 line.
        ContractedCapacity("res-h100-cluster",
                           "",
                           h100,
                           h100.defaultIndexId(),
                           ContractKind::ReservedInstance,
                           "Northwind Compute",
                           UnitRate::fromMicros(Unit::GpuHour, 2'100'000),
                           f,
                           std::vector<double>(12, 373'760.0)),
        ContractedCapacity("cud-h200-fleet",
                           "chat-selfhosted",
                           h200,
                           h200.defaultIndexId(),
                           ContractKind::CommittedUse,
                           "Harbor Cloud",
                           UnitRate::fromMicros(Unit::GpuHour, 2'950'000),
                           f,
                           std::vector<double>(24, 80'000.0)),
        ContractedCapacity("prepaid-mid-in",
                           "support-copilot.in",
                           midIn,
                           midIn.defaultIndexId(),
                           ContractKind::PrepaidTokens,
                           "Lumen Models",
                           UnitRate::fromMicros(Unit::MTok, 2'400'000),
                           f,
                           std::vector<double>(6, 60'000.0)),
        ContractedCapacity("prepaid-mid-out",
                           "support-copilot.out",
                           midOut,
                           midOut.defaultIndexId(),
                           ContractKind::PrepaidTokens,
                           "Lumen Models",
                           UnitRate::fromMicros(Unit::MTok, 12'000'000),
                           f,
                           std::vector<double>(6, 10'000.0)),
    };
}

std::vector<ActualBill> demoActuals(Month f, const std::vector<PriceSeries>& history)
{
    struct BillPlan
    {
        const char* provider;
        Resource resource;
        double quantity;
        std::array<double, 6> factor; //!< paid ÷ index monthly average, month by month
    };
    const std::array<BillPlan, 7> plans{{
        {"Northwind Compute",
         Resource::gpu(GpuType::H100),
         420'000,
         {1.04, 1.06, 1.03, 1.05, 1.07, 1.04}},
        {"Harbor Cloud",
         Resource::gpu(GpuType::H200),
         90'000,
         {0.97, 0.96, 0.98, 0.97, 0.95, 0.97}},
        {"Batchworks", Resource::gpu(GpuType::L40S), 85'000, {1.12, 1.10, 1.14, 1.11, 1.13, 1.12}},
        {"Harbor Cloud",
         Resource::gpu(GpuType::A100),
         28'000,
         {1.18, 1.22, 1.20, 1.19, 1.21, 1.20}},
        {"Lumen Models",
         Resource::tokens(ModelTier::Mid, TokenDirection::Input),
         70'000,
         {0.92, 0.92, 0.92, 0.90, 0.90, 0.90}},
        {"Lumen Models",
         Resource::tokens(ModelTier::Mid, TokenDirection::Output),
         12'000,
         {0.92, 0.92, 0.92, 0.90, 0.90, 0.90}},
        // A second H100 provider, in two months only: the month's basis pools both bills.
        {"Ridge GPU", Resource::gpu(GpuType::H100), 50'000, {0, 1.15, 0, 0, 1.18, 0}},
    }};
    std::vector<ActualBill> bills;
    for (int k = 0; k < 6; ++k) {
        const Month m = addMonths(f, k - 6);
        for (const auto& p : plans) {
            const double factor = p.factor[static_cast<std::size_t>(k)];
            if (factor == 0.0)
                continue;
            const std::string indexId = p.resource.defaultIndexId();
            const PriceSeries* series = nullptr;
            for (const auto& s : history)
                if (s.indexId == indexId)
                    series = &s;
            const auto average = series ? indexMonthlyAverage(*series, m) : std::nullopt;
            require(average.has_value(),
                    "demoActuals: no " + indexId + " prices in " + formatIsoMonth(m));
            bills.emplace_back(m,
                               p.provider,
                               p.resource,
                               Volume(p.resource.unit(), p.quantity),
                               Money::fromAmount(Currency::Usd, p.quantity * *average * factor));
        }
    }
    return bills;
}

std::vector<BudgetEntry> demoBudget(const Plan& plan)
{
    std::vector<BudgetEntry> out;
    for (const auto& line : plan.lines()) {
        const Resource& r = line.resource();
        for (int i = 0; i < 12 && i < plan.months(); ++i) {
            const Month m = plan.monthAt(i);
            if (r == Resource::gpu(GpuType::L40S)) {
                out.push_back(BudgetEntry::amount(line.id(), m, Money(Currency::Usd, 8'500'000)));
                continue;
            }
            std::int64_t micros = 0;
            if (r.isGpu()) {
                constexpr std::array<std::int64_t, 5> byGpu{
                    2'600'000, 3'200'000, 5'600'000, 1'500'000, 0}; // H100 H200 B200 A100 -
                micros = byGpu[static_cast<std::size_t>(r.gpuType())];
            } else {
                constexpr std::array<std::array<std::int64_t, 2>, 3> byTier{{
                    {4'000'000, 20'000'000}, // FRONTIER in / out
                    {2'700'000, 13'500'000}, // MID
                    {120'000, 500'000},      // SMALL
                }};
                micros = byTier[static_cast<std::size_t>(r.tier())]
                               [static_cast<std::size_t>(r.direction())];
            }
            out.push_back(BudgetEntry::price(line.id(), m, UnitRate::fromMicros(r.unit(), micros)));
        }
    }
    return out;
}

} // namespace ch::exposure
