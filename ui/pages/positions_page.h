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
//! unrealised, realised, fees and net P&L, and the book's totals. "Mark to reference curve"
//! stores today's marks for every open position (audited).
class PositionsPage : public DeskPage
{
    Q_OBJECT
public:
    PositionsPage(WorkspaceSession& session, DeskSession& desk, QWidget* parent = nullptr);

    PositionsTableModel* model() const { return m_model; }
    QString totalsText() const;
    void markBook();

protected:
    void refresh() override;

private:
    ReferenceBanner* m_banner = nullptr;
    PositionsTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_totals = nullptr;
    QPushButton* m_mark = nullptr;
};

} // namespace ch::ui
