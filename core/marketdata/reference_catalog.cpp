#include "marketdata/reference_catalog.h"

#include "marketdata/token_prices.h"

#include <algorithm>
#include <cmath>

namespace ch::marketdata {

namespace {

using namespace std::chrono;

constexpr Date ymd(int y, unsigned m, unsigned d)
{
    return Date{year{y}, month{m}, day{d}};
}

constexpr const char* kSdAnnouncements =
    "https://docs.silicondata.com/products/gpu-index-announcements";
constexpr const char* kCftcFiling = "https://www.cftc.gov/filings/ptc/ptc08112615405.pdf";
constexpr const char* kCftcExtension =
    "https://www.cftc.gov/filings/documents/2026/orgdcmnymexcompcontr260921.pdf";
constexpr const char* kCmeAnnouncement =
    "https://www.silicondata.com/news-room/"
    "cme-group-and-silicon-data-partner-to-launch-first-compute-futures";
constexpr const char* kIceOrnn =
    "https://thegputrade.com/news/"
    "ice-and-ornn-to-list-gpu-compute-futures-tied-to-live-ocpi-yt81pels";
constexpr const char* kOrnnFaq = "https://data.ornnai.com/faq";
constexpr const char* kShfe =
    "http://tradevae.com/news/stock-markets/"
    "shanghai-exchange-exploring-futures-on-ai-tokens-as-china-eyes-alternative-to-us-compute-"
    "contracts/";

IndexDefinition gpuIndex(const char* id,
                         const char* name,
                         const char* resource,
                         const char* segment,
                         Date first,
                         const char* description)
{
    return {id, name, IndexKind::GpuRental, Unit::GpuHour, resource, segment, first, description};
}

} // namespace

std::vector<IndexDefinition> referenceIndexDefinitions()
{
    std::vector<IndexDefinition> out = {
        gpuIndex("GPU.H100.NC",
                 "H100 SXM, neocloud on-demand",
                 "H100",
                 "NC",
                 ymd(2023, 1, 2),
                 "Main series; simulated CME-style futures settle on it. Synthetic daily history "
                 "calibrated to public anchors and Silicon Data's published statistics; not "
                 "Silicon Data's index"),
        gpuIndex("GPU.H100.HS",
                 "H100 SXM, hyperscaler on-demand",
                 "H100",
                 "HS",
                 ymd(2023, 1, 2),
                 "Sticky hyperscaler list prices with the June 2025 AWS P5 cut (~-44%). Synthetic, "
                 "calibrated to public anchors"),
        gpuIndex("GPU.H100.TX",
                 "H100, executed-trade index",
                 "H100",
                 "TX",
                 ymd(2024, 6, 1),
                 "Transaction-based index in the style of Ornn's OCPI: the neocloud series times a "
                 "mean-reverting basis with its own daily noise. Synthetic; not Ornn's index"),
        gpuIndex(
            "GPU.H200.NC",
            "H200, neocloud on-demand",
            "H200",
            "NC",
            ymd(2024, 6, 3),
            "Synthetic daily history from H200 volume shipments, calibrated to public anchors; "
            "no futures (cross-hedged)"),
        gpuIndex("GPU.B200.NC",
                 "B200, neocloud on-demand",
                 "B200",
                 "NC",
                 ymd(2025, 2, 4),
                 "Synthetic daily history from B200 general availability, calibrated to public "
                 "anchors and Silicon Data's published statistics; not Silicon Data's index"),
        gpuIndex("GPU.A100.NC",
                 "A100 80GB, neocloud on-demand",
                 "A100",
                 "NC",
                 ymd(2023, 1, 2),
                 "Synthetic daily history calibrated to public anchors (on the restated, post "
                 "December 2025 basis)"),
        gpuIndex("GPU.A100.HS",
                 "A100 80GB, hyperscaler on-demand",
                 "A100",
                 "HS",
                 ymd(2023, 1, 2),
                 "Sticky hyperscaler list prices. Synthetic, calibrated to public anchors"),
        gpuIndex("GPU.L40S.NC",
                 "L40S 48GB, neocloud on-demand",
                 "L40S",
                 "NC",
                 ymd(2023, 6, 1),
                 "Inference tier. Synthetic daily history calibrated to public anchors; no futures "
                 "(cross-hedged)"),
    };
    const char* tierNames[] = {"Frontier", "Mid", "Small"};
    const char* tiers[] = {"FRONTIER", "MID", "SMALL"};
    for (int t = 0; t < 3; ++t) {
        const Date first = tokenTierLevels(tiers[t]).front().date;
        const std::string tier = tiers[t];
        const std::string median = "Median list price of representative "
                                   + std::string(tierNames[t])
                                   + "-tier models, a step function changing only on dated price "
                                     "events";
        out.push_back({"TOK." + tier + ".IN",
                       std::string(tierNames[t]) + " models, input tokens",
                       IndexKind::TokenPrice,
                       Unit::MTok,
                       tier,
                       "IN",
                       first,
                       median + " (input)"});
        out.push_back({"TOK." + tier + ".OUT",
                       std::string(tierNames[t]) + " models, output tokens",
                       IndexKind::TokenPrice,
                       Unit::MTok,
                       tier,
                       "OUT",
                       first,
                       median + " (output)"});
        out.push_back(
            {"TOK." + tier + ".BLEND",
             std::string(tierNames[t]) + " models, blended 3:1",
             IndexKind::TokenPrice,
             Unit::MTok,
             tier,
             "BLEND",
             first,
             "(3 x input + 1 x output) / 4 of the " + std::string(tierNames[t]) + " tier medians"});
    }
    return out;
}

namespace {

constexpr const char* kBusinessDayMean =
    "Arithmetic mean of the daily index over the contract month's US business days";
constexpr const char* kLastBusinessDay = "Last business day of the contract month";

ContractSpec cmeStyle(const char* symbol, const char* gpu, const char* index)
{
    return {symbol,
            std::string("ComputeHedge ") + gpu
                + " neocloud rental futures (simulated, CME GPU1/GPU2 design)",
            ExchangeStyle::CmeStyle,
            index,
            Unit::GpuHour,
            730,
            10'000,
            36,
            kBusinessDayMean,
            kLastBusinessDay,
            0.175,
            800};
}

ContractSpec shfeStyle(const char* symbol, const char* tier, const char* index)
{
    return {symbol,
            std::string("ComputeHedge ") + tier
                + " token futures (simulated; no exchange has published terms)",
            ExchangeStyle::ShfeStyle,
            index,
            Unit::MTok,
            1'000,
            10'000,
            12,
            kBusinessDayMean,
            kLastBusinessDay,
            0.25,
            800};
}

} // namespace

std::vector<ContractSpec> referenceContractSpecs()
{
    return {
        cmeStyle("CHG.H100", "H100", "GPU.H100.NC"),
        cmeStyle("CHG.B200", "B200", "GPU.B200.NC"),
        cmeStyle("CHG.A100", "A100", "GPU.A100.NC"),
        // ICE published no terms for the OCPI futures: 1,000 GPU-h and a half-cent tick are the
        // brief's alternative design (market.md §1.5); the higher margin reflects the noisier
        // transaction index (an assumption, like every margin here).
        {"CHI.H100",
         "ComputeHedge H100 executed-trade index futures (simulated, ICE/OCPI-style)",
         ExchangeStyle::IceStyle,
         "GPU.H100.TX",
         Unit::GpuHour,
         1'000,
         5'000,
         24,
         kBusinessDayMean,
         kLastBusinessDay,
         0.20,
         800},
        shfeStyle("CHT.FRONTIER", "frontier-tier", "TOK.FRONTIER.BLEND"),
        shfeStyle("CHT.MID", "mid-tier", "TOK.MID.BLEND"),
        shfeStyle("CHT.SMALL", "small-tier", "TOK.SMALL.BLEND"),
    };
}

std::vector<MarketEvent> referenceMarketEvents()
{
    std::vector<MarketEvent> e = {
        {ymd(2023, 7, 27),
         "GPU.H100.HS",
         "AWS P5 (8x H100) on-demand list price about $98.32/h, about $12.29 per GPU-hour",
         "https://www.nextplatform.com/2023/07/27/"
         "h100-gpu-instance-pricing-on-aws-grin-and-bear-it/"},
        {ymd(2025, 2, 4),
         "GPU.B200.NC",
         "CoreWeave GB200 NVL72 instances generally available; the B200 series starts here",
         "https://docs.coreweave.com/docs/platform/instances/gb200"},
        {ymd(2025, 6, 1),
         "GPU.H100.HS",
         "AWS cuts P5 (H100) on-demand prices by up to 45% (about -44%); the month is from the "
         "source, the day is assumed",
         "https://www.usage.ai/blogs/aws/ai-ml-cost/llm-cost-optimization-aws/"},
        {ymd(2025, 12, 4),
         "GPU.H100.NC",
         "Silicon Data methodology change, history restated back to 2024-09-01: H100 -4% to -6%",
         kSdAnnouncements},
        {ymd(2025, 12, 4),
         "GPU.A100.NC",
         "Silicon Data methodology change, history restated back to 2024-09-01: A100 +35% to +40%",
         kSdAnnouncements},
        {ymd(2025, 12, 4),
         "GPU.B200.NC",
         "Silicon Data B200 index publicly launched (history from August 2025)",
         kSdAnnouncements},
        {ymd(2026, 4, 2), "GPU.H100.TX", "Ornn H100 index (ORNNH100) on Bloomberg", kOrnnFaq},
        {ymd(2026, 4, 6),
         "GPU.H100.NC",
         "Silicon Data H100 provider expansion: level break of -3% to -7%",
         kSdAnnouncements},
        {ymd(2026, 4, 23), "", "Silicon Data B300 neocloud index history starts", kSdAnnouncements},
        {ymd(2026, 5, 4),
         "GPU.H200.NC",
         "Silicon Data H200 neocloud index history starts",
         kSdAnnouncements},
        {ymd(2026, 5, 12),
         "GPU.H100.NC",
         "CME Group and Silicon Data announce cash-settled compute futures (pending review)",
         kCmeAnnouncement},
        {ymd(2026, 5, 19),
         "GPU.H100.TX",
         "ICE announces futures on the Ornn Compute Price Index (subject to approval)",
         kIceOrnn},
        {ymd(2026, 5, 28),
         "",
         "Reuters: SHFE at an early stage of designing AI-token futures",
         kShfe},
        {ymd(2026, 7, 15),
         "GPU.B200.NC",
         "Silicon Data B200 provider expansion: level break of up to -6%",
         kSdAnnouncements},
        {ymd(2026, 8, 11),
         "GPU.H100.NC",
         "NYMEX submits GPU1 (H100) and GPU2 (B200) rental index futures, Submission 26-370",
         kCftcFiling},
        {ymd(2026, 9, 21),
         "",
         "CFTC extends its review of GPU1/GPU2 by 45 days, to 2026-11-09",
         kCftcExtension},
        {ymd(2026, 9, 25),
         "GPU.H100.NC",
         "Silicon Data H100 hardware-baseline change: up to +4%",
         kSdAnnouncements},
        {ymd(2026, 9, 25),
         "GPU.B200.NC",
         "Silicon Data B200 stale providers removed: up to +4%",
         kSdAnnouncements},
    };
    for (const auto& t : referenceTokenPriceEvents()) {
        auto price = [](double v) {
            const double cents = std::round(v * 100.0);
            const auto whole = static_cast<long long>(cents) / 100;
            const auto frac = static_cast<long long>(cents) % 100;
            return std::to_string(whole)
                   + (frac == 0 ? "" : (frac < 10 ? ".0" : ".") + std::to_string(frac));
        };
        e.push_back({t.date,
                     "TOK." + t.tier + ".BLEND",
                     t.model + " (" + t.slot + ") list price " + price(t.inputUsd) + " / "
                         + price(t.outputUsd) + " USD per 1M tokens (input / output) " + t.tag,
                     t.sourceUrl});
    }
    std::stable_sort(e.begin(), e.end(), [](const MarketEvent& a, const MarketEvent& b) {
        return a.date < b.date;
    });
    return e;
}

} // namespace ch::marketdata
