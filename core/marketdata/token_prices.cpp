#include "marketdata/token_prices.h"

#include "domain/error.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace ch::marketdata {

namespace {

using namespace std::chrono;

constexpr Date ymd(int y, unsigned m, unsigned d)
{
    return Date{year{y}, month{m}, day{d}};
}

constexpr const char* kDeeplink = "https://blog.deeplink.kr/?p=2856";
constexpr const char* kClaudePricing =
    "https://neuralmindmastery.com/learn/claude-api-pricing-explained/";
constexpr const char* kOpus45 = "https://lattice.uptownhr.com/claude-opus-4-5/notes";
constexpr const char* kChatGptPricing = "https://www.chatgptpricing.com/api";
constexpr const char* kDeploybase = "https://deploybase.ai/articles/openai-api-pricing-2026";
constexpr const char* kNano =
    "https://explore.oreate.ai/posts/breaking-down-gpt5nano-pricing-and-api-costs";
constexpr const char* kA16z = "https://a16z.com/llmflation-llm-inference-cost";
constexpr const char* kChatGptApi =
    "https://openai.com/index/introducing-chatgpt-and-whisper-apis/";

double round4(double v)
{
    return std::round(v * 1e4) / 1e4;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

} // namespace

std::vector<TokenPriceEvent> referenceTokenPriceEvents()
{
    // Exact days are the vendors' release or price-change dates; market.md mostly gives the month.
    // gpt-3.5-turbo's launch price is not in market.md: it is added so that the MID tier starts
    // with the ChatGPT API on 2023-03-01 (OpenAI's announcement, $0.002 per 1K tokens).
    std::vector<TokenPriceEvent> e = {
        {ymd(2023, 3, 14), "FRONTIER", "OpenAI flagship", "GPT-4 (8K)", 30, 60, "[S]", kDeeplink},
        {ymd(2023, 11, 6), "FRONTIER", "OpenAI flagship", "GPT-4 Turbo", 10, 30, "[S]", kDeeplink},
        {ymd(2024, 3, 4), "FRONTIER", "Anthropic", "Claude 3 Opus", 15, 75, "[S]", kClaudePricing},
        {ymd(2024, 5, 13), "FRONTIER", "OpenAI flagship", "GPT-4o", 5, 15, "[U]", kDeeplink},
        {ymd(2024, 8, 6),
         "FRONTIER",
         "OpenAI flagship",
         "gpt-4o-2024-08-06",
         2.5,
         10,
         "[S]",
         kDeeplink},
        {ymd(2024, 12, 17), "FRONTIER", "OpenAI reasoning", "o1", 15, 60, "[S]", kChatGptPricing},
        {ymd(2025, 4, 14), "FRONTIER", "OpenAI flagship", "GPT-4.1", 2, 8, "[S]", kDeploybase},
        {ymd(2025, 4, 16),
         "FRONTIER",
         "OpenAI reasoning",
         "o3 (launch price)",
         10,
         40,
         "[U]",
         kChatGptPricing},
        {ymd(2025, 5, 22), "FRONTIER", "Anthropic", "Claude Opus 4", 15, 75, "[S]", kClaudePricing},
        {ymd(2025, 6, 10),
         "FRONTIER",
         "OpenAI reasoning",
         "o3 (after the -80% cut)",
         2,
         8,
         "[S]",
         kChatGptPricing},
        {ymd(2025, 8, 7), "FRONTIER", "OpenAI flagship", "GPT-5", 1.25, 10, "[S]", kDeploybase},
        {ymd(2025, 11, 24), "FRONTIER", "Anthropic", "Claude Opus 4.5", 5, 25, "[S]", kOpus45},
        {ymd(2023, 3, 1), "MID", "OpenAI", "gpt-3.5-turbo", 2, 2, "[P, added]", kChatGptApi},
        {ymd(2024, 1, 25), "MID", "OpenAI", "gpt-3.5-turbo-0125", 0.5, 1.5, "[S]", kDeeplink},
        {ymd(2024, 6, 20), "MID", "Anthropic", "Claude 3.5 Sonnet", 3, 15, "[S]", kClaudePricing},
        {ymd(2025, 8, 7), "MID", "OpenAI", "GPT-5 mini", 0.25, 2, "[S]", kDeploybase},
        {ymd(2024, 3, 13),
         "SMALL",
         "Anthropic",
         "Claude 3 Haiku",
         0.25,
         1.25,
         "[U]",
         kClaudePricing},
        {ymd(2024, 7, 18), "SMALL", "OpenAI", "GPT-4o mini", 0.15, 0.60, "[S]", kDeploybase},
        {ymd(2024, 11, 12),
         "SMALL",
         "Open weights",
         "Llama 3.2 3B on Together (as reported by a16z)",
         0.06,
         0.06,
         "[P]",
         kA16z},
        {ymd(2025, 8, 7), "SMALL", "OpenAI", "GPT-5 nano", 0.05, 0.40, "[S]", kNano},
        {ymd(2025, 10, 15), "SMALL", "Anthropic", "Claude Haiku 4.5", 1, 5, "[S]", kClaudePricing},
    };
    std::stable_sort(e.begin(), e.end(), [](const TokenPriceEvent& a, const TokenPriceEvent& b) {
        return a.date < b.date;
    });
    return e;
}

std::vector<TokenTierLevel> tokenTierLevels(const std::string& tier)
{
    std::map<std::string, std::pair<double, double>> current; // slot -> (input, output)
    std::vector<TokenTierLevel> levels;
    for (const auto& e : referenceTokenPriceEvents()) {
        if (e.tier != tier)
            continue;
        current[e.slot] = {e.inputUsd, e.outputUsd};
        std::vector<double> in;
        std::vector<double> out;
        for (const auto& [slot, prices] : current) {
            in.push_back(prices.first);
            out.push_back(prices.second);
        }
        const TokenTierLevel level{e.date, median(in), median(out)};
        if (!levels.empty() && levels.back().date == e.date)
            levels.back() = level; // several events on one day: the last state counts
        else
            levels.push_back(level);
    }
    require(!levels.empty(), "tokenTierLevels: unknown tier " + tier);
    return levels;
}

double blendedTokenPrice(double inputUsd, double outputUsd)
{
    return (3.0 * inputUsd + outputUsd) / 4.0;
}

std::vector<PriceSeries> generateTokenSeries(const std::string& tier, Date lastDate)
{
    const auto levels = tokenTierLevels(tier);
    const std::string prefix = "TOK." + tier + ".";
    std::vector<PriceSeries> out = {
        {prefix + "IN", {}}, {prefix + "OUT", {}}, {prefix + "BLEND", {}}};
    std::size_t k = 0;
    for (auto day = sys_days{levels.front().date}; day <= sys_days{lastDate}; day += days{1}) {
        const Date d{day};
        while (k + 1 < levels.size() && levels[k + 1].date <= d)
            ++k;
        const auto& l = levels[k];
        out[0].points.push_back({d, round4(l.inputUsd)});
        out[1].points.push_back({d, round4(l.outputUsd)});
        out[2].points.push_back({d, round4(blendedTokenPrice(l.inputUsd, l.outputUsd))});
    }
    return out;
}

} // namespace ch::marketdata
