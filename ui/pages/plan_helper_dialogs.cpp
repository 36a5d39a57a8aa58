#include "ui/pages/plan_helper_dialogs.h"

#include "exposure/helper_expansion.h"
#include "ui/conversions.h"
#include "ui/format.h"
#include "ui/models/plan_grid_model.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ch::ui {

namespace {

Date fromQDate(const QDate& d)
{
    return Date{std::chrono::year{d.year()},
                std::chrono::month{static_cast<unsigned>(d.month())},
                std::chrono::day{static_cast<unsigned>(d.day())}};
}

QDoubleSpinBox* spin(QWidget* parent, double max, int decimals, const QString& suffix)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(0.0, max);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    box->setGroupSeparatorShown(true);
    box->setLocale(format::numberLocale());
    box->setAlignment(Qt::AlignRight);
    return box;
}

QSpinBox* intSpin(QWidget* parent, int min, int max, const QString& suffix)
{
    auto* box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setSuffix(suffix);
    box->setGroupSeparatorShown(true);
    box->setLocale(format::numberLocale());
    box->setAlignment(Qt::AlignRight);
    return box;
}

void selectData(QComboBox* box, const QString& code)
{
    const int i = box->findData(code);
    if (i >= 0)
        box->setCurrentIndex(i);
}

} // namespace

std::string freeId(const Plan& plan, const std::string& stem)
{
    auto used = [&](const std::string& id) {
        return plan.findLine(id) != nullptr || plan.findHelper(id) != nullptr
               || plan.findLine(id + ".in") != nullptr || plan.findLine(id + ".out") != nullptr;
    };
    if (!used(stem))
        return stem;
    for (int n = 2;; ++n) {
        const std::string candidate = stem + "-" + std::to_string(n);
        if (!used(candidate))
            return candidate;
    }
}

HelperDialog::HelperDialog(const Plan& plan, bool editing, QWidget* parent)
    : QDialog(parent)
    , m_plan(plan)
    , m_editing(editing)
    , m_id(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_uncertainty(spin(this, 100.0, 1, QStringLiteral(" %")))
    , m_problems(new QLabel(this))
{
    m_id->setReadOnly(editing);
    m_id->setToolTip(tr("Stable id: letters, digits, '.', '_' or '-'. Lines are named after it."));
    m_uncertainty->setPrefix(QStringLiteral("± "));
    m_uncertainty->setToolTip(tr("Low and high are base × (1 − u) and base × (1 + u)."));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->hide();
}

void HelperDialog::finishLayout(QFormLayout* form)
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &HelperDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &HelperDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);
}

QComboBox* HelperDialog::indexPicker(const std::vector<IndexDefinition>& indices, Unit unit)
{
    auto* box = new QComboBox(this);
    box->addItem(tr("Default index for the resource"), QString());
    for (const IndexDefinition& i : indices)
        if (i.unit == unit)
            box->addItem(QStringLiteral("%1 — %2").arg(toQString(i.id), toQString(i.name)),
                         toQString(i.id));
    return box;
}

void HelperDialog::selectIndex(QComboBox* box, const std::string& indexId)
{
    const int i = box->findData(toQString(indexId));
    if (i >= 0)
        box->setCurrentIndex(i);
    else if (!indexId.empty()) {
        box->addItem(toQString(indexId), toQString(indexId));
        box->setCurrentIndex(box->count() - 1);
    } else {
        box->setCurrentIndex(0);
    }
}

std::string HelperDialog::chosenIndex(const QComboBox* box)
{
    return box->currentData().toString().toStdString();
}

QComboBox* HelperDialog::confidencePicker()
{
    auto* box = new QComboBox(this);
    for (const auto c : {ConfidenceClass::Committed,
                         ConfidenceClass::HighlyProbable,
                         ConfidenceClass::Forecast,
                         ConfidenceClass::Possible})
        box->addItem(QString::fromLatin1(confidenceClassCode(c)).replace('_', ' '),
                     QString::fromLatin1(confidenceClassCode(c)));
    return box;
}

QComboBox* HelperDialog::gpuPicker()
{
    auto* box = new QComboBox(this);
    for (const Resource& r : allResources())
        if (r.isGpu())
            box->addItem(toQString(r.code()), toQString(r.code()));
    return box;
}

QString HelperDialog::problemText() const
{
    return m_problems->isHidden() ? QString() : m_problems->text();
}

void HelperDialog::accept()
{
    const Parsed<Plan> applied = exposure::applyHelper(m_plan, helper());
    if (applied.hasErrors()) {
        QStringList lines;
        for (const Issue& i : applied.issues)
            if (i.severity == Severity::Error)
                lines << cellIssueText(i);
        m_problems->setText(lines.join(QLatin1Char('\n')));
        m_problems->show();
        return;
    }
    m_result = applied.value;
    m_warnings = applied.issues;
    QDialog::accept();
}

