#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace ch::ui {
class MainWindow;
class WorkspaceSession;
} // namespace ch::ui

namespace ch::app {

//! Writes `<dir>/<name>.png` of a widget; false (with a message on stderr) when it could not.
using SaveShot = std::function<bool(QWidget& widget, const QString& name)>;

//! The trading desk part of `computehedge --screenshot`, as the "done means" walks it on
//! the demo workspace (whose accounts and passwords are published in docs/trading-controls.md):
//! the Hedge page saves its recommendation as a submitted proposal; the login dialog; the trader
//! drafts the proposal's orders and submits them (pre-trade checks); the approvers approve them
//! (two approvers above the threshold); the trader releases them to the paper broker and the fills
//! arrive; the book is marked; then Orders, Approvals, Positions, P&L, Effectiveness and Audit
//! (as admin) are grabbed. Every step goes through DeskSession, i.e. core's checks, exactly as
//! the buttons do. Returns false when a step failed (the reason is on stderr); refusals by
//! pre-trade checks are counted and printed, not failures.
bool runDeskTour(ui::MainWindow& window, ui::WorkspaceSession& session, const SaveShot& save);

} // namespace ch::app
