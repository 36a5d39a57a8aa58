#pragma once

// A small plan book for the storage tests and for the schema2-sample.sqlite fixture: every kind
// of stored value once (both helper kinds, a manual line with volumes that are not round in
// binary, pooled and bound contracts with a zero month, bills, a price and an amount budget).
// Priced on the indices of sampleMarketData() (GPU.H100.NC, TOK.FRONTIER.IN).

#include "exposure/helper_expansion.h"
#include "storage/plan_repository.h"

#include <chrono>

namespace ch::storage::test {

inline PlanBook samplePlanBook()
{
    using namespace std::chrono;
    const Month first = 2026y / November;
    Plan plan(first, 12);

    TrainingRun run;
    run.id = "h100-run";
    run.name = "H100 fine-tuning run";
    run.gpu = GpuType::H100;
    run.gpus = 64;
    run.start = 2026y / November / 20d;
    run.wallClockDays = 20;
    run.utilisationFraction = 0.9;
    run.uncertaintyFraction = 0.1;
    run.confidence = ConfidenceClass::HighlyProbable;
    plan = exposure::applyHelper(plan, run).value;

    InferenceService chat;
    chat.id = "chat";
    chat.name = "Chat assistant";
    chat.serving = InferenceServing::ApiTokens;
    chat.tier = ModelTier::Frontier;
    chat.requestsPerDay = 1000;
    chat.inputTokensPerRequest = 1500;
    chat.outputTokensPerRequest = 500;
    chat.monthlyGrowthFraction = 0.05;
    chat.start = 2026y / December;
    chat.months = 6;
    chat.uncertaintyFraction = 0.2;
    plan = exposure::applyHelper(plan, chat).value;

    std::vector<VolumeTriple> cells;
    for (int i = 0; i < 12; ++i)
        cells.emplace_back(1000.1 + i, 1234.5678901234 + i, 1500.3 + i);
    plan = plan.withLine(PlanLine("h100-batch",
                                  "H100 batch jobs",
                                  Resource::gpu(GpuType::H100),
                                  "GPU.H100.NC",
                                  ConfidenceClass::Committed,
                                  cells),
                         0);

    PlanBook book;
    book.plan = plan;
    const Resource h100 = Resource::gpu(GpuType::H100);
    const Resource frontierIn = Resource::tokens(ModelTier::Frontier, TokenDirection::Input);
    book.contracts.emplace_back("res-h100",
                                "",
                                h100,
                                "GPU.H100.NC",
                                ContractKind::ReservedInstance,
                                "Northwind Compute",
                                UnitRate::fromMicros(Unit::GpuHour, 2'100'000),
                                first,
                                std::vector<double>{1000, 1000, 1000});
    book.contracts.emplace_back("chat-prepaid",
                                "chat.in",
                                frontierIn,
                                "TOK.FRONTIER.IN",
                                ContractKind::PrepaidTokens,
                                "Lumen Models",
                                UnitRate::fromMicros(Unit::MTok, 2'500'001),
                                2026y / December,
                                std::vector<double>{45.5, 0.0, 47.25});
    book.actuals.emplace_back(2026y / September,
                              "Northwind Compute",
                              h100,
                              Volume(Unit::GpuHour, 420'000.5),
                              Money(Currency::Usd, 98'700'012));
    book.actuals.emplace_back(2026y / October,
                              "Lumen Models",
                              frontierIn,
                              Volume(Unit::MTok, 12.25),
                              Money(Currency::Usd, 18'375));
    book.budget.push_back(
        BudgetEntry::price("h100-batch", first, UnitRate::fromMicros(Unit::GpuHour, 2'600'000)));
    book.budget.push_back(
        BudgetEntry::amount("chat.out", 2026y / December, Money(Currency::Usd, 123'456)));
    return book;
}

} // namespace ch::storage::test
