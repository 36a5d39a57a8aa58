#include "screenshots.h"

#include "desk_tour.h"
#include "ui/desk_session.h"
#include "ui/import_prices_dialog.h"
#include "ui/main_window.h"
#include "ui/page.h"
#include "ui/workspace_session.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QPixmap>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace ch::app {

namespace {

constexpr int kWidth = 1500;
constexpr int kHeight = 950;

// Lets layouts, queued replots and deferred deletes run before a widget is grabbed. Each round
// handles what the previous one posted; a few rounds settle any chain of posted events.
void settle()
{
    for (int round = 0; round < 5; ++round) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
}

bool save(QWidget& widget, const QDir& dir, const QString& name)
{
    settle();
    const QString file = dir.filePath(name + QStringLiteral(".png"));
    if (!widget.grab().save(file)) {
        std::fprintf(stderr, "computehedge: error: could not write %s\n", qPrintable(file));
        return false;
    }
    std::printf("computehedge: wrote %s\n", qPrintable(file));
    return true;
}

// The Import prices dialog after a file with errors: its issue table and the statement that
// nothing was changed. A rejected import writes nothing, so the workspace stays as it was.
bool saveRejectedImport(ui::ImportPricesDialog& dialog,
                        ui::WorkspaceSession& session,
                        const QDir& out)
{
    QTemporaryDir scratch;
    const QString csv = scratch.filePath(QStringLiteral("marketplace_prices.csv"));
    QFile file(csv);
    const QString index = QString::fromStdString(session.marketData().indices.front().id);
    const QString text = QStringLiteral("date,index,price,source\n"
                                        "2026-10-29,%1,2.79,marketplace-a\n"
                                        "2026-10-29,%1,2.85,marketplace-b\n"
                                        "2026-10-30,%1,-2.10,marketplace-a\n"
                                        "2026-10-30,GPU.H100.XX,2.81,marketplace-b\n"
                                        "2026-10-31,%1,2.8O,marketplace-a\n")
                             .arg(index);
    if (!scratch.isValid() || !file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0) {
        std::fprintf(
            stderr, "computehedge: error: cannot write the sample file %s\n", qPrintable(csv));
        return false;
    }
    file.close();
    QEventLoop loop;
    QObject::connect(&dialog, &ui::ImportPricesDialog::importFinished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    dialog.setFile(csv);
    dialog.startImport();
    loop.exec();
    return save(dialog, out, QStringLiteral("import-prices-rejected"));
}

// A page that computes on a worker when shown (the Hedge page) has a `busy` property; its
// screenshot waits until the result is in.
void waitUntilIdle(QObject& page)
{
    settle();
    if (!page.property("busy").toBool())
        return;
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (!page.property("busy").toBool())
            loop.quit();
    });
    poll.start(50);
    QTimer::singleShot(300'000, &loop, &QEventLoop::quit); // a broken build must not hang
    loop.exec();
}

} // namespace

int takeScreenshots(ui::MainWindow& window, ui::WorkspaceSession& session, const QString& dir)
{
    if (!QDir().mkpath(dir)) {
        std::fprintf(stderr, "computehedge: error: cannot create %s\n", qPrintable(dir));
        return 1;
    }
    const QDir out(dir);
    window.resize(kWidth, kHeight);
    window.show();

    if (session.isLoading()) {
        QEventLoop loop;
        QObject::connect(
            &session, &ui::WorkspaceSession::marketDataChanged, &loop, &QEventLoop::quit);
        QTimer::singleShot(120'000, &loop, &QEventLoop::quit); // a broken build must not hang
        loop.exec();
    }
    if (!session.hasMarketData()) {
        std::fprintf(stderr,
                     "computehedge: error: no market data to show (workspace %s)\n",
                     qPrintable(session.filePath()));
        return 1;
    }

    bool ok = true;
    const SaveShot saveShot = [&](QWidget& widget, const QString& name) {
        return save(widget, out, name);
    };
    for (const QString& id : window.pageIds()) {
        if (id == QStringLiteral("orders") && window.deskSession().hasUsers()) {
            // From here on the pages need a login: the desk tour walks them as their users do.
            ok = runDeskTour(window, session, saveShot) && ok;
            break;
        }
        window.showPage(id);
        ui::Page* page = window.page(id);
        waitUntilIdle(*page);
        ok = save(window, out, id) && ok;
        for (const QString& view : page->views()) {
            page->showView(view);
            ok = save(window, out, id + QLatin1Char('-') + view) && ok;
        }
    }

    ui::ImportPricesDialog dialog(session, &window);
    dialog.show();
    ok = save(dialog, out, QStringLiteral("import-prices")) && ok;
    ok = saveRejectedImport(dialog, session, out) && ok;
    return ok ? 0 : 1;
}

} // namespace ch::app
