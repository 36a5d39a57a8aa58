#pragma once

#include "hedging/policy.h"
#include "hedging/recommendation.h"
#include "ui/page.h"

#include <map>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace ch::ui {

class HedgeFrontierChart;
class HedgeMonthRiskModel;
class HedgePolicyPanel;
class HedgeProposalModel;
class HedgeRatioModel;
class HedgeRecommendationModel;
class HedgeRunner;
class HedgeIssueModel;
class ReferenceBanner;

//! The Hedge page (after Risk in flow order; docs/hedging.md, "Using it"): for the chosen hedge
//! policy, what to hold in every delivery month and resource, in whole contracts, what it costs
//! and how much Cost-at-Risk it removes.
//!
//! Tabs: Recommendation (the table per month × resource with editable instrument and contract
//! count, the frontier chart, CaR by month, issues and policy breaches), Hedge ratios (h*, R²,
//! basis vol per exposure, cross hedges flagged), Policy (the versioned policy editor) and
//! Proposals (saved proposals). The recommendation, its 11-point frontier and the Monte Carlo
//! Cost-at-Risk before and after (20,000 paths by default) run on a worker (HedgeRunner) with a
//! progress bar and Cancel; edits recompute through hedging::applyEdits the same way. The page
//! computes when it is shown and its inputs changed (plan, market data, policy). The `busy`
//! property is true while a computation runs (screenshots and tests wait on it).
class HedgePage : public Page
{
    Q_OBJECT
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
public:
    explicit HedgePage(WorkspaceSession& session, QWidget* parent = nullptr);
    ~HedgePage() override;

    QStringList views() const override;
    void showView(const QString& view) override;

    bool isBusy() const;
    //! Starts a full computation now (the Recalculate button).
    void recalculate();
    //! Saves the shown recommendation as a proposal without asking (the dialog's work); returns
    //! the issues that refused it (empty when saved).
    std::vector<Issue> saveProposal(const QString& author, const QString& rationale, bool submit);
    //! Saves `draft` as the next version of its policy by `author`; returns the issues.
    std::vector<Issue> savePolicy(const hedging::HedgePolicy& draft, const QString& author);

    HedgeRecommendationModel* recommendationModel() const { return m_recommendation; }
    HedgeRatioModel* ratioModel() const { return m_ratios; }
    HedgeMonthRiskModel* monthRiskModel() const { return m_monthRisk; }
    HedgeProposalModel* proposalModel() const { return m_proposals; }
    HedgeIssueModel* issueModel() const { return m_issues; }
    HedgeFrontierChart* frontierChart() const { return m_frontier; }
    HedgePolicyPanel* policyPanel() const { return m_policyPanel; }
    HedgeRunner* runner() const { return m_runner; }
    QComboBox* policyBox() const { return m_policyBox; }
    QSpinBox* pathsBox() const { return m_paths; }
    QString summaryText() const;

signals:
    void busyChanged(bool busy);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildRecommendationTab();
    QWidget* buildControls();
    void onWorkspaceChanged();
    void markStale();
    void reloadPolicies(const std::string& selectId = {});
    void selectPolicy(int index);
    void showResult();
    void updateButtons();
    void requestEdit(int line,
                     std::optional<hedging::HedgeInstrumentType> instrument,
                     long long contracts);
    void resetEdits();
    void askSaveProposal();
    void askSavePolicy(const hedging::HedgePolicy& draft);
    void reloadProposals();
    hedging::HedgePolicy selectedPolicy() const;

    HedgeRunner* m_runner = nullptr;
    ReferenceBanner* m_banner = nullptr;
    QComboBox* m_policyBox = nullptr;
    QComboBox* m_mode = nullptr;
    QSpinBox* m_paths = nullptr;
    QPushButton* m_recalculate = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_resetEdits = nullptr;
    QPushButton* m_saveProposal = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_summary = nullptr;
    QTabWidget* m_tabs = nullptr;
    QWidget* m_recommendationTab = nullptr;
    QWidget* m_ratioTab = nullptr;
    QWidget* m_proposalTab = nullptr;
    HedgeRecommendationModel* m_recommendation = nullptr;
    HedgeRatioModel* m_ratios = nullptr;
    HedgeMonthRiskModel* m_monthRisk = nullptr;
    HedgeProposalModel* m_proposals = nullptr;
    HedgeIssueModel* m_issues = nullptr;
    QTableView* m_recommendationView = nullptr;
    HedgeFrontierChart* m_frontier = nullptr;
    HedgePolicyPanel* m_policyPanel = nullptr;

    std::vector<hedging::HedgePolicy> m_policies; //!< current versions; a template when none
    bool m_policyStored = false;
    std::vector<Issue> m_loadIssues; //!< from reading the workspace (positions left out, ...)
    std::map<std::size_t, hedging::LineEdit> m_edits;
    bool m_stale = true;
};

} // namespace ch::ui
