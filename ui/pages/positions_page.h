#pragma once

#include "ui/pages/desk_page.h"

class QLabel;
class QPushButton;
class QTableView;

namespace ch::ui {

class PositionsTableModel;
class ReferenceBanner;

//! The Positions page: net position per contract × delivery month from the booked fills
//! (average-cost method), valued at the newest stored mark or the reference price, with
//! unrealised, realised, fees and net P&L, settlement status, and the book's totals. "Mark to
//! reference curve" stores today's marks for every open position (audited). "Settle expired"
//! cash-settles, as the logged-in user, every open position whose last trading day is before
//! today (storage::settleExpiredPositions; needs release_order) and shows a summary line.
class PositionsPage : public DeskPage
{
    Q_OBJECT
public:
    PositionsPage(WorkspaceSession& session, DeskSession& desk, QWidget* parent = nullptr);

    PositionsTableModel* model() const { return m_model; }
    QString totalsText() const;
    void markBook();
    //! Settles the expired positions as of today (UTC) and returns the summary line, e.g.
    //! "Settled 1 position: CHG.H100 2026-09 15 contracts at 2.755514, realised USD 607.88";
    //! empty when the action was refused (guard() showed why).
    QString settleExpired();
    //! The summary of the last settlement run.
    QString settleSummary() const;

protected:
    void refresh() override;

private:
    ReferenceBanner* m_banner = nullptr;
    PositionsTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_totals = nullptr;
    QPushButton* m_mark = nullptr;
    QPushButton* m_settle = nullptr;
    QLabel* m_settleLine = nullptr;
};

} // namespace ch::ui