TrainingRunDialog::TrainingRunDialog(const Plan& plan,
                                     const std::vector<IndexDefinition>& indices,
                                     const std::optional<TrainingRun>& existing,
                                     QWidget* parent)
    : HelperDialog(plan, existing.has_value(), parent)
    , m_gpu(gpuPicker())
    , m_gpus(intSpin(this, 1, 10'000'000, QString()))
    , m_start(new QDateEdit(this))
    , m_days(intSpin(this, 1, 3650, tr(" days")))
    , m_utilisation(spin(this, 100.0, 1, QStringLiteral(" %")))
    , m_index(indexPicker(indices, Unit::GpuHour))
{
    setWindowTitle(existing ? tr("Edit training run") : tr("Training run"));
    m_confidence = confidencePicker();
    m_start->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_start->setCalendarPopup(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Id"), m_id);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("GPU type"), m_gpu);
    form->addRow(tr("GPUs"), m_gpus);
    form->addRow(tr("Start date"), m_start);
    form->addRow(tr("Wall-clock duration"), m_days);
    form->addRow(tr("Utilisation"), m_utilisation);
    form->addRow(tr("Uncertainty"), m_uncertainty);
    form->addRow(tr("Priced on"), m_index);
    form->addRow(tr("Confidence"), m_confidence);
    auto* note = new QLabel(
        tr("GPU-hours per month = GPUs × 24 h × run days in the month × utilisation."), this);
    note->setWordWrap(true);
    form->addRow(note);
    finishLayout(form);

    TrainingRun run;
    if (existing) {
        run = *existing;
    } else {
        run.id = freeId(plan, "training");
        run.name = tr("Training run").toStdString();
        run.gpus = 1024;
        run.start = firstDay(plan.months() > 0 ? plan.firstMonth() : Month{});
        run.wallClockDays = 60;
        run.utilisationFraction = 0.9;
        run.uncertaintyFraction = 0.1;
        run.confidence = ConfidenceClass::Forecast;
    }
    setInputs(run);
}

void TrainingRunDialog::setInputs(const TrainingRun& run)
{
    m_id->setText(toQString(run.id));
    m_name->setText(toQString(run.name));
    selectData(m_gpu, QString::fromLatin1(gpuTypeCode(run.gpu)));
    m_gpus->setValue(run.gpus);
    if (run.start.ok())
        m_start->setDate(toQDate(run.start));
    m_days->setValue(run.wallClockDays);
    m_utilisation->setValue(run.utilisationFraction * 100.0);
    m_uncertainty->setValue(run.uncertaintyFraction * 100.0);
    selectIndex(m_index, run.indexId);
    selectData(m_confidence, QString::fromLatin1(confidenceClassCode(run.confidence)));
}

PlanHelper TrainingRunDialog::helper() const
{
    TrainingRun run;
    run.id = m_id->text().trimmed().toStdString();
    run.name = m_name->text().trimmed().toStdString();
    run.gpu = parseGpuType(m_gpu->currentData().toString().toStdString()).value_or(GpuType::H100);
    run.gpus = m_gpus->value();
    run.start = fromQDate(m_start->date());
    run.wallClockDays = m_days->value();
    run.utilisationFraction = m_utilisation->value() / 100.0;
    run.uncertaintyFraction = m_uncertainty->value() / 100.0;
    run.indexId = chosenIndex(m_index);
    run.confidence = parseConfidenceClass(m_confidence->currentData().toString().toStdString())
                         .value_or(ConfidenceClass::Forecast);
    return run;
}

InferenceServiceDialog::InferenceServiceDialog(const Plan& plan,
                                               const std::vector<IndexDefinition>& indices,
                                               const std::optional<InferenceService>& existing,
                                               QWidget* parent)
    : HelperDialog(plan, existing.has_value(), parent)
    , m_api(new QRadioButton(tr("API tokens"), this))
    , m_selfHosted(new QRadioButton(tr("Self-hosted on GPUs"), this))
    , m_tier(new QComboBox(this))
    , m_gpu(gpuPicker())
    , m_tokensPerSecond(spin(this, 1e9, 0, tr(" tokens/s per GPU")))
    , m_requests(spin(this, 1e12, 0, tr(" requests/day")))
    , m_inputTokens(spin(this, 1e9, 0, tr(" tokens")))
    , m_outputTokens(spin(this, 1e9, 0, tr(" tokens")))
    , m_growth(spin(this, 1000.0, 1, tr(" % per month")))
    , m_startMonth(new QDateEdit(this))
    , m_months(intSpin(this, 1, kMaxPlanMonths, tr(" months")))
    , m_index(indexPicker(indices, Unit::GpuHour))
{
    setWindowTitle(existing ? tr("Edit inference service") : tr("Inference service"));
    m_confidence = confidencePicker();
    m_growth->setMinimum(-99.9);
    for (const auto t : {ModelTier::Frontier, ModelTier::Mid, ModelTier::Small})
        m_tier->addItem(QString::fromLatin1(modelTierCode(t)),
                        QString::fromLatin1(modelTierCode(t)));
    m_startMonth->setDisplayFormat(QStringLiteral("yyyy-MM"));
    auto* serving = new QButtonGroup(this);
    serving->addButton(m_api);
    serving->addButton(m_selfHosted);
    auto* servingRow = new QHBoxLayout;
    servingRow->addWidget(m_api);
    servingRow->addWidget(m_selfHosted);
    servingRow->addStretch(1);
    connect(m_api, &QRadioButton::toggled, this, [this] { updateServing(); });

    auto* form = new QFormLayout;
    form->addRow(tr("Id"), m_id);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Requests per day (first month)"), m_requests);
    form->addRow(tr("Input tokens per request"), m_inputTokens);
    form->addRow(tr("Output tokens per request"), m_outputTokens);
    form->addRow(tr("Growth"), m_growth);
    form->addRow(tr("Start month"), m_startMonth);
    form->addRow(tr("Duration"), m_months);
    form->addRow(tr("Served as"), servingRow);
    form->addRow(tr("Model tier"), m_tier);
    form->addRow(tr("GPU type"), m_gpu);
    form->addRow(tr("Throughput"), m_tokensPerSecond);
    form->addRow(tr("GPU line priced on"), m_index);
    form->addRow(tr("Uncertainty"), m_uncertainty);
    form->addRow(tr("Confidence"), m_confidence);
    auto* note = new QLabel(tr("Requests in month k = days × requests/day × (1 + growth)^k. API "
                               "tokens give two lines (input and output MTok); self-hosting "
                               "gives GPU-hours = tokens ÷ (throughput × 3,600)."),
                            this);
    note->setWordWrap(true);
    form->addRow(note);
    finishLayout(form);

    InferenceService s;
    if (existing) {
        s = *existing;
    } else {
        s.id = freeId(plan, "inference");
        s.name = tr("Inference service").toStdString();
        s.serving = InferenceServing::ApiTokens;
        s.tier = ModelTier::Mid;
        s.gpu = GpuType::H200;
        s.tokensPerSecondPerGpu = 3000;
        s.requestsPerDay = 1'000'000;
        s.inputTokensPerRequest = 1500;
        s.outputTokensPerRequest = 500;
        s.monthlyGrowthFraction = 0.05;
        s.start = plan.months() > 0 ? plan.firstMonth() : Month{};
        s.months = plan.months() > 0 ? plan.months() : 12;
        s.uncertaintyFraction = 0.2;
    }
    setInputs(s);
}

void InferenceServiceDialog::setInputs(const InferenceService& s)
{
    m_id->setText(toQString(s.id));
    m_name->setText(toQString(s.name));
    (s.serving == InferenceServing::ApiTokens ? m_api : m_selfHosted)->setChecked(true);
    selectData(m_tier, QString::fromLatin1(modelTierCode(s.tier)));
    selectData(m_gpu, QString::fromLatin1(gpuTypeCode(s.gpu)));
    m_tokensPerSecond->setValue(s.tokensPerSecondPerGpu);
    m_requests->setValue(s.requestsPerDay);
    m_inputTokens->setValue(s.inputTokensPerRequest);
    m_outputTokens->setValue(s.outputTokensPerRequest);
    m_growth->setValue(s.monthlyGrowthFraction * 100.0);
    if (s.start.ok())
        m_startMonth->setDate(toQDate(firstDay(s.start)));
    m_months->setValue(s.months);
    m_uncertainty->setValue(s.uncertaintyFraction * 100.0);
    selectIndex(m_index, s.indexId);
    selectData(m_confidence, QString::fromLatin1(confidenceClassCode(s.confidence)));
    updateServing();
}

void InferenceServiceDialog::updateServing()
{
    const bool api = m_api->isChecked();
    m_tier->setEnabled(api);
    m_gpu->setEnabled(!api);
    m_tokensPerSecond->setEnabled(!api);
    m_index->setEnabled(!api);
}

PlanHelper InferenceServiceDialog::helper() const
{
    InferenceService s;
    s.id = m_id->text().trimmed().toStdString();
    s.name = m_name->text().trimmed().toStdString();
    s.serving = m_api->isChecked() ? InferenceServing::ApiTokens : InferenceServing::SelfHostedGpu;
    s.tier =
        parseModelTier(m_tier->currentData().toString().toStdString()).value_or(ModelTier::Mid);
    s.gpu = parseGpuType(m_gpu->currentData().toString().toStdString()).value_or(GpuType::H200);
    s.tokensPerSecondPerGpu = m_tokensPerSecond->value();
    s.requestsPerDay = m_requests->value();
    s.inputTokensPerRequest = m_inputTokens->value();
    s.outputTokensPerRequest = m_outputTokens->value();
    s.monthlyGrowthFraction = m_growth->value() / 100.0;
    const Date start = fromQDate(m_startMonth->date());
    s.start = Month{start.year(), start.month()};
    s.months = m_months->value();
    s.uncertaintyFraction = m_uncertainty->value() / 100.0;
    s.indexId = s.serving == InferenceServing::ApiTokens ? std::string() : chosenIndex(m_index);
    s.confidence = parseConfidenceClass(m_confidence->currentData().toString().toStdString())
                       .value_or(ConfidenceClass::Forecast);
    return s;
}

} // namespace ch::ui
