// `computehedge-cli basis show`: the measured basis of every plan line, paid price ÷ index monthly
// average over the months with bills (exposure::measureBasis; formulas in
// docs/plan-and-exposure.md, "Actuals and measured basis").

#include "exposure/basis.h"
#include "plan_cli.h"

namespace ch::cli {
namespace {

int showBasis(Context& ctx, const Arguments&)
{
    const ExposureInputs in = loadExposureInputs(ctx);
    const exposure::BasisReport basis =
        exposure::measureBasis(in.book.plan, in.book.actuals, in.market.series);
    if (ctx.json()) {
        QJsonArray lines;
        for (const auto& b : basis.lines) {
            QJsonArray observations;
            for (const auto& o : b.observations)
                observations.append(QJsonObject{{"month", jsonMonth(o.month)},
                                                {"quantity", o.quantity},
                                                {"paid_usd", o.paidUsd},
                                                {"paid_usd_per_unit", o.paidUsdPerUnit},
                                                {"index_average_usd_per_unit", o.indexAverageUsd},
                                                {"ratio", o.ratio}});
            lines.append(QJsonObject{{"line_id", qstr(b.lineId)},
                                     {"resource", qstr(b.resource.code())},
                                     {"index_id", qstr(b.indexId)},
                                     {"measured", b.isMeasured()},
                                     {"months", jsonCount(b.observations.size())},
                                     {"mean", b.mean},
                                     {"std_dev", b.stdDev},
                                     {"observations", observations}});
        }
        QJsonObject o{{"lines", lines}, {"warnings", jsonIssues(basis.warnings)}};
        addDatasetLabel(o, in.market.info);
        ctx.printJson(o);
        return 0;
    }
    TextTable table({{"Line"},
                     {"Resource"},
                     {"Index"},
                     {"Months", Align::Right},
                     {"Mean paid/index", Align::Right},
                     {"Std dev", Align::Right},
                     {"Exposure priced at"}});
    for (const auto& b : basis.lines)
        table.addRow({b.lineId,
                      b.resource.code(),
                      b.indexId,
                      std::to_string(b.observations.size()),
                      b.isMeasured() ? formatNumber(b.mean, 4) : "-",
                      b.observations.size() > 1 ? formatNumber(b.stdDev, 4) : "-",
                      b.isMeasured() ? "forward x " + formatNumber(b.mean, 4) : "forward"});
    ctx.out() << table.render()
              << "\nBasis = price paid ÷ the index's business-day monthly average; mean and "
                 "standard deviation\nover the months with bills (each month weighs the same).\n"
              << datasetFooter(in.market.info);
    for (const auto& w : basis.warnings)
        ctx.err() << w.toString() << "\n";
    return 0;
}

CH_CLI_GROUP({.name = "basis", .summary = "Measured basis of the plan lines (paid ÷ index)"});

CH_CLI_COMMAND({
    .group = "basis",
    .name = "show",
    .summary = "Mean and standard deviation of paid ÷ index per plan line",
    .description =
        "Bills for the line's resource are pooled per month (all providers) and compared with "
        "the\nline's index monthly average. A line without bills is unmeasured (mean 1) and "
        "priced at the\nplain forward. JSON: {\"lines\": [{\"line_id\", \"resource\", "
        "\"index_id\", \"measured\", \"months\",\n\"mean\", \"std_dev\", \"observations\": "
        "[{\"month\", \"quantity\", \"paid_usd\",\n\"paid_usd_per_unit\", "
        "\"index_average_usd_per_unit\", \"ratio\"}]}], \"warnings\",\n\"dataset_version\", "
        "\"valuation_date\", \"disclaimer\"}.",
    .examples = {"computehedge-cli --workspace demo.chw basis show"},
    .run = &showBasis,
});

} // namespace
} // namespace ch::cli
