#pragma once

#include "hedging/hedge_risk.h"
#include "hedging/workspace_inputs.h"

#include <QAbstractTableModel>

#include <vector>

namespace ch::ui {

//! The hedge ratio of each exposure index of the plan (hedging::ExposureChoice): the contract
//! chosen, whether it is a cross hedge, h* = ρ·σS/σF, R², basis vol and the regression's inputs.
//! DisplayRole formatted, Qt::UserRole raw. A row whose R² is below 0.8 is flagged.
class HedgeRatioModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IndexColumn,
        ResourceColumn,
        Contract,
        ContractIndex,
        Cross,
        Series,
        Beta,
        RSquared,
        BasisVol,
        Correlation,
        SigmaS,
        SigmaF,
        Observations,
        Note,
        ColumnCount
    };

    explicit HedgeRatioModel(QObject* parent = nullptr);
    void setExposures(std::vector<hedging::ExposureChoice> exposures);
    const hedging::ExposureChoice& exposureAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<hedging::ExposureChoice> m_rows;
};

//! Monte Carlo Cost-at-Risk at 95% of each month's cost (hedging::HedgeRiskReport::months):
//! unhedged, with the current book and with the proposed hedge, in USD.
class HedgeMonthRiskModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { MonthColumn, Unhedged, Current, Proposed, ColumnCount };

    explicit HedgeMonthRiskModel(QObject* parent = nullptr);
    void setMonths(std::vector<hedging::MonthRisk> months);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<hedging::MonthRisk> m_months;
};

//! The problems behind a recommendation, most important first: errors, then breaches of the
//! policy by existing positions (source "positions"), then the optimiser's, the recommendation's
//! and the hedge ratios' warnings, then the rest. Columns: source, subject (the index, month or
//! field the issue is about), severity and message.
class HedgeIssueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Source, Subject, SeverityColumn, Message, ColumnCount };

    explicit HedgeIssueModel(QObject* parent = nullptr);
    void setIssues(std::vector<Issue> issues);
    const std::vector<Issue>& issues() const { return m_issues; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Issue> m_issues;
};

} // namespace ch::ui
