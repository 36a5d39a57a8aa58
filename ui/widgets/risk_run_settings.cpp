#include "ui/widgets/risk_run_settings.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSpinBox>

namespace ch::ui {

RiskRunSettings::RiskRunSettings(QWidget* parent)
    : QWidget(parent)
    , m_paths(new QSpinBox(this))
    , m_seed(new QLineEdit(this))
    , m_threads(new QSpinBox(this))
    , m_horizon(new QSpinBox(this))
    , m_volumes(new QComboBox(this))
    , m_volumeCorrelation(new QDoubleSpinBox(this))
    , m_priceVolumeCorrelation(new QDoubleSpinBox(this))
    , m_hedges(new QComboBox(this))
{
    const risk::McConfig defaults;
    const risk::DemandModel demand;
    m_paths->setRange(1000, 10'000'000);
    m_paths->setSingleStep(10'000);
    m_paths->setGroupSeparatorShown(true);
    m_paths->setValue(static_cast<int>(defaults.paths));
    m_paths->setToolTip(tr("Simulated paths: 4 times the paths halve the standard errors"));
    m_seed->setText(QString::number(defaults.seed));
    m_seed->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), m_seed));
    m_seed->setMaximumWidth(m_seed->fontMetrics().horizontalAdvance(QStringLiteral("0")) * 14);
    m_seed->setToolTip(tr("The same seed, paths and inputs give the same numbers"));
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(tr("all cores"));
    m_threads->setToolTip(tr("Worker threads; the result is the same for any number"));
    m_horizon->setRange(1, 36);
    m_horizon->setValue(36); // the whole plan until setPlanMonths says how long it is
    m_horizon->setSuffix(tr(" months"));
    m_volumes->addItem(tr("Uncertain (low to high)"),
                       static_cast<int>(risk::VolumeMode::Uncertain));
    m_volumes->addItem(tr("Low scenario"), static_cast<int>(risk::VolumeMode::Low));
    m_volumes->addItem(tr("Base scenario"), static_cast<int>(risk::VolumeMode::Base));
    m_volumes->addItem(tr("High scenario"), static_cast<int>(risk::VolumeMode::High));
    m_volumes->setToolTip(tr("Uncertain: each month's volume is drawn between the plan's low and "
                             "high with the base as most likely (Beta-PERT)"));
    m_volumeCorrelation->setRange(0.0, 1.0);
    m_volumeCorrelation->setSingleStep(0.05);
    m_volumeCorrelation->setValue(demand.volumeCorrelation);
    m_volumeCorrelation->setToolTip(tr("How strongly all volumes move together (0 to 1)"));
    m_priceVolumeCorrelation->setRange(-1.0, 1.0);
    m_priceVolumeCorrelation->setSingleStep(0.05);
    m_priceVolumeCorrelation->setValue(demand.priceVolumeCorrelation);
    m_priceVolumeCorrelation->setToolTip(
        tr("Correlation of demand with prices: positive when busy months are also expensive"));

    // Two rows, so the page fits a 1,280-pixel-wide screen: the run itself, then the volumes.
    m_hedges->setToolTip(tr("The hedged figures use the open futures positions, or those plus the "
                            "trades of a saved hedge proposal (the book once it is executed)"));
    setProposals({});
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(6);
    int column = 0;
    int row = 0;
    auto add = [&](const QString& label, QWidget* w) {
        auto* l = new QLabel(label, this);
        l->setBuddy(w);
        layout->addWidget(l, row, column++, Qt::AlignRight);
        layout->addWidget(w, row, column++);
    };
    add(tr("&Paths:"), m_paths);
    add(tr("S&eed:"), m_seed);
    add(tr("T&hreads:"), m_threads);
    add(tr("Hori&zon:"), m_horizon);
    row = 1;
    column = 0;
    add(tr("&Volumes:"), m_volumes);
    add(tr("Volume corr.:"), m_volumeCorrelation);
    add(tr("Price–volume corr.:"), m_priceVolumeCorrelation);
    add(tr("He&dges:"), m_hedges);
    layout->setColumnStretch(8, 1);
}

risk::McConfig RiskRunSettings::config() const
{
    risk::McConfig c;
    c.paths = static_cast<std::size_t>(m_paths->value());
    bool ok = false;
    const qulonglong seed = m_seed->text().toULongLong(&ok);
    if (ok)
        c.seed = seed; // an empty field keeps the default seed
    c.threads = static_cast<unsigned>(m_threads->value());
    return c;
}

risk::RiskBuildOptions RiskRunSettings::options() const
{
    risk::RiskBuildOptions o;
    o.horizonMonths = m_horizon->isEnabled() ? m_horizon->value() : 0;
    o.volumes = static_cast<risk::VolumeMode>(m_volumes->currentData().toInt());
    o.demand.volumeCorrelation = m_volumeCorrelation->value();
    o.demand.priceVolumeCorrelation = m_priceVolumeCorrelation->value();
    return o;
}

void RiskRunSettings::setPlanMonths(int planMonths)
{
    const bool wasFull = m_horizon->value() == m_horizon->maximum();
    m_horizon->setEnabled(planMonths > 0);
    m_horizon->setMaximum(std::max(planMonths, 1));
    if (wasFull || m_horizon->value() > planMonths)
        m_horizon->setValue(std::max(planMonths, 1));
}

void RiskRunSettings::setFrom(const risk::McConfig& config,
                              int horizonMonths,
                              risk::VolumeMode volumes,
                              const risk::DemandModel& demand)
{
    m_paths->setValue(static_cast<int>(config.paths));
    m_seed->setText(QString::number(config.seed));
    m_threads->setValue(static_cast<int>(config.threads));
    m_horizon->setValue(horizonMonths);
    m_volumes->setCurrentIndex(m_volumes->findData(static_cast<int>(volumes)));
    m_volumeCorrelation->setValue(demand.volumeCorrelation);
    m_priceVolumeCorrelation->setValue(demand.priceVolumeCorrelation);
}

void RiskRunSettings::setPaths(int paths)
{
    m_paths->setValue(paths);
}

void RiskRunSettings::setProposals(const std::vector<std::pair<std::string, QString>>& proposals)
{
    const QVariant current = m_hedges->currentData();
    m_hedges->clear();
    m_hedges->addItem(tr("Positions held"), QString());
    for (const auto& [id, label] : proposals)
        m_hedges->addItem(tr("Positions + %1").arg(label), QString::fromStdString(id));
    const int keep = m_hedges->findData(current);
    m_hedges->setCurrentIndex(keep >= 0 ? keep : 0);
}

std::optional<std::string> RiskRunSettings::proposalId() const
{
    const QString id = m_hedges->currentData().toString();
    return id.isEmpty() ? std::nullopt : std::optional<std::string>(id.toStdString());
}

} // namespace ch::ui
