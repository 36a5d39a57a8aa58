#include "ui/pages/designation_dialog.h"

#include "storage/designation_repository.h"
#include "ui/desk_session.h"
#include "ui/guard.h"
#include "ui/workspace_session.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <chrono>

namespace ch::ui {

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

std::string ss(const QString& s)
{
    return s.toStdString();
}

QString groupKey(const storage::ProposalHedgeGroup& g)
{
    return qs(g.exposureIndexId + " / " + g.symbol);
}

QString executionText(const storage::DesignationDraft& d)
{
    const auto& e = d.execution;
    return QCoreApplication::translate("DesignationDialog",
                                       "Lines %1 of the proposal; %2 order(s) drafted from them, "
                                       "%3 fill(s), %4 of %5 contracts traded filled.")
        .arg(QString::number(d.group.lineNumbers.size()))
        .arg(e.orders)
        .arg(e.fills)
        .arg(e.filledContracts)
        .arg(e.tradedContracts);
}

} // namespace

DesignationDialog::DesignationDialog(WorkspaceSession& session, DeskSession& desk, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_desk(desk)
{
    setObjectName(QStringLiteral("designationDialog"));
    setWindowTitle(tr("Designate hedge"));
    m_designationDate = Date{std::chrono::floor<std::chrono::days>(deskNow())};
    if (const auto& user = m_desk.user())
        m_preparedBy = user->displayName;

    auto named = [](auto* widget, const char* name) {
        widget->setObjectName(QString::fromLatin1(name));
        return widget;
    };
    m_proposal = named(new QComboBox(this), "proposal");
    m_group = named(new QComboBox(this), "group");
    m_reference = named(new QLineEdit(this), "reference");
    m_hedgedItem = named(new QLineEdit(this), "hedged_item");
    m_instrument = named(new QLineEdit(this), "hedging_instrument");
    m_risk = named(new QLineEdit(this), "risk_hedged");
    m_ratio = named(new QDoubleSpinBox(this), "hedge_ratio");
    m_ratio->setRange(0.0, 100.0);
    m_ratio->setDecimals(4);
    m_ratio->setSingleStep(0.01);
    m_method = named(new QComboBox(this), "method");
    for (auto m : {trading::EffectivenessMethod::DollarOffsetAndRegression,
                   trading::EffectivenessMethod::DollarOffset,
                   trading::EffectivenessMethod::Regression}) {
        const QString code = QString::fromLatin1(trading::effectivenessMethodCode(m));
        m_method->addItem(QString(code).replace(QLatin1Char('_'), QLatin1Char(' ')),
                          static_cast<int>(m));
    }
    m_frequency = named(new QComboBox(this), "assessment_frequency");
    m_frequency->setEditable(true);
    m_frequency->addItems({QStringLiteral("quarterly"), QStringLiteral("monthly")});
    m_hedgedIndex = named(new QComboBox(this), "hedged_index");
    m_units = named(new QDoubleSpinBox(this), "hedged_units_per_month");
    m_units->setRange(0.0, 1e12);
    m_units->setDecimals(4);
    m_units->setGroupSeparatorShown(true);
    m_contract = named(new QComboBox(this), "instrument_symbol");
    m_contracts = named(new QSpinBox(this), "contracts_per_month");
    m_contracts->setRange(0, 1'000'000);
    m_messages = named(new QLabel(this), "messages");
    m_messages->setWordWrap(true);
    m_messages->setTextFormat(Qt::PlainText);

    const auto market = m_desk.market();
    if (market) {
        for (const auto& i : market->data().indices)
            m_hedgedIndex->addItem(qs(i.id + " (" + i.name + ")"), qs(i.id));
        for (const auto& c : market->data().contracts)
            m_contract->addItem(qs(c.symbol + " (" + std::to_string(c.unitsPerContract) + " "
                                   + unitSymbol(c.unit) + ")"),
                                qs(c.symbol));
    }
    guard(this, tr("Read the hedge proposals"), [this] {
        for (auto& p : storage::HedgeRepository(m_session.workspace()).loadProposals())
            if (p.status == storage::ProposalStatus::Submitted)
                m_proposals.push_back(std::move(p));
    });
    for (const auto& p : m_proposals)
        m_proposal->addItem(
            tr("%1, submitted by %2: %3")
                .arg(qs(p.proposal.id), qs(p.submittedBy), qs(p.proposal.rationale)),
            qs(p.proposal.id));

    auto* form = new QFormLayout;
    form->addRow(tr("Hedge proposal"), m_proposal);
    form->addRow(tr("Index / contract"), m_group);
    form->addRow(tr("Reference"), m_reference);
    form->addRow(tr("Hedged item"), m_hedgedItem);
    form->addRow(tr("Hedging instrument"), m_instrument);
    form->addRow(tr("Risk hedged"), m_risk);
    form->addRow(tr("Hedge ratio"), m_ratio);
    form->addRow(tr("Effectiveness method"), m_method);
    form->addRow(tr("Assessment frequency"), m_frequency);
    form->addRow(tr("Hedged index"), m_hedgedIndex);
    form->addRow(tr("Hedged volume per month"), m_units);
    form->addRow(tr("Contract"), m_contract);
    form->addRow(tr("Contracts per month"), m_contracts);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_messages);
    layout->addWidget(buttons);
    setMinimumWidth(640);

    connect(m_proposal, &QComboBox::currentIndexChanged, this, [this] { proposalChanged(); });
    connect(m_group, &QComboBox::currentIndexChanged, this, [this] { groupChanged(); });
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (!market)
        m_draftText = tr("Market data is loading; try again when the desk shows prices.");
    else if (m_proposals.empty())
        m_draftText = tr("No submitted hedge proposal in this workspace: save a proposal on the "
                         "Hedge page and submit it to the desk first.");
    m_save->setEnabled(market && !m_proposals.empty());
    proposalChanged();
}

