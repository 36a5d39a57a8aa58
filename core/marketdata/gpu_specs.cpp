// The calibrated GPU inputs of the reference dataset: public anchors (with their sources, from
// shared/reference/market.md §2.1 and §3.3) and the model waypoints, shifts and regimes chosen so
// that the generated history meets the statistics in market.md §3.3. Every number here is either
// a cited public level or a modelling choice labelled as one; resources/data/README.md lists both.

#include "marketdata/gpu_path.h"
#include "marketdata/reference_dataset.h"

#include <cmath>

namespace ch::marketdata {

namespace {

using namespace std::chrono;

constexpr const char* kNeighborhood =
    "https://neighborhoodsf.com/Wikis/Neighborhood+Notes/Published/"
    "H100+rental+prices+(%24+per+GPU-hour)";
constexpr const char* kBandiSu = "https://arxiv.org/abs/2607.12156";
constexpr const char* kLatentSpace = "https://chaincatcher.com/en/article/2148352";
constexpr const char* kTechReader =
    "https://www.techreaderdaily.com/article.html?slug=h100-reserved-capacity-hits-2-35-hour-floor-"
    "in-2026";
constexpr const char* kNextPlatform =
    "https://www.nextplatform.com/2023/07/27/h100-gpu-instance-pricing-on-aws-grin-and-bear-it/";
constexpr const char* kUsageAi =
    "https://www.usage.ai/blogs/aws/ai-ml-cost/llm-cost-optimization-aws/";
constexpr const char* kLyceum =
    "https://lyceum.technology/magazine/nvidia-b200-gpu-cloud-pricing-2026/";
constexpr const char* kModal = "https://modal.com/blog/nvidia-l40s-price-article";
constexpr const char* kDeploybaseL40s = "https://deploybase.ai/articles/nvidia-l40s-price";

constexpr Date ymd(int y, unsigned m, unsigned d)
{
    return Date{year{y}, month{m}, day{d}};
}

// Model waypoint (not a published level): a level chosen to meet the statistics or orderings.
Waypoint model(Date d, double usd, const char* why)
{
    return Waypoint{d, usd, std::string("model: ") + why};
}

// Waypoint on a public anchor; the level may sit inside the anchor's tolerance (the note says).
Waypoint anchored(Date d, double usd, const char* why = "anchor")
{
    return Waypoint{d, usd, why};
}

} // namespace

std::vector<Anchor> referenceAnchors()
{
    return {
        {"GPU.H100.NC", ymd(2023, 7, 15), 6.50, 2.0, kLatentSpace},
        {"GPU.H100.NC", ymd(2024, 3, 15), 2.85, 0.4, kNeighborhood},
        {"GPU.H100.NC", ymd(2024, 10, 1), 3.00, 0.3, kNeighborhood},
        {"GPU.H100.NC", ymd(2025, 10, 15), 1.70, 0.15, kNeighborhood},
        {"GPU.H100.NC", ymd(2026, 3, 15), 2.35, 0.2, kTechReader},
        {"GPU.H100.NC", ymd(2026, 4, 18), 2.50, 0.1, kBandiSu},
        {"GPU.H100.NC", ymd(2026, 7, 19), 2.72, 0.1, kBandiSu},
        {"GPU.H100.NC", ymd(2026, 9, 7), 2.63, 0.1, kBandiSu},
        {"GPU.H100.NC", ymd(2026, 10, 5), 2.81, 0.1, kBandiSu},
        {"GPU.H100.HS", ymd(2023, 8, 1), 12.29, 1.5, kNextPlatform},
        {"GPU.H100.HS", ymd(2025, 5, 15), 12.0, 1.5, kUsageAi},
        {"GPU.H100.HS", ymd(2026, 4, 18), 7.43, 0.2, kBandiSu},
        {"GPU.H100.HS", ymd(2026, 10, 5), 7.16, 0.2, kBandiSu},
        {"GPU.B200.NC", ymd(2025, 8, 15), 4.80, 0.4, kLyceum},
        {"GPU.B200.NC", ymd(2026, 1, 15), 4.00, 0.3, kLyceum},
        {"GPU.B200.NC", ymd(2026, 4, 18), 5.10, 0.1, kBandiSu},
        {"GPU.B200.NC", ymd(2026, 7, 19), 5.62, 0.1, kBandiSu},
        {"GPU.B200.NC", ymd(2026, 9, 7), 5.69, 0.1, kBandiSu},
        {"GPU.B200.NC", ymd(2026, 10, 5), 5.87, 0.1, kBandiSu},
        {"GPU.A100.NC", ymd(2026, 4, 18), 1.43, 0.1, kBandiSu},
        {"GPU.A100.NC", ymd(2026, 7, 19), 1.65, 0.1, kBandiSu},
        {"GPU.A100.HS", ymd(2026, 4, 18), 3.69, 0.2, kBandiSu},
        {"GPU.H200.NC", ymd(2026, 10, 5), 3.25, 0.1, kBandiSu},
        {"GPU.L40S.NC", ymd(2025, 8, 15), 1.10, 0.25, kModal},
        {"GPU.L40S.NC", ymd(2026, 3, 15), 1.00, 0.25, kDeploybaseL40s},
    };
}

std::vector<GpuPathSpec> referenceGpuSpecs()
{
    std::vector<GpuPathSpec> specs;

    GpuPathSpec h100;
    h100.indexId = "GPU.H100.NC";
    h100.firstDate = ymd(2023, 1, 2);
    h100.volAnnual = 0.24;
    h100.pinIntervalDays = 30;
    h100.halfLifeDays = 40;
    h100.spikesPerYear = 1.5;
    h100.spikeMeanLog = 0.035;
    h100.spikeHalfLifeDays = 8;
    h100.waypoints = {
        model(ymd(2023, 1, 2), 4.60, "launch-era neocloud rate ($4.70)"),
        model(ymd(2023, 4, 15), 5.80, "scarcity build-up"),
        anchored(ymd(2023, 7, 15), 6.50),
        model(ymd(2023, 9, 15), 8.10, "2023 peak above $8"),
        model(ymd(2023, 12, 15), 5.20, "supply catching up"),
        model(ymd(2024, 1, 15), 4.20, "supply catching up"),
        anchored(ymd(2024, 3, 15), 3.20, "anchor (upper half: HS/NC ratio at most 4)"),
        model(ymd(2024, 6, 1), 3.70, "mid-2024 tightening"),
        model(ymd(2024, 8, 1), 4.20, "start of the -30% slide Aug-Oct 2024"),
        model(ymd(2024, 9, 1), 3.30, "window peak for the -45% drawdown"),
        anchored(ymd(2024, 10, 1), 3.10),
        model(ymd(2024, 11, 1), 3.15, "plateau while hyperscalers keep list prices"),
        model(ymd(2024, 12, 1), 3.05, "plateau while hyperscalers keep list prices"),
        model(ymd(2025, 2, 15), 3.20, "plateau"),
        model(ymd(2025, 4, 15), 3.10, "plateau"),
        model(ymd(2025, 5, 10), 3.05, "plateau"),
        model(ymd(2025, 5, 25), 3.05, "plateau"),
        model(ymd(2025, 5, 31), 3.00, "before the AWS cut"),
        model(ymd(2025, 6, 15), 2.70, "after the AWS cut"),
        model(ymd(2025, 7, 15), 2.45, "decline to the trough"),
        model(ymd(2025, 9, 1), 2.02, "decline to the trough"),
        model(ymd(2025, 9, 25), 1.92, "decline to the trough"),
        anchored(ymd(2025, 10, 15), 1.845, "anchor (upper edge: +50% run-up to July 2026)"),
        model(ymd(2025, 10, 21), 1.86, "trough"),
        model(ymd(2025, 11, 1), 1.90, "recovery"),
        model(ymd(2025, 12, 1), 1.95, "recovery"),
        model(ymd(2026, 1, 15), 2.15, "+10% Dec 2025 to Jan 2026"),
        anchored(ymd(2026, 3, 15), 2.45),
        anchored(ymd(2026, 4, 18), 2.50),
        anchored(ymd(2026, 7, 19), 2.66, "anchor (lower half: +50% run-up)"),
        model(ymd(2026, 8, 10), 2.62, "between the SD readings"),
        anchored(ymd(2026, 9, 7), 2.63),
        anchored(ymd(2026, 10, 5), 2.81),
    };
    h100.shifts = {
        {ymd(2025, 6, 1), -0.08, 1, "neocloud repricing after the AWS P5 cut (assumption)"},
        {ymd(2026, 4, 6), -0.05, 1, "index level break: provider expansion (-3% to -7%)"},
        {ymd(2026, 9, 25), 0.03, 1, "index level break: hardware-baseline change (up to +4%)"},
    };
    h100.scheduledSpikes = {{ymd(2026, 5, 11), 0.06, "May 2026 squeeze"}};
    h100.regimes = {
        {ymd(2023, 3, 1), ymd(2023, 10, 31), 1.5, "stressed: 2023 scarcity"},
        {ymd(2024, 8, 1), ymd(2024, 10, 31), 1.4, "stressed: Aug-Oct 2024 slide"},
        {ymd(2025, 1, 15), ymd(2025, 4, 30), 0.35, "calm: early 2025 plateau"},
        {ymd(2025, 6, 1), ymd(2025, 10, 31), 1.2, "stressed: post-cut decline"},
    };
    specs.push_back(h100);

    GpuPathSpec hs;
    hs.indexId = "GPU.H100.HS";
    hs.firstDate = ymd(2023, 1, 2);
    hs.volAnnual = 0.06;
    hs.pinIntervalDays = 45;
    hs.halfLifeDays = 30;
    hs.waypoints = {
        model(ymd(2023, 1, 2), 12.00, "list prices of the first H100 instances"),
        anchored(ymd(2023, 8, 1), 12.29),
        model(ymd(2024, 6, 1), 11.30, "sticky list prices"),
        anchored(ymd(2025, 5, 15), 11.20, "anchor (HS/NC ratio at most 4)"),
        model(ymd(2025, 5, 31), 11.20, "before the AWS cut"),
        model(ymd(2025, 9, 1), 6.60, "after the cut"),
        model(ymd(2025, 12, 15), 6.70, "after the cut"),
        anchored(ymd(2026, 4, 18), 7.43),
        model(ymd(2026, 7, 19), 7.35, "between the SD readings"),
        anchored(ymd(2026, 10, 5), 7.16),
    };
    hs.shifts = {{ymd(2025, 6, 1), std::log(0.56), 1, "AWS P5 on-demand cut of ~44%"}};
    specs.push_back(hs);

    GpuPathSpec a100;
    a100.indexId = "GPU.A100.NC";
    a100.firstDate = ymd(2023, 1, 2);
    a100.volAnnual = 0.17;
    a100.pinIntervalDays = 30;
    a100.halfLifeDays = 40;
    a100.parentIndexId = "GPU.H100.NC";
    a100.parentCorrelation = 0.4;
    a100.waypoints = {
        model(ymd(2023, 1, 2), 1.90, "A100 80GB neocloud rate"),
        model(ymd(2023, 8, 15), 2.30, "2023 scarcity"),
        model(ymd(2024, 1, 15), 2.05, "easing"),
        model(ymd(2024, 6, 1), 1.95, "before H200 volume"),
        model(ymd(2024, 9, 1), 1.80, "window peak for the -27% drawdown"),
        model(ymd(2024, 12, 15), 1.74, "decline"),
        model(ymd(2025, 3, 1), 1.65, "decline"),
        model(ymd(2025, 8, 1), 1.48, "decline"),
        model(ymd(2025, 11, 10), 1.40, "decline"),
        model(ymd(2025, 12, 15), 1.35, "trough"),
        model(ymd(2026, 1, 31), 1.35, "trough, flat while H100 rose"),
        anchored(ymd(2026, 4, 18), 1.43),
        anchored(ymd(2026, 7, 19), 1.65),
        model(ymd(2026, 10, 5), 1.62, "after the SD readings"),
    };
    a100.shifts = {{ymd(2024, 7, 1), -0.10, 21, "H200 volume shipments (incumbent repricing)"}};
    a100.regimes = {{ymd(2025, 1, 15), ymd(2025, 4, 30), 0.5, "calm: early 2025"}};
    specs.push_back(a100);

    GpuPathSpec a100hs;
    a100hs.indexId = "GPU.A100.HS";
    a100hs.firstDate = ymd(2023, 1, 2);
    a100hs.volAnnual = 0.05;
    a100hs.halfLifeDays = 30;
    a100hs.waypoints = {
        model(ymd(2023, 1, 2), 4.10, "p4d/p4de-era list prices"),
        model(ymd(2024, 6, 15), 4.05, "sticky list prices"),
        model(ymd(2025, 5, 31), 4.00, "before the AWS cut"),
        model(ymd(2025, 12, 15), 3.72, "after the cut"),
        anchored(ymd(2026, 4, 18), 3.69),
        model(ymd(2026, 10, 5), 3.62, "drift"),
    };
    a100hs.shifts = {{ymd(2025, 6, 1), -0.08, 1, "AWS P4 share of the June 2025 cut (assumption)"}};
    specs.push_back(a100hs);

    GpuPathSpec h200;
    h200.indexId = "GPU.H200.NC";
    h200.firstDate = ymd(2024, 6, 3);
    h200.volAnnual = 0.22;
    h200.pinIntervalDays = 30;
    h200.halfLifeDays = 40;
    h200.spikesPerYear = 1.5;
    h200.spikeMeanLog = 0.05;
    h200.spikeHalfLifeDays = 8;
    h200.parentIndexId = "GPU.H100.NC";
    h200.parentCorrelation = 0.75;
    h200.waypoints = {
        model(ymd(2024, 6, 3), 4.90, "H200 volume shipments from Q3 2024"),
        model(ymd(2024, 8, 1), 5.10, "premium over H100"),
        model(ymd(2024, 10, 1), 4.10, "follows the H100 slide"),
        model(ymd(2025, 1, 15), 3.95, "premium over H100"),
        model(ymd(2025, 4, 15), 3.55, "after B200 arrives"),
        model(ymd(2025, 7, 15), 2.95, "decline"),
        model(ymd(2025, 10, 15), 2.35, "trough"),
        model(ymd(2026, 1, 15), 2.60, "recovery"),
        model(ymd(2026, 4, 18), 2.95, "recovery"),
        model(ymd(2026, 7, 19), 3.15, "recovery"),
        anchored(ymd(2026, 10, 5), 3.25),
    };
    h200.shifts = {{ymd(2025, 2, 4), -0.12, 28, "B200 generally available (incumbent repricing)"}};
    specs.push_back(h200);

    GpuPathSpec b200;
    b200.indexId = "GPU.B200.NC";
    b200.firstDate = ymd(2025, 2, 4);
    b200.volAnnual = 0.16;
    b200.noiseVolAnnual = 0.25;
    b200.pinIntervalDays = 21;
    b200.halfLifeDays = 40;
    b200.spikesPerYear = 2.0;
    b200.spikeMeanLog = 0.035;
    b200.spikeHalfLifeDays = 8;
    b200.parentIndexId = "GPU.H100.NC";
    b200.parentCorrelation = 0.35;
    b200.waypoints = {
        model(ymd(2025, 2, 4), 4.90, "launch level (window peak for the -20% drawdown)"),
        model(ymd(2025, 5, 15), 4.80, "ramp"),
        anchored(ymd(2025, 8, 15), 4.75),
        model(ymd(2025, 11, 15), 4.40, "decline"),
        anchored(ymd(2026, 1, 15), 4.20, "anchor (upper half: -20% drawdown)"),
        model(ymd(2026, 2, 15), 4.20, "trough"),
        model(ymd(2026, 2, 28), 4.15, "before the March 2026 jump"),
        model(ymd(2026, 3, 31), 5.15, "+24% in March 2026"),
        anchored(ymd(2026, 4, 18), 5.10),
        model(ymd(2026, 6, 15), 5.40, "recovery"),
        anchored(ymd(2026, 7, 19), 5.58),
        model(ymd(2026, 8, 31), 5.62, "calm August 2026 (5.58-5.69)"),
        anchored(ymd(2026, 9, 7), 5.69),
        anchored(ymd(2026, 10, 5), 5.87),
    };
    b200.shifts = {
        {ymd(2026, 7, 15), -0.015, 1, "index level break: provider expansion (up to -6%)"},
        {ymd(2026, 9, 25), 0.03, 1, "index level break: stale providers removed (up to +4%)"},
    };
    b200.regimes = {
        {ymd(2026, 3, 1), ymd(2026, 3, 31), 1.6, "stressed: March 2026 jump"},
        {ymd(2026, 8, 1), ymd(2026, 8, 31), 0.35, "calm: August 2026 (7.1% annualised)"},
    };
    specs.push_back(b200);

    GpuPathSpec l40s;
    l40s.indexId = "GPU.L40S.NC";
    l40s.firstDate = ymd(2023, 6, 1);
    l40s.volAnnual = 0.14;
    l40s.pinIntervalDays = 45;
    l40s.halfLifeDays = 40;
    l40s.parentIndexId = "GPU.A100.NC";
    l40s.parentCorrelation = 0.3;
    l40s.waypoints = {
        model(ymd(2023, 6, 1), 1.95, "inference tier at launch"),
        model(ymd(2023, 12, 15), 1.85, "decline"),
        model(ymd(2024, 6, 15), 1.55, "decline"),
        model(ymd(2025, 1, 15), 1.30, "decline"),
        anchored(ymd(2025, 8, 15), 1.10),
        anchored(ymd(2026, 3, 15), 1.00),
        model(ymd(2026, 10, 5), 1.02, "flat"),
    };
    specs.push_back(l40s);

    return specs;
}

TransactionIndexSpec referenceTransactionSpec()
{
    TransactionIndexSpec tx;
    tx.indexId = "GPU.H100.TX";
    tx.baseIndexId = "GPU.H100.NC";
    tx.firstDate = ymd(2024, 6, 1);
    tx.meanRatio = 0.93;
    tx.basisVolAnnual = 0.27;
    tx.basisHalfLifeDays = 5;
    return tx;
}

} // namespace ch::marketdata
