#pragma once

#include <QString>

namespace ch::ui {
class MainWindow;
class WorkspaceSession;
} // namespace ch::ui

namespace ch::app {

//! `computehedge --screenshot DIR`: renders every page at 1500x950 to DIR/<page>.png, each named
//! view of a page to DIR/<page>-<view>.png, and the Import prices dialog to
//! DIR/import-prices.png (empty) and DIR/import-prices-rejected.png (a sample file with errors,
//! which writes nothing), once the market data has loaded and the event loop has settled.
//! Returns the process exit code (0 when every image was written); problems go to stderr.
int takeScreenshots(ui::MainWindow& window, ui::WorkspaceSession& session, const QString& dir);

} // namespace ch::app
