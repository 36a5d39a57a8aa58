#pragma once

#include "ui/page.h"

#include <string>

class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace ch::ui {

class ContractTableModel;
class CorrelationPanel;
class DateValueChart;
class IndexTableModel;
class ReferenceBanner;

//! The Market page: the reference indices with their last level, vol and forward slope; for the
//! selected index its daily history and 36-month forward curve; the correlation matrix and vols;
//! the simulated contracts' specifications. A banner says the prices are a reference dataset.
//! Everything shown comes from the session's MarketDataSet and MarketSnapshot.
class MarketPage : public Page
{
    Q_OBJECT
public:
    explicit MarketPage(WorkspaceSession& session, QWidget* parent = nullptr);

    QStringList views() const override;
    void showView(const QString& view) override;

    //! Selects index `id` in the table (and charts it); false when there is no such index.
    bool selectIndex(const QString& id);
    //! The id of the selected index, or "".
    QString selectedIndexId() const;

    IndexTableModel* indexModel() const { return m_indexModel; }
    ContractTableModel* contractModel() const { return m_contractModel; }
    CorrelationPanel* correlationPanel() const { return m_correlationPanel; }
    DateValueChart* historyChart() const { return m_historyChart; }
    DateValueChart* forwardChart() const { return m_forwardChart; }

private:
    QWidget* buildContent();
    void refresh();
    void showIndex(const std::string& id);

    ReferenceBanner* m_banner = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_emptyMessage = nullptr;
    IndexTableModel* m_indexModel = nullptr;
    QSortFilterProxyModel* m_indexProxy = nullptr;
    QTableView* m_indexView = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_indexDescription = nullptr;
    DateValueChart* m_historyChart = nullptr;
    DateValueChart* m_forwardChart = nullptr;
    CorrelationPanel* m_correlationPanel = nullptr;
    ContractTableModel* m_contractModel = nullptr;
    QTableView* m_contractView = nullptr;
};

} // namespace ch::ui
