#pragma once

#include "domain/market.h"
#include "hedging/policy.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace ch::ui {

class HedgeBucketModel;
class HedgePolicyHistoryModel;
class HedgeRuleModel;

//! The policy editor of the Hedge page: the tenor buckets (min / target / max by tenor), the
//! instruments and contracts allowed per resource, the limits, the premium budget, the volume
//! scenario, the rounding and the option strikes, with the saved versions (who and when) beside
//! them. Every change is checked at once with hedging::validatePolicy against the workspace's
//! contracts and the problems are listed naming the field; "Save as new version…" is enabled only
//! for a changed policy without errors and asks the page to save it (saveRequested). The panel
//! never writes: the page saves through storage::HedgeRepository.
class HedgePolicyPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HedgePolicyPanel(QWidget* parent = nullptr);

    //! Shows `current` for editing, with its saved versions (oldest first; empty when the policy
    //! is not stored yet) and the contracts rule symbols are checked against.
    void setPolicy(const hedging::HedgePolicy& current,
                   std::vector<hedging::HedgePolicy> versions,
                   std::vector<ContractSpec> contracts);
    //! The policy as edited (id, version, author and time of the one shown).
    hedging::HedgePolicy draft() const;
    bool isModified() const;
    //! The problems of draft(), as shown (validatePolicy's texts).
    QStringList problems() const;

    HedgeBucketModel* bucketModel() const { return m_buckets; }
    HedgeRuleModel* ruleModel() const { return m_rules; }
    HedgePolicyHistoryModel* historyModel() const { return m_history; }
    QPushButton* saveButton() const { return m_save; }
    QSpinBox* perMonthBox() const { return m_perMonth; }
    QDoubleSpinBox* budgetBox() const { return m_budget; }

signals:
    void saveRequested(const hedging::HedgePolicy& draft);

private:
    void revert();
    void updateState();
    QWidget* buildLimits();

    hedging::HedgePolicy m_current;
    std::vector<ContractSpec> m_contracts;
    bool m_loading = false;
    QLabel* m_header = nullptr;
    QLineEdit* m_name = nullptr;
    HedgeBucketModel* m_buckets = nullptr;
    HedgeRuleModel* m_rules = nullptr;
    HedgePolicyHistoryModel* m_history = nullptr;
    QTableView* m_bucketView = nullptr;
    QTableView* m_ruleView = nullptr;
    QSpinBox* m_perMonth = nullptr;
    QSpinBox* m_perContract = nullptr;
    QDoubleSpinBox* m_budget = nullptr;
    QComboBox* m_scenario = nullptr;
    QComboBox* m_rounding = nullptr;
    QDoubleSpinBox* m_callStrike = nullptr;
    QDoubleSpinBox* m_putStrike = nullptr;
    QLabel* m_problems = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_revert = nullptr;
};

} // namespace ch::ui
