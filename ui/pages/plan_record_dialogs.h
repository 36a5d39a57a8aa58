#pragma once

#include "domain/market.h"
#include "domain/plan.h"
#include "domain/plan_records.h"

#include <QDialog>

#include <optional>
#include <vector>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace ch::ui {

//! Add line…: a manual line with zero volumes. The resource picker sets the default reference
//! index (GPU.<type>.NC, TOK.<TIER>.<IN/OUT>); any index of the workspace in the same unit can be
//! chosen instead (e.g. GPU.H100.HS for hyperscaler-billed use).
class AddLineDialog : public QDialog
{
    Q_OBJECT
public:
    AddLineDialog(const Plan& plan,
                  const std::vector<IndexDefinition>& indices,
                  QWidget* parent = nullptr);

    //! The line to add; valid after the dialog was accepted.
    const std::optional<PlanLine>& line() const { return m_line; }
    void setInputs(const QString& id, const QString& name, const Resource& resource);
    QString problemText() const;

public slots:
    void accept() override;

private:
    void updateIndices();

    const Plan m_plan;
    const std::vector<IndexDefinition> m_indices;
    QLineEdit* m_id = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_resource = nullptr;
    QComboBox* m_index = nullptr;
    QComboBox* m_confidence = nullptr;
    QLabel* m_problems = nullptr;
    std::optional<PlanLine> m_line;
};

//! Add contract…: capacity bought at a fixed price, either for one plan line or pooled over
//! the lines with a resource and index; the same quantity every month for `months` months.
//! Prices are typed in USD per unit with at most 6 decimals (exact micro-USD).
class ContractDialog : public QDialog
{
    Q_OBJECT
public:
    ContractDialog(const Plan& plan,
                   const std::vector<ContractedCapacity>& existing,
                   QWidget* parent = nullptr);

    const std::optional<ContractedCapacity>& contract() const { return m_contract; }
    //! For tests and scripted use: fills the form. `covers` is a line id or "pool:<resource>".
    void setInputs(const QString& id,
                   const QString& covers,
                   const QString& counterparty,
                   const QString& priceUsd,
                   Month first,
                   int months,
                   const QString& quantityPerMonth);
    QString problemText() const;

public slots:
    void accept() override;

private:
    const Plan m_plan;
    const std::vector<ContractedCapacity> m_existing;
    QLineEdit* m_id = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_covers = nullptr;
    QLineEdit* m_counterparty = nullptr;
    QLineEdit* m_price = nullptr;
    QDateEdit* m_first = nullptr;
    QSpinBox* m_months = nullptr;
    QLineEdit* m_quantity = nullptr;
    QLabel* m_problems = nullptr;
    std::optional<ContractedCapacity> m_contract;
};

} // namespace ch::ui
