// Plan page benchmarks (docs/plan-and-exposure.md, "Performance"):
// (a) a 50-line × 36-month plan (pooled and bound contracts, 600 budget entries, the demo's bills
//     for the basis) on the demo's market data: type one cell into PlanGridModel::setData, which
//     saves the whole book through PlanRepository (one transaction), recomputes exposure in core
//     and refreshes the Plan grid and the Exposure page's models and charts; median of 200 edits,
//     with the save and the core computation also timed alone;
// (b) PlanRepository::importPlanCsv of a generated plan.csv of N rows (default 100,000): read,
//     parse, check and replace the plan in one transaction; median of 3 runs.
// Run by hand (never in CI): build/bench/plan_gui_bench [rows]

#include "bench_support.h"
#include "domain/plan_text.h"
#include "exposure/basis.h"
#include "exposure/exposure.h"
#include "storage/plan_repository.h"
#include "storage/workspace.h"
#include "ui/models/exposure_table_models.h"
#include "ui/models/plan_grid_model.h"
#include "ui/pages/exposure_page.h"
#include "ui/pages/plan_page.h"
#include "ui/plan_session.h"
#include "ui/workspace_session.h"

#include <QApplication>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using namespace ch::bench;

//! The bench plan (50 manual lines cycling through the eleven resources, growing 1% a month) with
//! a 12-month pool per resource, a bound contract on every fifth line and 12 months of budget per
//! line.
ch::storage::PlanBook benchBook(std::vector<ch::ActualBill> actuals)
{
    ch::storage::PlanBook book;
    book.plan = benchPlan();
    book.actuals = std::move(actuals);
    book.contracts = benchContracts(book.plan);
    book.budget = benchBudget(book.plan);
    return book;
}

void waitForMarketData(ch::ui::WorkspaceSession& session)
{
    if (session.hasMarketData() && !session.isLoading())
        return;
    QEventLoop loop;
    QObject::connect(
        &session, &ch::ui::WorkspaceSession::marketDataChanged, &loop, &QEventLoop::quit);
    QTimer::singleShot(120'000, &loop, &QEventLoop::quit);
    loop.exec();
}

void benchGuiEdit(const QString& path)
{
    ch::ui::WorkspaceSession session;
    ch::ui::PlanSession plan(session);
    ch::ui::PlanPage planPage(session, plan);
    ch::ui::ExposurePage exposurePage(session, plan);
    session.openWorkspace(path);
    waitForMarketData(session);
    if (!plan.exposure().report) {
        std::fprintf(stderr, "plan_gui_bench: no exposure report; the bench book is invalid\n");
        std::exit(1);
    }
    ch::ui::PlanGridModel& grid = *planPage.gridModel();
    constexpr int kRuns = 200;
    std::vector<double> edits;
    for (int run = 0; run < kRuns; ++run) {
        const int line = run % kLines;
        const int month = (run * 7) % kMonths;
        const double base = 1000.0 * (1 + line) * (1.0 + 0.01 * month);
        const QString text =
            QString::fromStdString(ch::formatShortest(base * (1.0 + 0.001 * (1 + run % 100))));
        const auto start = Clock::now();
        const bool accepted = grid.setData(grid.index(line, month), text);
        edits.push_back(msSince(start));
        if (!accepted) {
            std::fprintf(stderr, "plan_gui_bench: edit %d was refused\n", run);
            std::exit(1);
        }
    }
    // The same steps alone: the save of the whole book, and core's exposure.
    std::vector<double> saves;
    std::vector<double> saveCpu;
    std::vector<double> computes;
    const ch::storage::PlanBook book = plan.book();
    for (int run = 0; run < 50; ++run) {
        auto start = Clock::now();
        const double cpuStart = cpuMs();
        ch::storage::PlanRepository(session.workspace()).save(book);
        saves.push_back(msSince(start));
        saveCpu.push_back(cpuMs() - cpuStart);
        start = Clock::now();
        const auto basis =
            ch::exposure::measureBasis(book.plan, book.actuals, session.marketData().series);
        const auto report = ch::exposure::computeExposure(
            book.plan, book.contracts, basis, book.budget, session.snapshot().curves);
        computes.push_back(msSince(start));
        if (report.cells.empty())
            std::exit(1);
    }
    std::printf("GUI edit of one cell (%d lines x %d months, %zu contracts, %zu budgets, %zu "
                "bills): setData -> save -> exposure -> Plan grid + Exposure models and charts "
                "refreshed: median %.2f ms over %d edits (max %.2f ms); of which save of the book "
                "alone median %.2f ms (%.2f ms CPU), basis + exposure alone median %.2f ms; "
                "Exposure table %d rows\n",
                kLines,
                kMonths,
                book.contracts.size(),
                book.budget.size(),
                book.actuals.size(),
                median(edits),
                kRuns,
                *std::max_element(edits.begin(), edits.end()),
                median(saves),
                median(saveCpu),
                median(computes),
                exposurePage.cellModel()->rowCount());
}

void benchCsvImport(const QString& workspacePath, const QString& csvPath, std::size_t rows)
{
    const std::string text = planCsv(rows);
    QFile f(csvPath);
    if (!f.open(QIODevice::WriteOnly)
        || f.write(text.data(), static_cast<qint64>(text.size()))
               != static_cast<qint64>(text.size())) {
        std::fprintf(stderr, "plan_gui_bench: cannot write %s\n", qPrintable(csvPath));
        std::exit(1);
    }
    f.close();
    auto ws = ch::storage::Workspace::open(workspacePath.toStdString());
    ch::storage::PlanRepository repo(ws);
    std::vector<double> times;
    std::size_t lines = 0;
    for (int run = 0; run < 3; ++run) {
        const auto start = Clock::now();
        const auto report = repo.importPlanCsv(csvPath.toStdString());
        times.push_back(msSince(start));
        if (!report.applied) {
            std::fprintf(stderr,
                         "plan_gui_bench: import failed: %s\n",
                         report.issues.empty() ? "?" : report.issues[0].toString().c_str());
            std::exit(1);
        }
        lines = report.imported;
    }
    std::printf("plan.csv import through storage (read, parse, check, replace in one "
                "transaction): %zu rows (%zu lines, %.1f MB): median %.0f ms over 3 runs "
                "(%.0f rows/s)\n",
                rows,
                lines,
                static_cast<double>(text.size()) / 1e6,
                median(times),
                static_cast<double>(rows) / (median(times) / 1000.0));
}

} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const std::size_t rows =
        argc > 1 ? static_cast<std::size_t>(std::strtoull(argv[1], nullptr, 10)) : 100'000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.chw"));
    {
        // The demo's market data and bills, with the 50-line bench book as its plan.
        auto ws = ch::storage::Workspace::createDemo(path.toStdString());
        ch::storage::PlanRepository repo(ws);
        repo.save(benchBook(repo.load().actuals));
    }
    benchGuiEdit(path);
    benchCsvImport(path, dir.filePath(QStringLiteral("plan.csv")), rows);
    return 0;
}