QStringList DesignationDialog::proposalIds() const
{
    QStringList out;
    for (const auto& p : m_proposals)
        out << qs(p.proposal.id);
    return out;
}

bool DesignationDialog::selectProposal(const QString& id)
{
    const int i = m_proposal->findData(id);
    if (i < 0)
        return false;
    m_proposal->setCurrentIndex(i);
    return true;
}

QStringList DesignationDialog::groupKeys() const
{
    QStringList out;
    for (const auto& g : m_groups)
        out << groupKey(g);
    return out;
}

bool DesignationDialog::selectGroup(const QString& exposureIndexId, const QString& symbol)
{
    for (std::size_t i = 0; i < m_groups.size(); ++i)
        if (qs(m_groups[i].exposureIndexId) == exposureIndexId
            && qs(m_groups[i].symbol) == symbol) {
            m_group->setCurrentIndex(static_cast<int>(i));
            return true;
        }
    return false;
}

void DesignationDialog::proposalChanged()
{
    const int i = m_proposal->currentIndex();
    m_groups.clear();
    if (i >= 0)
        m_groups = storage::proposalHedgeGroups(m_proposals[static_cast<std::size_t>(i)].proposal);
    {
        const QSignalBlocker block(m_group);
        m_group->clear();
        for (const auto& g : m_groups)
            m_group->addItem(
                tr("%1, %2 (%n month(s))", nullptr, static_cast<int>(g.lineNumbers.size()))
                    .arg(groupKey(g),
                         qs(formatIsoMonth(g.firstMonth) + ".." + formatIsoMonth(g.lastMonth))));
    }
    if (i >= 0 && m_groups.empty())
        m_draftText = tr("Proposal %1 holds no futures: the effectiveness tests value futures "
                         "holdings only.")
                          .arg(m_proposal->currentData().toString());
    groupChanged();
}

