#pragma once

#include "ui/pages/desk_page.h"

class QLabel;
class QTableView;

namespace ch::ui {

class PnlChart;
class PnlTableModel;
class ReferenceBanner;

//! The P&L page: trading::buildPnlSeries over the booked fills and stored marks, drawn as total,
//! realised, unrealised and fees over the mark dates, with the points in a table beside it.
class PnlPage : public DeskPage
{
    Q_OBJECT
public:
    PnlPage(WorkspaceSession& session, DeskSession& desk, QWidget* parent = nullptr);

    PnlChart* chart() const { return m_chart; }
    PnlTableModel* model() const { return m_model; }

protected:
    void refresh() override;

private:
    ReferenceBanner* m_banner = nullptr;
    PnlChart* m_chart = nullptr;
    PnlTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_note = nullptr;
};

} // namespace ch::ui
