#include "ui/pages/hedge_policy_panel.h"

#include "domain/plan.h"
#include "ui/conversions.h"
#include "ui/format.h"
#include "ui/models/hedge_policy_models.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ch::ui {

namespace {

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent, bool editable)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setEditTriggers(editable ? QAbstractItemView::AllEditTriggers
                                   : QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QPushButton* smallButton(const QString& text, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setAutoDefault(false);
    return b;
}

} // namespace

HedgePolicyPanel::HedgePolicyPanel(QWidget* parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_buckets(new HedgeBucketModel(this))
    , m_rules(new HedgeRuleModel(this))
    , m_history(new HedgePolicyHistoryModel(this))
    , m_problems(new QLabel(this))
    , m_save(new QPushButton(tr("Save as new version…"), this))
    , m_revert(new QPushButton(tr("Discard changes"), this))
{
    setObjectName(QStringLiteral("hedgePolicyPanel"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_problems->setWordWrap(true);
    m_problems->setObjectName(QStringLiteral("policyProblems"));
    m_save->setObjectName(QStringLiteral("savePolicyButton"));

    m_bucketView = makeTable(m_buckets, this, true);
    m_bucketView->horizontalHeader()->setStretchLastSection(false);
    m_bucketView->setObjectName(QStringLiteral("bucketView"));
    m_ruleView = makeTable(m_rules, this, true);
    m_ruleView->setObjectName(QStringLiteral("ruleView"));
    auto* historyView = makeTable(m_history, this, false);
    historyView->setObjectName(QStringLiteral("policyHistoryView"));

    auto* addBucket = smallButton(tr("Add bucket"), this);
    auto* removeBucket = smallButton(tr("Remove bucket"), this);
    connect(addBucket, &QPushButton::clicked, m_buckets, &HedgeBucketModel::appendBucket);
    connect(removeBucket, &QPushButton::clicked, this, [this] {
        m_buckets->removeBucket(m_bucketView->currentIndex().row());
    });
    auto* addRule = smallButton(tr("Add rule"), this);
    auto* removeRule = smallButton(tr("Remove rule"), this);
    connect(addRule, &QPushButton::clicked, m_rules, &HedgeRuleModel::appendRule);
    connect(removeRule, &QPushButton::clicked, this, [this] {
        m_rules->removeRule(m_ruleView->currentIndex().row());
    });

    auto* bucketBox = new QGroupBox(tr("Hedge ratio bands by tenor (months after the valuation "
                                       "month; months past the last bucket are not hedged)"),
                                    this);
    auto* bucketLayout = new QVBoxLayout(bucketBox);
    bucketLayout->addWidget(m_bucketView);
    auto* bucketButtons = new QHBoxLayout;
    bucketButtons->addWidget(addBucket);
    bucketButtons->addWidget(removeBucket);
    bucketButtons->addStretch(1);
    bucketLayout->addLayout(bucketButtons);

    auto* ruleBox = new QGroupBox(
        tr("Instruments allowed per resource (\"*\": every other resource; contracts empty: any "
           "contract of the resource's unit)"),
        this);
    auto* ruleLayout = new QVBoxLayout(ruleBox);
    ruleLayout->addWidget(m_ruleView);
    auto* ruleButtons = new QHBoxLayout;
    ruleButtons->addWidget(addRule);
    ruleButtons->addWidget(removeRule);
    ruleButtons->addStretch(1);
    ruleLayout->addLayout(ruleButtons);

    auto* historyBox = new QGroupBox(tr("Saved versions (every save is a new version)"), this);
    auto* historyLayout = new QVBoxLayout(historyBox);
    historyLayout->addWidget(historyView);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* nameRow = new QHBoxLayout;
    nameRow->addWidget(new QLabel(tr("Policy name:"), this));
    nameRow->addWidget(m_name, 1);
    leftLayout->addLayout(nameRow);
    leftLayout->addWidget(bucketBox, 3);
    leftLayout->addWidget(ruleBox, 2);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(buildLimits());
    rightLayout->addWidget(historyBox, 1);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setSizes({800, 650});

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_problems, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);

    auto changed = [this] {
        if (!m_loading)
            updateState();
    };
    connect(m_buckets, &HedgeBucketModel::bucketsEdited, this, changed);
    connect(m_rules, &HedgeRuleModel::rulesEdited, this, changed);
    connect(m_buckets, &HedgeBucketModel::editRejected, m_problems, &QLabel::setText);
    connect(m_rules, &HedgeRuleModel::editRejected, m_problems, &QLabel::setText);
    connect(m_name, &QLineEdit::textEdited, this, changed);
    connect(m_perMonth, &QSpinBox::valueChanged, this, changed);
    connect(m_perContract, &QSpinBox::valueChanged, this, changed);
    connect(m_budget, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_callStrike, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_putStrike, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_scenario, &QComboBox::currentIndexChanged, this, changed);
    connect(m_rounding, &QComboBox::currentIndexChanged, this, changed);
    connect(m_revert, &QPushButton::clicked, this, &HedgePolicyPanel::revert);
    connect(m_save, &QPushButton::clicked, this, [this] { emit saveRequested(draft()); });
    updateState();
}

QWidget* HedgePolicyPanel::buildLimits()
{
    auto* box = new QGroupBox(tr("Limits, budget and sizing"), this);
    auto* form = new QFormLayout(box);
    m_perMonth = new QSpinBox(box);
    m_perMonth->setRange(0, 1'000'000);
    m_perMonth->setSuffix(tr(" contracts"));
    m_perMonth->setGroupSeparatorShown(true);
    m_perContract = new QSpinBox(box);
    m_perContract->setRange(0, 1'000'000);
    m_perContract->setSuffix(tr(" contracts"));
    m_perContract->setGroupSeparatorShown(true);
    m_budget = new QDoubleSpinBox(box);
    m_budget->setRange(0.0, 1e12);
    m_budget->setDecimals(0);
    m_budget->setSingleStep(10'000.0);
    m_budget->setPrefix(QStringLiteral("USD "));
    m_budget->setGroupSeparatorShown(true);
    m_budget->setLocale(format::numberLocale());
    m_perMonth->setLocale(format::numberLocale());
    m_perContract->setLocale(format::numberLocale());
    m_scenario = new QComboBox(box);
    for (const Scenario s : kScenarios)
        m_scenario->addItem(QString::fromLatin1(scenarioCode(s)), static_cast<int>(s));
    m_rounding = new QComboBox(box);
    m_rounding->addItem(tr("toward zero (never above the target)"),
                        static_cast<int>(hedging::RoundingPolicy::TowardZero));
    m_rounding->addItem(tr("nearest, within the band"),
                        static_cast<int>(hedging::RoundingPolicy::NearestWithinBand));
    m_callStrike = new QDoubleSpinBox(box);
    m_callStrike->setRange(1.0, 500.0);
    m_callStrike->setDecimals(1);
    m_callStrike->setSuffix(tr("% of forward"));
    m_callStrike->setLocale(format::numberLocale());
    m_putStrike = new QDoubleSpinBox(box);
    m_putStrike->setRange(1.0, 500.0);
    m_putStrike->setDecimals(1);
    m_putStrike->setSuffix(tr("% of forward"));
    m_putStrike->setLocale(format::numberLocale());
    form->addRow(tr("Max contracts per delivery month:"), m_perMonth);
    form->addRow(tr("Max per contract and month:"), m_perContract);
    form->addRow(tr("Option premium budget:"), m_budget);
    form->addRow(tr("Volume scenario hedged:"), m_scenario);
    form->addRow(tr("Contract rounding:"), m_rounding);
    form->addRow(tr("Call strike (calls, collars):"), m_callStrike);
    form->addRow(tr("Put strike (collars):"), m_putStrike);
    return box;
}

void HedgePolicyPanel::setPolicy(const hedging::HedgePolicy& current,
                                 std::vector<hedging::HedgePolicy> versions,
                                 std::vector<ContractSpec> contracts)
{
    m_current = current;
    m_contracts = std::move(contracts);
    const bool stored = !versions.empty();
    m_history->setVersions(std::move(versions));
    m_header->setText(
        stored ? tr("<b>%1</b>, version %2, saved by <b>%3</b> at %4 UTC. Edit below and save: "
                    "the edit becomes version %5; proposals keep the version they were made "
                    "under.")
                     .arg(toQString(current.name).toHtmlEscaped())
                     .arg(current.version)
                     .arg(toQString(current.author).toHtmlEscaped(),
                          toQString(formatIsoTimestamp(current.savedAt)))
                     .arg(current.version + 1)
               : tr("<b>%1</b>: the default template, not saved in this workspace yet. Save it to "
                    "make version 1 (proposals need a saved policy).")
                     .arg(toQString(current.name).toHtmlEscaped()));
    revert();
}

void HedgePolicyPanel::revert()
{
    m_loading = true;
    m_name->setText(toQString(m_current.name));
    m_buckets->setBuckets(m_current.buckets);
    m_rules->setRules(m_current.rules);
    m_perMonth->setValue(static_cast<int>(m_current.maxContractsPerMonth));
    m_perContract->setValue(static_cast<int>(m_current.maxContractsPerContractMonth));
    m_budget->setValue(m_current.maxPremiumUsd);
    m_scenario->setCurrentIndex(m_scenario->findData(static_cast<int>(m_current.volumeScenario)));
    m_rounding->setCurrentIndex(m_rounding->findData(static_cast<int>(m_current.rounding)));
    m_callStrike->setValue(100.0 * m_current.strikes.callStrikeFraction);
    m_putStrike->setValue(100.0 * m_current.strikes.putStrikeFraction);
    m_loading = false;
    updateState();
}

hedging::HedgePolicy HedgePolicyPanel::draft() const
{
    hedging::HedgePolicy p = m_current;
    p.name = m_name->text().trimmed().toStdString();
    p.buckets = m_buckets->buckets();
    p.rules = m_rules->rules();
    p.maxContractsPerMonth = m_perMonth->value();
    p.maxContractsPerContractMonth = m_perContract->value();
    p.maxPremiumUsd = m_budget->value();
    p.volumeScenario = static_cast<Scenario>(m_scenario->currentData().toInt());
    p.rounding = static_cast<hedging::RoundingPolicy>(m_rounding->currentData().toInt());
    p.strikes.callStrikeFraction = m_callStrike->value() / 100.0;
    p.strikes.putStrikeFraction = m_putStrike->value() / 100.0;
    return p;
}

bool HedgePolicyPanel::isModified() const
{
    return !(draft() == m_current);
}

QStringList HedgePolicyPanel::problems() const
{
    QStringList out;
    for (const Issue& i : hedging::validatePolicy(draft(), &m_contracts))
        out << toQString(i.toString());
    return out;
}

void HedgePolicyPanel::updateState()
{
    const QStringList issues = problems();
    const bool modified = isModified();
    if (!issues.isEmpty()) {
        QStringList escaped;
        for (const QString& i : issues)
            escaped << i.toHtmlEscaped();
        m_problems->setText(QStringLiteral("<span style='color:#b00020'>%1</span>")
                                .arg(escaped.join(QStringLiteral("<br>"))));
    } else if (modified)
        m_problems->setText(tr("Changed, not saved. Saving makes version %1.")
                                .arg(m_history->rowCount() > 0 ? m_current.version + 1 : 1));
    else
        m_problems->setText(tr("No changes."));
    // A policy not stored yet may be saved as it is (version 1).
    m_save->setEnabled(issues.isEmpty() && (modified || m_history->rowCount() == 0));
    m_revert->setEnabled(modified);
}

} // namespace ch::ui