void DesignationDialog::groupChanged()
{
    const int p = m_proposal->currentIndex();
    const int g = m_group->currentIndex();
    m_issues.clear();
    if (p < 0 || g < 0) {
        showMessages();
        return;
    }
    const auto& group = m_groups[static_cast<std::size_t>(g)];
    guard(this, tr("Draft the designation"), [&] {
        showDraft(storage::draftDesignation(m_session.workspace(),
                                            m_proposals[static_cast<std::size_t>(p)],
                                            group.exposureIndexId,
                                            group.symbol,
                                            m_preparedBy,
                                            m_designationDate));
    });
}

void DesignationDialog::showDraft(const storage::DesignationDraft& draft)
{
    const auto& h = draft.hedge;
    const auto& d = h.designation;
    m_reference->setText(qs(d.reference));
    m_hedgedItem->setText(qs(d.hedgedItem));
    m_instrument->setText(qs(d.hedgingInstrument));
    m_risk->setText(qs(d.riskHedged));
    m_ratio->setValue(d.hedgeRatio);
    m_method->setCurrentIndex(m_method->findData(static_cast<int>(d.method)));
    m_frequency->setCurrentText(qs(d.assessmentFrequency));
    m_hedgedIndex->setCurrentIndex(m_hedgedIndex->findData(qs(h.hedgedIndex)));
    m_units->setValue(h.hedgedUnitsPerMonth);
    m_contract->setCurrentIndex(m_contract->findData(qs(h.instrumentSymbol)));
    m_contracts->setValue(static_cast<int>(h.contractsPerMonth));
    QStringList lines{executionText(draft)};
    for (const auto& w : draft.warnings)
        lines << tr("Warning: %1").arg(qs(w));
    m_draftText = lines.join(QLatin1Char('\n'));
    showMessages();
}

storage::DesignatedHedge DesignationDialog::designation() const
{
    storage::DesignatedHedge h;
    auto& d = h.designation;
    d.reference = ss(m_reference->text().trimmed());
    d.designationDate = m_designationDate;
    d.hedgedItem = ss(m_hedgedItem->text());
    d.hedgingInstrument = ss(m_instrument->text());
    d.riskHedged = ss(m_risk->text());
    d.hedgeRatio = m_ratio->value();
    d.method = static_cast<trading::EffectivenessMethod>(m_method->currentData().toInt());
    d.assessmentFrequency = ss(m_frequency->currentText().trimmed());
    d.preparedBy = m_preparedBy;
    h.hedgedIndex = ss(m_hedgedIndex->currentData().toString());
    h.instrumentSymbol = ss(m_contract->currentData().toString());
    h.hedgedUnitsPerMonth = m_units->value();
    h.contractsPerMonth = m_contracts->value();
    return h;
}

QString DesignationDialog::messages() const
{
    return m_messages->text();
}

void DesignationDialog::showMessages()
{
    QStringList lines;
    if (!m_draftText.isEmpty())
        lines << m_draftText;
    for (const Issue& i : m_issues)
        lines << qs(i.toString());
    m_messages->setText(lines.join(QLatin1Char('\n')));
}

bool DesignationDialog::save()
{
    const auto market = m_desk.market();
    if (!market)
        return false;
    const storage::DesignatedHedge hedge = designation();
    bool saved = false;
    guard(this, tr("Designate the hedge"), [&] {
        storage::DesignationRepository repo(m_session.workspace());
        m_issues = storage::validateDesignation(hedge, repo.designations(), market->data());
        showMessages();
        const auto error = std::find_if(m_issues.begin(), m_issues.end(), [](const Issue& i) {
            return i.severity == Severity::Error;
        });
        if (error != m_issues.end()) {
            if (auto* field = findChild<QWidget*>(qs(error->field)))
                field->setFocus();
            return;
        }
        const auto& user = m_desk.requireUser("designate a hedge");
        repo.add(hedge, user, deskNow());
        saved = true;
    });
    if (!saved)
        return false;
    // The audit log changed: the Effectiveness and Audit pages re-read the workspace.
    emit m_desk.bookChanged();
    emit designated(qs(hedge.designation.reference));
    accept();
    return true;
}

} // namespace ch::ui
