#include "domain/error.h"
#include "marketdata/csv_text.h"
#include "marketdata/dataset_format.h"
#include "marketdata/gpu_path.h"
#include "marketdata/random.h"
#include "marketdata/reference_dataset.h"

#include <algorithm>
#include <cstdio>

namespace ch::marketdata {

namespace {

void endRow(std::string& out)
{
    out.push_back('\n');
}

void sep(std::string& out)
{
    out.push_back(',');
}

void keyValue(std::string& out, const std::string& key, std::string_view value)
{
    csv::appendField(out, key);
    sep(out);
    csv::appendField(out, value);
    endRow(out);
}

std::string shortest(double v)
{
    std::string s;
    csv::appendShortest(s, v);
    return s;
}

std::string twoDigits(std::size_t i)
{
    return (i < 10 ? "0" : "") + std::to_string(i);
}

std::string checksumText(const std::string& content)
{
    char buf[32];
    std::snprintf(buf,
                  sizeof buf,
                  "fnv1a64:%016llx",
                  static_cast<unsigned long long>(fnv1a64(content.data(), content.size())));
    return buf;
}

void writeModelParameters(std::string& out)
{
    for (const auto& s : referenceGpuSpecs()) {
        const std::string k = "model." + s.indexId + ".";
        keyValue(out, k + "vol_annual", shortest(s.volAnnual));
        keyValue(out, k + "half_life_days", shortest(s.halfLifeDays));
        keyValue(out, k + "noise_vol_annual", shortest(s.noiseVolAnnual));
        keyValue(out, k + "noise_half_life_days", shortest(s.noiseHalfLifeDays));
        keyValue(out, k + "spikes_per_year", shortest(s.spikesPerYear));
        keyValue(out, k + "spike_mean_log", shortest(s.spikeMeanLog));
        keyValue(out, k + "spike_cap_in_means", shortest(kMaxSpikeInMeans));
        keyValue(out, k + "spike_half_life_days", shortest(s.spikeHalfLifeDays));
        keyValue(out, k + "pin_interval_days", std::to_string(s.pinIntervalDays));
        keyValue(out, k + "parent", s.parentIndexId);
        keyValue(out, k + "parent_correlation", shortest(s.parentCorrelation));
        for (std::size_t i = 0; i < s.waypoints.size(); ++i) {
            const auto& w = s.waypoints[i];
            keyValue(out,
                     k + "waypoint." + twoDigits(i + 1),
                     formatIsoDate(w.date) + " " + shortest(w.usd) + " " + w.note);
        }
        for (std::size_t i = 0; i < s.shifts.size(); ++i) {
            const auto& sh = s.shifts[i];
            keyValue(out,
                     k + "shift." + twoDigits(i + 1),
                     formatIsoDate(sh.date) + " log " + shortest(sh.logSize) + " over "
                         + std::to_string(sh.rampDays) + " day(s): " + sh.reason);
        }
        for (std::size_t i = 0; i < s.scheduledSpikes.size(); ++i) {
            const auto& sp = s.scheduledSpikes[i];
            keyValue(out,
                     k + "spike." + twoDigits(i + 1),
                     formatIsoDate(sp.date) + " log " + shortest(sp.logSize) + ": " + sp.reason);
        }
        for (std::size_t i = 0; i < s.regimes.size(); ++i) {
            const auto& r = s.regimes[i];
            keyValue(out,
                     k + "regime." + twoDigits(i + 1),
                     formatIsoDate(r.from) + " to " + formatIsoDate(r.to) + " x"
                         + shortest(r.multiplier) + ": " + r.label);
        }
    }
    const auto tx = referenceTransactionSpec();
    const std::string k = "model." + tx.indexId + ".";
    keyValue(out, k + "base", tx.baseIndexId);
    keyValue(out, k + "mean_ratio", shortest(tx.meanRatio));
    keyValue(out, k + "basis_vol_annual", shortest(tx.basisVolAnnual));
    keyValue(out, k + "basis_half_life_days", shortest(tx.basisHalfLifeDays));
}

std::string pricesFile(const MarketDataSet& data, IndexKind kind)
{
    std::vector<const PriceSeries*> series;
    for (const auto& s : data.series) {
        const auto* def = data.findIndex(s.indexId);
        require(def != nullptr, "writeDatasetFiles: series " + s.indexId + " has no index");
        if (def->kind == kind)
            series.push_back(&s);
    }
    std::sort(series.begin(), series.end(), [](const PriceSeries* a, const PriceSeries* b) {
        return a->indexId < b->indexId;
    });
    std::string out(format::kPricesHeader);
    endRow(out);
    for (const auto* s : series) {
        for (const auto& p : s->points) {
            out += formatIsoDate(p.date);
            sep(out);
            csv::appendField(out, s->indexId);
            sep(out);
            csv::appendFixed(out, p.usd, format::kPriceDecimals);
            endRow(out);
        }
    }
    return out;
}

} // namespace

std::map<std::string, std::string> writeDatasetFiles(const MarketDataSet& data)
{
    std::map<std::string, std::string> files;

    std::string indices(format::kIndicesHeader);
    endRow(indices);
    for (const auto& i : data.indices) {
        for (std::string_view f : {std::string_view(i.id),
                                   std::string_view(i.name),
                                   std::string_view(format::indexKindCode(i.kind)),
                                   std::string_view(unitCode(i.unit)),
                                   std::string_view(i.resource),
                                   std::string_view(i.segment)}) {
            csv::appendField(indices, f);
            sep(indices);
        }
        indices += formatIsoDate(i.firstDate);
        sep(indices);
        csv::appendField(indices, i.description);
        endRow(indices);
    }
    files[std::string(format::kIndices)] = std::move(indices);
    files[std::string(format::kPricesGpu)] = pricesFile(data, IndexKind::GpuRental);
    files[std::string(format::kPricesTokens)] = pricesFile(data, IndexKind::TokenPrice);

    std::string contracts(format::kContractsHeader);
    endRow(contracts);
    for (const auto& c : data.contracts) {
        for (std::string_view f : {std::string_view(c.symbol),
                                   std::string_view(c.name),
                                   std::string_view(exchangeStyleCode(c.style)),
                                   std::string_view(c.underlyingIndex),
                                   std::string_view(unitCode(c.unit))}) {
            csv::appendField(contracts, f);
            sep(contracts);
        }
        contracts += std::to_string(c.unitsPerContract) + "," + std::to_string(c.tickMicros) + ","
                     + std::to_string(c.monthsListed) + ",";
        csv::appendField(contracts, c.settlement);
        sep(contracts);
        csv::appendField(contracts, c.lastTrading);
        sep(contracts);
        csv::appendShortest(contracts, c.initialMarginFraction);
        sep(contracts);
        contracts += std::to_string(c.feePerSideCents);
        endRow(contracts);
    }
    files[std::string(format::kContracts)] = std::move(contracts);

    std::string events(format::kEventsHeader);
    endRow(events);
    for (const auto& e : data.events) {
        events += formatIsoDate(e.date);
        sep(events);
        csv::appendField(events, e.indexId);
        sep(events);
        csv::appendField(events, e.description);
        sep(events);
        csv::appendField(events, e.sourceUrl);
        endRow(events);
    }
    files[std::string(format::kEvents)] = std::move(events);

    std::string anchors(format::kAnchorsHeader);
    endRow(anchors);
    for (const auto& a : referenceAnchors()) {
        if (!data.findIndex(a.indexId) || a.date > data.info.valuationDate)
            continue;
        csv::appendField(anchors, a.indexId);
        sep(anchors);
        anchors += formatIsoDate(a.date);
        sep(anchors);
        csv::appendShortest(anchors, a.usd);
        sep(anchors);
        csv::appendShortest(anchors, a.tolerance);
        sep(anchors);
        csv::appendField(anchors, a.sourceUrl);
        endRow(anchors);
    }
    files[std::string(format::kAnchors)] = std::move(anchors);

    std::string manifest(format::kManifestHeader);
    endRow(manifest);
    keyValue(manifest, "format", format::kFormatName);
    keyValue(manifest, "version", data.info.version);
    keyValue(manifest, "valuation_date", formatIsoDate(data.info.valuationDate));
    keyValue(manifest, "seed", std::to_string(data.info.seed));
    keyValue(manifest, "disclaimer", data.info.disclaimer);
    keyValue(manifest,
             "generator",
             "GPU: log price = waypoint trend + level shifts + bridged (OU short factor + fast "
             "index noise + decaying up-spikes); xoshiro256** seeded by SplitMix64 per index, "
             "Box-Muller normals. Tokens: step functions of dated list prices (tier medians)");
    keyValue(manifest,
             "statistics_method",
             "weekday (Mon-Fri) prices; daily log returns; sample standard deviation x sqrt(252); "
             "drawdown and run-up on the same weekday prices");
    keyValue(manifest, "token_blend", "(3 x input + 1 x output) / 4");
    writeModelParameters(manifest);
    const auto targets = referenceStatisticTargets();
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const auto& t = targets[i];
        keyValue(manifest,
                 "target." + twoDigits(i + 1),
                 t.indexId + " " + t.statistic + " " + shortest(t.target) + " +- "
                     + shortest(t.tolerance) + " on " + formatIsoDate(t.from) + " to "
                     + formatIsoDate(t.to) + " (" + t.source + ")");
    }
    for (const auto& [name, content] : files)
        keyValue(manifest, "checksum." + name, checksumText(content));
    files[std::string(format::kManifest)] = std::move(manifest);
    return files;
}

} // namespace ch::marketdata
