#include "ui/pages/plan_record_dialogs.h"

#include "domain/plan_text.h"
#include "ui/conversions.h"
#include "ui/format.h"
#include "ui/models/plan_capacity_model.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ch::ui {

namespace {

QLabel* problemLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

void finish(QDialog* dialog, QFormLayout* form, QLabel* problems)
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addLayout(form);
    layout->addWidget(problems);
    layout->addWidget(buttons);
}

void showProblems(QLabel* label, const QStringList& problems)
{
    label->setText(problems.join(QLatin1Char('\n')));
    label->setVisible(!problems.isEmpty());
}

const char* kIdRule = "expected 1-64 letters, digits, '.', '_' or '-'";

} // namespace

AddLineDialog::AddLineDialog(const Plan& plan,
                             const std::vector<IndexDefinition>& indices,
                             QWidget* parent)
    : QDialog(parent)
    , m_plan(plan)
    , m_indices(indices)
    , m_id(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_resource(new QComboBox(this))
    , m_index(new QComboBox(this))
    , m_confidence(new QComboBox(this))
    , m_problems(problemLabel(this))
{
    setWindowTitle(tr("Add plan line"));
    for (const Resource& r : allResources())
        m_resource->addItem(
            QStringLiteral("%1 (%2)").arg(toQString(r.label()), format::unitSymbol(r.unit())),
            toQString(r.code()));
    for (const auto c : {ConfidenceClass::Committed,
                         ConfidenceClass::HighlyProbable,
                         ConfidenceClass::Forecast,
                         ConfidenceClass::Possible})
        m_confidence->addItem(QString::fromLatin1(confidenceClassCode(c)).replace('_', ' '),
                              QString::fromLatin1(confidenceClassCode(c)));
    m_confidence->setCurrentIndex(2);
    connect(m_resource, &QComboBox::currentIndexChanged, this, [this] { updateIndices(); });
    auto* form = new QFormLayout;
    form->addRow(tr("Id"), m_id);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Resource"), m_resource);
    form->addRow(tr("Priced on index"), m_index);
    form->addRow(tr("Confidence"), m_confidence);
    finish(this, form, m_problems);
    updateIndices();
}

void AddLineDialog::updateIndices()
{
    const auto resource = parseResource(m_resource->currentData().toString().toStdString());
    m_index->clear();
    if (!resource)
        return;
    const std::string preferred = resource->defaultIndexId();
    m_index->addItem(toQString(preferred), toQString(preferred));
    for (const IndexDefinition& i : m_indices)
        if (i.unit == resource->unit() && i.id != preferred)
            m_index->addItem(toQString(i.id), toQString(i.id));
}

void AddLineDialog::setInputs(const QString& id, const QString& name, const Resource& resource)
{
    m_id->setText(id);
    m_name->setText(name);
    m_resource->setCurrentIndex(m_resource->findData(toQString(resource.code())));
}

QString AddLineDialog::problemText() const
{
    return m_problems->isHidden() ? QString() : m_problems->text();
}

void AddLineDialog::accept()
{
    const std::string id = m_id->text().trimmed().toStdString();
    const std::string name = m_name->text().trimmed().toStdString();
    QStringList problems;
    if (!isValidId(id))
        problems << tr("id: \"%1\" is not a valid id; %2").arg(toQString(id), tr(kIdRule));
    else if (m_plan.findLine(id) != nullptr || m_plan.findHelper(id) != nullptr)
        problems
            << tr("id: \"%1\" is already used in the plan; expected a new id").arg(toQString(id));
    if (name.empty())
        problems << tr("name: the name is empty; expected a name for people");
    const auto resource = parseResource(m_resource->currentData().toString().toStdString());
    const std::string index = m_index->currentData().toString().toStdString();
    showProblems(m_problems, problems);
    if (!problems.isEmpty() || !resource || m_plan.months() == 0)
        return;
    const auto confidence =
        parseConfidenceClass(m_confidence->currentData().toString().toStdString());
    m_line = PlanLine(id,
                      name,
                      *resource,
                      index,
                      confidence.value_or(ConfidenceClass::Forecast),
                      std::vector<VolumeTriple>(static_cast<std::size_t>(m_plan.months())));
    QDialog::accept();
}

ContractDialog::ContractDialog(const Plan& plan,
                               const std::vector<ContractedCapacity>& existing,
                               QWidget* parent)
    : QDialog(parent)
    , m_plan(plan)
    , m_existing(existing)
    , m_id(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_covers(new QComboBox(this))
    , m_counterparty(new QLineEdit(this))
    , m_price(new QLineEdit(this))
    , m_first(new QDateEdit(this))
    , m_months(new QSpinBox(this))
    , m_quantity(new QLineEdit(this))
    , m_problems(problemLabel(this))
{
    setWindowTitle(tr("Add contracted capacity"));
    for (const auto k :
         {ContractKind::ReservedInstance, ContractKind::CommittedUse, ContractKind::PrepaidTokens})
        m_kind->addItem(contractKindLabel(k), QString::fromLatin1(contractKindCode(k)));
    for (const PlanLine& line : plan.lines())
        m_covers->addItem(tr("Line: %1 (%2)").arg(toQString(line.name()), toQString(line.id())),
                          toQString(line.id()));
    for (const Resource& r : allResources())
        m_covers->addItem(
            tr("Pool: every %1 line on %2").arg(toQString(r.code()), toQString(r.defaultIndexId())),
            QStringLiteral("pool:") + toQString(r.code()));
    m_first->setDisplayFormat(QStringLiteral("yyyy-MM"));
    if (plan.months() > 0)
        m_first->setDate(toQDate(firstDay(plan.firstMonth())));
    m_months->setRange(1, 120);
    m_months->setValue(12);
    m_months->setSuffix(tr(" months"));
    m_price->setPlaceholderText(tr("e.g. 2.10"));
    m_quantity->setPlaceholderText(tr("e.g. 373760"));
    auto* form = new QFormLayout;
    form->addRow(tr("Id"), m_id);
    form->addRow(tr("Kind"), m_kind);
    form->addRow(tr("Covers"), m_covers);
    form->addRow(tr("Counterparty"), m_counterparty);
    form->addRow(tr("Fixed price (USD per unit)"), m_price);
    form->addRow(tr("First month"), m_first);
    form->addRow(tr("Duration"), m_months);
    form->addRow(tr("Quantity per month (GPU-h or MTok)"), m_quantity);
    finish(this, form, m_problems);
}

void ContractDialog::setInputs(const QString& id,
                               const QString& covers,
                               const QString& counterparty,
                               const QString& priceUsd,
                               Month first,
                               int months,
                               const QString& quantityPerMonth)
{
    m_id->setText(id);
    m_covers->setCurrentIndex(m_covers->findData(covers));
    m_counterparty->setText(counterparty);
    m_price->setText(priceUsd);
    m_first->setDate(toQDate(firstDay(first)));
    m_months->setValue(months);
    m_quantity->setText(quantityPerMonth);
}

QString ContractDialog::problemText() const
{
    return m_problems->isHidden() ? QString() : m_problems->text();
}

void ContractDialog::accept()
{
    QStringList problems;
    const std::string id = m_id->text().trimmed().toStdString();
    if (!isValidId(id))
        problems << tr("id: \"%1\" is not a valid id; %2").arg(toQString(id), tr(kIdRule));
    else if (std::any_of(
                 m_existing.begin(), m_existing.end(), [&](const auto& c) { return c.id() == id; }))
        problems << tr("id: contract \"%1\" already exists; expected a new id").arg(toQString(id));
    const std::string counterparty = m_counterparty->text().trimmed().toStdString();
    if (counterparty.empty())
        problems << tr("counterparty: empty; expected who the capacity was bought from");
    const std::string priceText = m_price->text().trimmed().toStdString();
    const FixedDecimal price = parseFixedDecimal(priceText, 6);
    if (price.status != FixedDecimal::Status::Ok || price.scaled < 0)
        problems << tr("price: \"%1\" is not a price; expected USD per unit of zero or more with "
                       "at most 6 decimals")
                        .arg(toQString(priceText));
    const std::string quantityText = m_quantity->text().trimmed().toStdString();
    const auto quantity = parseNumber(quantityText);
    if (!quantity || *quantity < 0.0)
        problems << tr("quantity: \"%1\" is not a volume; expected a number of zero or more")
                        .arg(toQString(quantityText));
    showProblems(m_problems, problems);
    if (!problems.isEmpty())
        return;

    const QString covers = m_covers->currentData().toString();
    std::string lineId;
    Resource resource;
    std::string indexId;
    if (covers.startsWith(QLatin1String("pool:"))) {
        resource = *parseResource(covers.mid(5).toStdString());
        indexId = resource.defaultIndexId();
    } else {
        const PlanLine* line = m_plan.findLine(covers.toStdString());
        if (line == nullptr)
            return;
        lineId = line->id();
        resource = line->resource();
        indexId = line->indexId();
    }
    const QDate first = m_first->date();
    const Month firstMonth{std::chrono::year{first.year()},
                           std::chrono::month{static_cast<unsigned>(first.month())}};
    m_contract = ContractedCapacity(
        id,
        lineId,
        resource,
        indexId,
        parseContractKind(m_kind->currentData().toString().toStdString())
            .value_or(ContractKind::ReservedInstance),
        counterparty,
        UnitRate::fromMicros(resource.unit(), price.scaled),
        firstMonth,
        std::vector<double>(static_cast<std::size_t>(m_months->value()), *quantity));
    QDialog::accept();
}

} // namespace ch::ui
