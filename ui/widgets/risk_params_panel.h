#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace ch::ui {

class RiskParamTableModel;

//! The Risk page's "Model parameters" tab: the parameter table (RiskParamTableModel, editable
//! overrides), Reset buttons and a note on where the estimates come from.
class RiskParamsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RiskParamsPanel(QWidget* parent = nullptr);

    RiskParamTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    void setNote(const QString& text);

signals:
    void resetAllRequested();

private:
    RiskParamTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_note = nullptr;
};

} // namespace ch::ui
