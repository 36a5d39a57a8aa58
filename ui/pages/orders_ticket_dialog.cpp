#include "ui/pages/orders_ticket_dialog.h"

#include "storage/desk_market.h"
#include "ui/desk_session.h"
#include "ui/format.h"
#include "ui/guard.h"
#include "ui/workspace_session.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace ch::ui {

using namespace trading;

namespace {

int decimalsForTick(std::int64_t tickMicros)
{
    int decimals = 6;
    while (decimals > 2 && tickMicros % 10 == 0) {
        tickMicros /= 10;
        --decimals;
    }
    return decimals;
}

QString findingText(const PreTradeFinding& f)
{
    return QStringLiteral("%1 · %2: %3")
        .arg(f.severity == Severity::Error ? QObject::tr("error") : QObject::tr("warning"),
             QString::fromLatin1(preTradeCheckCode(f.check)),
             QString::fromStdString(f.message));
}

} // namespace

OrderTicketDialog::OrderTicketDialog(DeskSession& desk, QWidget* parent)
    : QDialog(parent)
    , m_desk(desk)
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("orderTicket"));
    setWindowTitle(tr("New order"));
    m_tabs->addTab(buildManualTab(), tr("By hand"));
    m_tabs->addTab(buildProposalTab(), tr("From a hedge proposal"));
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(close);
    resize(760, 620);
    contractChanged();
}

QWidget* OrderTicketDialog::buildManualTab()
{
    auto* page = new QWidget(this);
    m_contract = new QComboBox(page);
    m_month = new QComboBox(page);
    m_side = new QComboBox(page);
    m_quantity = new QSpinBox(page);
    m_type = new QComboBox(page);
    m_limit = new QDoubleSpinBox(page);
    m_tif = new QComboBox(page);
    m_goodTill = new QDateEdit(page);
    m_comment = new QLineEdit(page);
    m_reference = new QLabel(page);
    m_notional = new QLabel(page);
    m_findingList = new QListWidget(page);
    m_submit = new QPushButton(tr("Submit for approval"), page);
    m_saveDraft = new QPushButton(tr("Save draft"), page);
    m_contract->setObjectName(QStringLiteral("ticketContract"));
    m_month->setObjectName(QStringLiteral("ticketMonth"));
    m_quantity->setObjectName(QStringLiteral("ticketQuantity"));
    m_findingList->setObjectName(QStringLiteral("ticketFindings"));
    m_submit->setObjectName(QStringLiteral("ticketSubmit"));

    if (const auto market = m_desk.market())
        for (const auto& c : market->data().contracts)
            m_contract->addItem(QStringLiteral("%1 — %2").arg(QString::fromStdString(c.symbol),
                                                              QString::fromStdString(c.name)),
                                QString::fromStdString(c.symbol));
    m_side->addItem(tr("buy (long: hedges rising prices)"), QStringLiteral("buy"));
    m_side->addItem(tr("sell"), QStringLiteral("sell"));
    m_quantity->setRange(1, 1'000'000);
    m_quantity->setValue(1);
    m_quantity->setSuffix(tr(" contracts"));
    m_type->addItem(tr("market"), QStringLiteral("market"));
    m_type->addItem(tr("limit"), QStringLiteral("limit"));
    m_limit->setRange(0, 1'000'000);
    m_tif->addItem(tr("day"), QStringLiteral("day"));
    m_tif->addItem(tr("good till cancelled"), QStringLiteral("gtc"));
    m_tif->addItem(tr("good till date"), QStringLiteral("gtd"));
    m_goodTill->setCalendarPopup(true);
    m_goodTill->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_goodTill->setDate(QDate::currentDate().addDays(7));
    m_comment->setPlaceholderText(tr("Why: the exposure this hedges"));
    m_reference->setWordWrap(true);
    m_findingList->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Contract"), m_contract);
    form->addRow(tr("Delivery month"), m_month);
    form->addRow(tr("Side"), m_side);
    form->addRow(tr("Quantity"), m_quantity);
    form->addRow(tr("Type"), m_type);
    form->addRow(tr("Limit (USD per unit)"), m_limit);
    form->addRow(tr("Time in force"), m_tif);
    form->addRow(tr("Good till"), m_goodTill);
    form->addRow(tr("Comment"), m_comment);
    form->addRow(tr("Reference price"), m_reference);
    form->addRow(tr("Notional"), m_notional);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_saveDraft);
    buttons->addWidget(m_submit);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Pre-trade checks (nothing is saved until you submit or "
                                    "save a draft):"),
                                 page));
    layout->addWidget(m_findingList, 1);
    layout->addLayout(buttons);

    connect(m_contract, &QComboBox::currentIndexChanged, this, &OrderTicketDialog::contractChanged);
    for (QComboBox* box : {m_month, m_side, m_type, m_tif})
        connect(box, &QComboBox::currentIndexChanged, this, &OrderTicketDialog::updateChecks);
    connect(m_quantity, &QSpinBox::valueChanged, this, &OrderTicketDialog::updateChecks);
    connect(m_limit, &QDoubleSpinBox::valueChanged, this, &OrderTicketDialog::updateChecks);
    connect(m_goodTill, &QDateEdit::dateChanged, this, &OrderTicketDialog::updateChecks);
    connect(m_submit, &QPushButton::clicked, this, &OrderTicketDialog::submitTicket);
    connect(m_saveDraft, &QPushButton::clicked, this, &OrderTicketDialog::saveDraft);
    return page;
}

