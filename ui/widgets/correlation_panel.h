#pragma once

#include "domain/market.h"
#include "pricing/market_snapshot.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace ch::ui {

class CorrelationTableModel;
class VolTableModel;

//! The Market page's "Correlations & volatility" tab: the correlation matrix of daily log returns
//! as a coloured table with a colour key, the annualised vol per index, and a note on the window
//! and on whether the estimate had to be repaired to a valid correlation matrix.
class CorrelationPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CorrelationPanel(QWidget* parent = nullptr);

    void setMarket(const MarketDataSet& market, const pricing::MarketSnapshot& snapshot);
    void clear();

    CorrelationTableModel* correlationModel() const { return m_correlationModel; }
    VolTableModel* volModel() const { return m_volModel; }

private:
    CorrelationTableModel* m_correlationModel = nullptr;
    VolTableModel* m_volModel = nullptr;
    QTableView* m_correlationView = nullptr;
    QTableView* m_volView = nullptr;
    QLabel* m_note = nullptr;
};

} // namespace ch::ui
