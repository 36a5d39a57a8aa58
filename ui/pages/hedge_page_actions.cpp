// HedgePage: what its buttons and the runner's results do (hedge_page.cpp builds the widgets).

#include "domain/error.h"
#include "hedging/proposal.h"
#include "storage/hedge_repository.h"
#include "storage/market_data_repository.h"
#include "storage/risk_repository.h"
#include "ui/charts/hedge_frontier_series.h"
#include "ui/conversions.h"
#include "ui/format.h"
#include "ui/guard.h"
#include "ui/models/hedge_proposal_model.h"
#include "ui/models/hedge_recommendation_model.h"
#include "ui/models/hedge_result_models.h"
#include "ui/pages/hedge_dialogs.h"
#include "ui/pages/hedge_frontier_chart.h"
#include "ui/pages/hedge_page.h"
#include "ui/pages/hedge_policy_panel.h"
#include "ui/pages/hedge_runner.h"
#include "ui/widgets/reference_banner.h"
#include "ui/workspace_session.h"

#include <QComboBox>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>

#include <chrono>

namespace ch::ui {

namespace {

Timestamp nowUtc()
{
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

QString issueList(const std::vector<Issue>& issues)
{
    QStringList lines;
    for (const Issue& i : issues)
        lines << toQString(i.toString());
    return lines.join(QLatin1Char('\n'));
}

bool hasErrors(const std::vector<Issue>& issues)
{
    return std::any_of(
        issues.begin(), issues.end(), [](const Issue& i) { return i.severity == Severity::Error; });
}

} // namespace

void HedgePage::onWorkspaceChanged()
{
    m_runner->reset();
    m_edits.clear();
    m_recommendation->clear();
    m_ratios->setExposures({});
    m_monthRisk->setMonths({});
    m_issues->setIssues({});
    m_frontier->showMessage(tr("Open a workspace with a plan to see the hedge frontier."));
    m_summary->setText(session().isOpen() ? QString() : tr("No workspace is open."));
    reloadProposals();
    reloadPolicies(); // selects a policy, which marks the result stale
}

void HedgePage::reloadPolicies(const std::string& selectId)
{
    m_policies.clear();
    m_policyStored = false;
    if (session().isOpen())
        guard(this, tr("Read hedge policies"), [&] {
            m_policies = storage::HedgeRepository(session().workspace()).currentPolicies();
        });
    m_policyStored = !m_policies.empty();
    if (m_policies.empty())
        m_policies.push_back(hedging::defaultPolicy(defaultAuthor().toStdString(), nowUtc()));
    const QSignalBlocker block(m_policyBox);
    m_policyBox->clear();
    int select = 0;
    for (std::size_t i = 0; i < m_policies.size(); ++i) {
        const hedging::HedgePolicy& p = m_policies[i];
        m_policyBox->addItem(m_policyStored
                                 ? tr("%1 (v%2)").arg(toQString(p.name)).arg(p.version)
                                 : tr("%1 (template, not saved)").arg(toQString(p.name)));
        if (!selectId.empty() && p.id == selectId)
            select = static_cast<int>(i);
    }
    m_policyBox->setCurrentIndex(select);
    selectPolicy(select);
}

void HedgePage::selectPolicy(int index)
{
    if (index < 0 || index >= static_cast<int>(m_policies.size()))
        return;
    const hedging::HedgePolicy& p = m_policies[static_cast<std::size_t>(index)];
    std::vector<hedging::HedgePolicy> versions;
    std::vector<ContractSpec> contracts = session().marketData().contracts;
    if (m_policyStored)
        guard(this, tr("Read hedge policy versions"), [&] {
            versions = storage::HedgeRepository(session().workspace()).policyHistory(p.id);
        });
    m_policyPanel->setPolicy(p, std::move(versions), std::move(contracts));
    markStale();
}

hedging::HedgePolicy HedgePage::selectedPolicy() const
{
    const int i = m_policyBox->currentIndex();
    return m_policies.at(static_cast<std::size_t>(std::max(0, i)));
}

void HedgePage::recalculate()
{
    if (!session().isOpen() || !session().hasMarketData()) {
        m_summary->setText(tr("No market data: open a workspace with a dataset."));
        return;
    }
    HedgeRequest request;
    std::vector<Issue> issues;
    const bool read = guard(this, tr("Read the plan and positions"), [&] {
        request.sources = storage::loadRiskSources(
            session().workspace(), session().marketData(), session().snapshot(), issues);
        request.positions = storage::loadExistingPositions(session().workspace());
    });
    if (!read)
        return;
    request.policy = selectedPolicy();
    request.options.mode = static_cast<hedging::RecommendationMode>(m_mode->currentData().toInt());
    request.mc.paths = static_cast<std::size_t>(m_paths->value());
    m_loadIssues = std::move(issues);
    m_edits.clear();
    m_stale = false;
    m_recommendation->setEditable(false);
    m_runner->start(std::move(request));
}

void HedgePage::showResult()
{
    const std::optional<HedgeResult>& r = m_runner->result();
    if (!r)
        return;
    const MarketDataSet& market = session().marketData();
    m_banner->setDatasetDetails(
        tr("Dataset %1, valuation date %2.")
            .arg(toQString(market.info.version), format::date(market.info.valuationDate)));
    std::vector<Issue> issues = m_loadIssues;
    if (r->built)
        issues.insert(issues.end(), r->built->issues.begin(), r->built->issues.end());
    if (!r->hasRecommendation()) {
        m_recommendation->clear();
        m_ratios->setExposures(r->built ? r->built->exposures
                                        : std::vector<hedging::ExposureChoice>{});
        m_monthRisk->setMonths({});
        m_issues->setIssues(issues);
        m_frontier->showMessage(tr("No recommendation: see the issues."));
        m_summary->setText(tr("<b>No recommendation.</b> The inputs have errors; they are listed "
                              "under Issues (the plan, market data or policy must be fixed)."));
        return;
    }
    const hedging::HedgeRecommendation& rec = r->current;
    issues.insert(issues.end(), rec.issues.begin(), rec.issues.end());
    std::vector<std::vector<hedging::HedgeInstrumentType>> allowed;
    for (const hedging::RecommendationLine& l : rec.lines) {
        const hedging::ResourceRule* rule = hedging::ruleFor(r->built->inputs.policy, l.resource);
        allowed.push_back(rule ? rule->instruments : std::vector<hedging::HedgeInstrumentType>{});
    }
    m_recommendation->setRecommendation(rec, std::move(allowed));
    m_ratios->setExposures(r->built->exposures);
    m_monthRisk->setMonths(r->risk ? r->risk->months : std::vector<hedging::MonthRisk>{});
    m_issues->setIssues(issues);
    m_frontier->setChart(buildFrontierChart(rec.frontier, rec.valuationDate));

    const hedging::RecommendationSummary& s = rec.summary;
    std::size_t breaches = 0;
    for (const Issue& i : rec.issues)
        breaches += i.source == "positions" ? 1 : 0;
    QString text =
        tr("Policy <b>%1</b> v%2, %3, valuation %4%5. Exposure <b>%6</b>; hedge <b>%7</b> of it "
           "with %8 contracts (trade %9), premium %10, fees %11, initial margin %12.")
            .arg(toQString(r->built->inputs.policy.name).toHtmlEscaped())
            .arg(rec.policyVersion)
            .arg(rec.mode == hedging::RecommendationMode::PolicyTarget
                     ? tr("policy target")
                     : tr("minimum variance within the bands"),
                 format::date(rec.valuationDate),
                 m_edits.empty() ? QString() : tr(", <b>%1 edited lines</b>").arg(m_edits.size()),
                 format::currencyCompact(s.exposureUsd),
                 format::percent(s.hedgedRatio),
                 format::integer(s.contracts),
                 format::integer(s.tradeContracts),
                 format::currencyCompact(s.costs.premiumUsd),
                 format::currencyCompact(s.costs.feesUsd),
                 format::currencyCompact(s.costs.initialMarginUsd));
    if (r->risk) {
        const hedging::HedgeRiskReport& k = *r->risk;
        text += QStringLiteral("<br>")
                + tr("Cost-at-Risk 95% over the plan (Monte Carlo, %1 paths, seed %2): unhedged "
                     "<b>%3</b>, current book <b>%4</b>, with this hedge <b>%5</b> (%6).")
                      .arg(format::integer(static_cast<std::int64_t>(k.paths)))
                      .arg(k.seed)
                      .arg(format::currencyCompact(k.unhedged.car95.value),
                           format::currencyCompact(k.current.car95.value),
                           format::currencyCompact(k.proposed.car95.value),
                           format::currencyCompact(k.proposed.car95.value - k.current.car95.value));
    }
    if (breaches > 0)
        text += QStringLiteral("<br><span style='color:#b00020'>")
                + tr("%n existing position(s) outside the policy bands: see Held and the issues.",
                     nullptr,
                     static_cast<int>(breaches))
                + QStringLiteral("</span>");
    m_summary->setText(text);
}

void HedgePage::updateButtons()
{
    const bool running = m_runner->isRunning();
    const bool has = m_runner->result() && m_runner->result()->hasRecommendation();
    m_recalculate->setEnabled(!running && session().isOpen());
    m_resetEdits->setEnabled(!running && !m_edits.empty());
    m_saveProposal->setEnabled(!running && has && !m_stale);
    m_saveProposal->setToolTip(m_stale && has ? tr("The inputs changed: recalculate first")
                                              : QString());
    m_recommendation->setEditable(!running && has && !m_stale);
}

void HedgePage::requestEdit(int line,
                            std::optional<hedging::HedgeInstrumentType> instrument,
                            long long contracts)
{
    const auto l = static_cast<std::size_t>(line);
    hedging::LineEdit e = m_edits.count(l) ? m_edits[l] : hedging::LineEdit{l, std::nullopt, 0};
    if (instrument)
        e.instrument = instrument;
    e.contracts = contracts;
    m_edits[l] = e;
    std::vector<hedging::LineEdit> edits;
    for (const auto& [key, value] : m_edits)
        edits.push_back(value);
    guard(this, tr("Edit the hedge"), [&] { m_runner->edit(std::move(edits)); });
}

void HedgePage::resetEdits()
{
    m_edits.clear();
    guard(this, tr("Reset the edits"), [&] { m_runner->edit({}); });
}

void HedgePage::reloadProposals()
{
    std::vector<storage::StoredProposal> proposals;
    if (session().isOpen())
        guard(this, tr("Read hedge proposals"), [&] {
            proposals = storage::HedgeRepository(session().workspace()).loadProposals();
        });
    m_proposals->setProposals(std::move(proposals));
}

std::vector<Issue>
HedgePage::saveProposal(const QString& author, const QString& rationale, bool submit)
{
    const std::optional<HedgeResult>& r = m_runner->result();
    require(r && r->hasRecommendation(), "saveProposal: there is no recommendation to save");
    std::vector<Issue> issues;
    guard(this, tr("Save hedge proposal"), [&] {
        storage::HedgeRepository repo(session().workspace());
        const hedging::HedgeProposal p = hedging::makeProposal(r->current,
                                                               repo.nextProposalId(),
                                                               author.toStdString(),
                                                               nowUtc(),
                                                               rationale.toStdString());
        issues = repo.saveProposal(
            p, submit ? storage::ProposalStatus::Submitted : storage::ProposalStatus::Draft);
    });
    reloadProposals();
    return issues;
}

void HedgePage::askSaveProposal()
{
    const std::optional<HedgeResult>& r = m_runner->result();
    if (!r || !r->hasRecommendation())
        return;
    if (!m_policyStored) {
        QMessageBox::information(this,
                                 tr("Save proposal"),
                                 tr("The policy is the default template and is not saved in this "
                                    "workspace. Save it on the Policy tab first: a proposal "
                                    "records the policy version it was made under."));
        return;
    }
    const hedging::RecommendationSummary& s = r->current.summary;
    QString summary = tr("%1 lines, %2 contracts held after %3 traded; premium %4, fees %5, "
                         "initial margin %6; hedged %7 of the exposure.")
                          .arg(r->current.lines.size())
                          .arg(format::integer(s.contracts),
                               format::integer(s.tradeContracts),
                               format::currencyCompact(s.costs.premiumUsd),
                               format::currencyCompact(s.costs.feesUsd),
                               format::currencyCompact(s.costs.initialMarginUsd),
                               format::percent(s.hedgedRatio));
    if (r->risk)
        summary += QStringLiteral("<br>")
                   + tr("CaR95 (Monte Carlo): current book %1, with this hedge %2.")
                         .arg(format::currencyCompact(r->risk->current.car95.value),
                              format::currencyCompact(r->risk->proposed.car95.value));
    QString id;
    guard(this, tr("Save proposal"), [&] {
        id = toQString(storage::HedgeRepository(session().workspace()).nextProposalId());
    });
    SaveProposalDialog dialog(id, summary, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const std::vector<Issue> issues =
        saveProposal(dialog.author(), dialog.rationale(), dialog.submitNow());
    if (hasErrors(issues))
        QMessageBox::warning(this,
                             tr("Save proposal"),
                             tr("The proposal was not saved:\n%1").arg(issueList(issues)));
    else
        m_tabs->setCurrentWidget(m_proposalTab);
}

std::vector<Issue> HedgePage::savePolicy(const hedging::HedgePolicy& draft, const QString& author)
{
    Parsed<hedging::HedgePolicy> saved;
    guard(this, tr("Save hedge policy"), [&] {
        saved = storage::HedgeRepository(session().workspace())
                    .savePolicyVersion(draft, author.toStdString(), nowUtc());
    });
    if (!saved.hasErrors())
        reloadPolicies(saved.value.id);
    return saved.issues;
}

void HedgePage::askSavePolicy(const hedging::HedgePolicy& draft)
{
    if (!session().isOpen())
        return;
    SavePolicyDialog dialog(toQString(draft.name), m_policyStored ? draft.version + 1 : 1, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const std::vector<Issue> issues = savePolicy(draft, dialog.author());
    if (hasErrors(issues))
        QMessageBox::warning(
            this, tr("Save hedge policy"), tr("Nothing was saved:\n%1").arg(issueList(issues)));
}

} // namespace ch::ui