QWidget* OrderTicketDialog::buildProposalTab()
{
    auto* page = new QWidget(this);
    m_proposal = new QComboBox(page);
    m_proposalLines = new QTableWidget(page);
    m_proposalNote = new QLabel(page);
    m_fromProposal = new QPushButton(tr("Create draft orders"), page);
    m_proposalNote->setWordWrap(true);
    m_proposalLines->setColumnCount(5);
    m_proposalLines->setHorizontalHeaderLabels(
        {tr("Contract"), tr("Month"), tr("Instrument"), tr("Trade (contracts)"), tr("Order")});
    m_proposalLines->horizontalHeader()->setStretchLastSection(true);
    m_proposalLines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    guard(this, tr("Read hedge proposals"), [this] {
        for (auto& p :
             storage::HedgeRepository(m_desk.workspaceSession().workspace()).loadProposals())
            if (p.status == storage::ProposalStatus::Submitted)
                m_proposals.push_back(std::move(p));
    });
    for (const auto& p : m_proposals)
        m_proposal->addItem(QStringLiteral("%1 — %2 (%3)")
                                .arg(QString::fromStdString(p.proposal.id),
                                     QString::fromStdString(p.proposal.rationale),
                                     QString::fromStdString(p.submittedBy)));
    auto* layout = new QVBoxLayout(page);
    auto* form = new QFormLayout;
    form->addRow(tr("Submitted proposal"), m_proposal);
    layout->addLayout(form);
    layout->addWidget(m_proposalLines, 1);
    layout->addWidget(m_proposalNote);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_fromProposal);
    layout->addLayout(buttons);
    connect(m_proposal, &QComboBox::currentIndexChanged, this, &OrderTicketDialog::showProposal);
    connect(m_fromProposal, &QPushButton::clicked, this, &OrderTicketDialog::createFromProposal);
    showProposal();
    return page;
}

