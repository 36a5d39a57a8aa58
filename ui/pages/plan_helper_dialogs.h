#pragma once

#include "domain/issue.h"
#include "domain/market.h"
#include "domain/plan.h"

#include <QDialog>

#include <optional>
#include <vector>

class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace ch::ui {

//! What the helper dialogs share: the form, a message area for the problems core finds, and
//! accept() that applies the helper in core (exposure::applyHelper) and stays open on errors.
class HelperDialog : public QDialog
{
    Q_OBJECT
public:
    //! The plan with the helper applied; valid after the dialog was accepted.
    const Plan& expandedPlan() const { return m_result; }
    //! Warnings of the accepted expansion (e.g. months outside the plan left out).
    const std::vector<Issue>& warnings() const { return m_warnings; }
    //! The problems shown in the dialog, one per line ("" when none).
    QString problemText() const;
    //! The helper the form describes now.
    virtual PlanHelper helper() const = 0;

public slots:
    void accept() override;

protected:
    HelperDialog(const Plan& plan, bool editing, QWidget* parent);
    //! Adds the OK/Cancel buttons and the message area under `form`.
    void finishLayout(QFormLayout* form);
    //! An index picker for `unit`: "default" first, then the workspace's indices in that unit.
    QComboBox* indexPicker(const std::vector<IndexDefinition>& indices, Unit unit);
    static void selectIndex(QComboBox* box, const std::string& indexId);
    static std::string chosenIndex(const QComboBox* box);
    QComboBox* confidencePicker();
    QComboBox* gpuPicker();

    const Plan m_plan;
    const bool m_editing;
    QLineEdit* m_id = nullptr;
    QLineEdit* m_name = nullptr;
    QDoubleSpinBox* m_uncertainty = nullptr; //!< percent
    QComboBox* m_confidence = nullptr;

private:
    QLabel* m_problems = nullptr;
    Plan m_result;
    std::vector<Issue> m_warnings;
};

//! Training run…: GPUs × 24 h × days × utilisation, split over the calendar months the run's
//! days fall in (docs/plan-and-exposure.md). Editing a helper regenerates its line in place.
class TrainingRunDialog : public HelperDialog
{
    Q_OBJECT
public:
    //! `existing` edits that helper (its id is fixed); otherwise a new helper is proposed.
    TrainingRunDialog(const Plan& plan,
                      const std::vector<IndexDefinition>& indices,
                      const std::optional<TrainingRun>& existing,
                      QWidget* parent = nullptr);

    void setInputs(const TrainingRun& run);
    PlanHelper helper() const override;

private:
    QComboBox* m_gpu = nullptr;
    QSpinBox* m_gpus = nullptr;
    QDateEdit* m_start = nullptr;
    QSpinBox* m_days = nullptr;
    QDoubleSpinBox* m_utilisation = nullptr; //!< percent
    QComboBox* m_index = nullptr;
};

//! Inference service…: requests/day growing by g a month, bought as API tokens of a model tier
//! (two lines, input and output MTok) or self-hosted on GPUs at a throughput per GPU (one line of
//! GPU-hours).
class InferenceServiceDialog : public HelperDialog
{
    Q_OBJECT
public:
    InferenceServiceDialog(const Plan& plan,
                           const std::vector<IndexDefinition>& indices,
                           const std::optional<InferenceService>& existing,
                           QWidget* parent = nullptr);

    void setInputs(const InferenceService& service);
    PlanHelper helper() const override;

private:
    void updateServing();

    QRadioButton* m_api = nullptr;
    QRadioButton* m_selfHosted = nullptr;
    QComboBox* m_tier = nullptr;
    QComboBox* m_gpu = nullptr;
    QDoubleSpinBox* m_tokensPerSecond = nullptr;
    QDoubleSpinBox* m_requests = nullptr;
    QDoubleSpinBox* m_inputTokens = nullptr;
    QDoubleSpinBox* m_outputTokens = nullptr;
    QDoubleSpinBox* m_growth = nullptr; //!< percent per month
    QDateEdit* m_startMonth = nullptr;
    QSpinBox* m_months = nullptr;
    QComboBox* m_index = nullptr;
};

//! A helper or line id not yet used in `plan`: `stem`, `stem-2`, `stem-3`, ...
std::string freeId(const Plan& plan, const std::string& stem);

} // namespace ch::ui