void OrderTicketDialog::showProposal()
{
    m_proposalLines->setRowCount(0);
    const int i = m_proposal->currentIndex();
    if (i < 0 || i >= static_cast<int>(m_proposals.size())) {
        m_proposalNote->setText(tr("No submitted hedge proposal. Build and submit one on the "
                                   "Hedge page; its futures trades become draft orders here."));
        m_fromProposal->setEnabled(false);
        return;
    }
    int orders = 0;
    for (const auto& line : m_proposals[static_cast<std::size_t>(i)].proposal.lines) {
        const int row = m_proposalLines->rowCount();
        m_proposalLines->insertRow(row);
        const bool future = line.instrument == hedging::HedgeInstrumentType::Future;
        const QString order =
            line.tradeContracts == 0
                ? tr("no trade")
                : (future ? tr("%1 %2 market")
                                .arg(line.tradeContracts > 0 ? tr("buy") : tr("sell"))
                                .arg(std::llabs(line.tradeContracts))
                          : tr("skipped: options are not traded here"));
        orders += future && line.tradeContracts != 0 ? 1 : 0;
        const QStringList cells{QString::fromStdString(line.symbol),
                                format::month(line.month),
                                QString::fromLatin1(hedging::instrumentTypeLabel(line.instrument)),
                                format::integer(line.tradeContracts),
                                order};
        for (int c = 0; c < cells.size(); ++c)
            m_proposalLines->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    m_proposalNote->setText(tr("%n draft order(s) will be created; each is then submitted from the "
                               "blotter, where the pre-trade checks run.",
                               nullptr,
                               orders));
    m_fromProposal->setEnabled(orders > 0);
}

void OrderTicketDialog::contractChanged()
{
    m_month->blockSignals(true);
    m_month->clear();
    const auto market = m_desk.market();
    const QString symbol = m_contract->currentData().toString();
    if (market && !symbol.isEmpty()) {
        const ContractSpec& spec = market->spec(symbol.toStdString());
        const Date v = market->valuationDate();
        const Month first{v.year(), v.month()};
        for (int k = 0; k <= spec.monthsListed; ++k) {
            const Month m = first + std::chrono::months{k};
            if (market->referencePriceMicros(spec.symbol, m))
                m_month->addItem(format::month(m), QString::fromStdString(formatIsoMonth(m)));
        }
        const int decimals = decimalsForTick(spec.tickMicros);
        m_limit->setDecimals(decimals);
        m_limit->setSingleStep(static_cast<double>(spec.tickMicros) / 1e6);
        m_month->setCurrentIndex(m_month->count() > 2 ? 2 : 0);
    }
    m_month->blockSignals(false);
    updateChecks();
}

OrderRequest OrderTicketDialog::request() const
{
    OrderRequest r;
    r.symbol = m_contract->currentData().toString().toStdString();
    if (auto m = parseIsoMonth(m_month->currentData().toString().toStdString()))
        r.deliveryMonth = *m;
    r.side = m_side->currentData().toString() == QLatin1String("buy") ? Side::Buy : Side::Sell;
    r.quantity = m_quantity->value();
    r.type = m_type->currentData().toString() == QLatin1String("limit") ? OrderType::Limit
                                                                        : OrderType::Market;
    if (r.type == OrderType::Limit)
        r.limitPriceMicros = std::llround(m_limit->value() * 1e6);
    r.timeInForce = *parseTimeInForceCode(m_tif->currentData().toString().toStdString());
    if (r.timeInForce == TimeInForce::GoodTillDate) {
        const QDate d = m_goodTill->date();
        r.goodTillDate = Date{std::chrono::year{d.year()},
                              std::chrono::month{static_cast<unsigned>(d.month())},
                              std::chrono::day{static_cast<unsigned>(d.day())}};
    }
    r.comment = m_comment->text().toStdString();
    return r;
}

void OrderTicketDialog::setRequest(const OrderRequest& r)
{
    m_contract->setCurrentIndex(m_contract->findData(QString::fromStdString(r.symbol)));
    m_month->setCurrentIndex(
        m_month->findData(QString::fromStdString(formatIsoMonth(r.deliveryMonth))));
    m_side->setCurrentIndex(r.side == Side::Buy ? 0 : 1);
    m_quantity->setValue(static_cast<int>(r.quantity));
    m_type->setCurrentIndex(r.type == OrderType::Limit ? 1 : 0);
    if (r.limitPriceMicros)
        m_limit->setValue(static_cast<double>(*r.limitPriceMicros) / 1e6);
    m_tif->setCurrentIndex(m_tif->findData(QString::fromLatin1(timeInForceCode(r.timeInForce))));
    m_comment->setText(QString::fromStdString(r.comment));
    updateChecks();
}

std::optional<Order> OrderTicketDialog::provisionalOrder(QStringList& problems) const
{
    const auto market = m_desk.market();
    const auto& user = m_desk.user();
    if (!market || !user || m_contract->currentIndex() < 0 || m_month->currentIndex() < 0)
        return std::nullopt;
    const OrderRequest r = request();
    const ContractSpec& spec = market->spec(r.symbol);
    for (const Issue& issue : checkOrderRequest(r, spec))
        problems << tr("ticket · %1: %2")
                        .arg(QString::fromStdString(issue.field),
                             QString::fromStdString(issue.message));
    const auto reference = market->referencePriceMicros(r.symbol, r.deliveryMonth);
    if (!problems.empty() || !reference)
        return std::nullopt;
    // The id the draft would most likely get; nothing is written.
    std::int64_t next = 1;
    for (const Order& o : m_desk.repository().orders())
        next = std::max(next, o.id().value + 1);
    return Order::draft(OrderId{next}, r, spec, *reference, user->id, deskNow());
}

void OrderTicketDialog::updateChecks()
{
    m_type->currentData().toString() == QLatin1String("limit") ? m_limit->setEnabled(true)
                                                               : m_limit->setEnabled(false);
    m_goodTill->setEnabled(m_tif->currentData().toString() == QLatin1String("gtd"));
    m_findings.clear();
    m_formProblems.clear();
    m_findingList->clear();
    const auto market = m_desk.market();
    const OrderRequest r = request();
    if (market && !r.symbol.empty()) {
        const ContractSpec& spec = market->spec(r.symbol);
        if (const auto ref = market->referencePriceMicros(r.symbol, r.deliveryMonth)) {
            m_reference->setText(tr("%1 (%2; a reference dataset, not a live quote)")
                                     .arg(format::unitPriceMicros(*ref, spec.unit),
                                          QString::fromStdString(
                                              market->referenceSource(r.symbol, r.deliveryMonth))));
            if (m_limit->value() == 0.0)
                m_limit->setValue(static_cast<double>(*ref) / 1e6);
        }
    }
    guard(this, tr("Check the order"), [&] {
        const auto order = provisionalOrder(m_formProblems);
        if (order) {
            m_notional->setText(format::money(order->notional()));
            const PreTradeReport report = m_desk.preview(*order);
            m_findings.insert(m_findings.end(), report.findings.begin(), report.findings.end());
        } else {
            m_notional->clear();
        }
    });
    for (const QString& problem : m_formProblems) {
        auto* item = new QListWidgetItem(problem, m_findingList);
        item->setBackground(QColor(248, 200, 200));
        item->setForeground(QColor(Qt::black));
    }
    for (const auto& f : m_findings) {
        auto* item = new QListWidgetItem(findingText(f), m_findingList);
        item->setBackground(f.severity == Severity::Error ? QColor(248, 200, 200)
                                                          : QColor(255, 236, 179));
        item->setForeground(QColor(Qt::black));
    }
    if (m_findings.empty() && m_formProblems.empty())
        new QListWidgetItem(tr("All pre-trade checks pass."), m_findingList);
    const bool mayCreate = m_desk.user() && m_desk.user()->can(Permission::CreateOrder);
    m_submit->setEnabled(canSubmit());
    m_saveDraft->setEnabled(mayCreate);
    m_submit->setToolTip(mayCreate ? QString() : tr("Your role may not create orders"));
}

bool OrderTicketDialog::canSubmit() const
{
    if (!m_desk.user() || !m_desk.user()->can(Permission::CreateOrder) || !m_formProblems.empty())
        return false;
    for (const auto& f : m_findings)
        if (f.severity == Severity::Error)
            return false;
    return m_contract->currentIndex() >= 0 && m_month->currentIndex() >= 0;
}

void OrderTicketDialog::saveDraft()
{
    guard(this, tr("Save the order as a draft"), [this] {
        m_created.push_back(m_desk.createDraft(request(), "manual"));
        accept();
    });
}

void OrderTicketDialog::submitTicket()
{
    guard(this, tr("Submit the order for approval"), [this] {
        const Order draft = m_desk.createDraft(request(), "manual");
        m_created.push_back(draft);
        // The checks run again inside the submit transaction; a refusal leaves the draft.
        m_created.back() = m_desk.submit(draft.id());
        accept();
    });
}

void OrderTicketDialog::createFromProposal()
{
    const int i = m_proposal->currentIndex();
    if (i < 0 || i >= static_cast<int>(m_proposals.size()))
        return;
    guard(this, tr("Create orders from the proposal"), [&] {
        const auto drafts = m_desk.draftsFromProposal(m_proposals[static_cast<std::size_t>(i)]);
        m_created.insert(m_created.end(), drafts.begin(), drafts.end());
        accept();
    });
}

} // namespace ch::ui
