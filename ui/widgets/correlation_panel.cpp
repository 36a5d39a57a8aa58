#include "ui/widgets/correlation_panel.h"

#include "ui/format.h"
#include "ui/models/correlation_table_model.h"
#include "ui/models/vol_table_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace ch::ui {

namespace {

QString swatch(double rho)
{
    return QStringLiteral("<span style=\"background:%1;color:%2\">&nbsp;%3&nbsp;</span>")
        .arg(correlationColour(rho).name(),
             correlationTextColour(rho).name(),
             format::correlation(rho));
}

} // namespace

CorrelationPanel::CorrelationPanel(QWidget* parent)
    : QWidget(parent)
    , m_correlationModel(new CorrelationTableModel(this))
    , m_volModel(new VolTableModel(this))
    , m_correlationView(new QTableView(this))
    , m_volView(new QTableView(this))
    , m_note(new QLabel(this))
{
    m_correlationView->setObjectName(QStringLiteral("correlationView"));
    m_correlationView->setModel(m_correlationModel);
    m_correlationView->setSelectionMode(QAbstractItemView::NoSelection);
    m_correlationView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_correlationView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_correlationView->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    m_volView->setObjectName(QStringLiteral("volView"));
    m_volView->setModel(m_volModel);
    m_volView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_volView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_volView->verticalHeader()->hide();
    m_volView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_volView->horizontalHeader()->setStretchLastSection(true);
    m_volView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_volView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_volView->setMinimumWidth(360);

    auto* title = new QLabel(tr("<b>Correlation of daily log returns</b>"), this);
    auto* key =
        new QLabel(tr("Colour key: %1 %2 %3 %4 %5")
                       .arg(swatch(-1.0), swatch(-0.5), swatch(0.0), swatch(0.5), swatch(1.0)),
                   this);
    key->setTextFormat(Qt::RichText);
    m_note->setWordWrap(true);

    auto* left = new QVBoxLayout;
    left->addWidget(title);
    left->addWidget(m_correlationView, 1);
    left->addWidget(key);
    left->addWidget(m_note);
    auto* right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("<b>Volatility</b>"), this));
    right->addWidget(m_volView, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 1);
    layout->addLayout(right, 0);
}

void CorrelationPanel::setMarket(const MarketDataSet& market,
                                 const pricing::MarketSnapshot& snapshot)
{
    m_correlationModel->setEstimate(snapshot.correlation, market.indices);
    m_volModel->setVols(snapshot.vols, market.indices);
    QString note =
        tr("Estimated from %1 daily observations up to %2.")
            .arg(format::integer(static_cast<std::int64_t>(snapshot.correlation.observations)),
                 format::date(snapshot.valuationDate));
    if (snapshot.correlation.repaired)
        note += QLatin1Char(' ')
                + tr("The pairwise estimate was not a valid correlation matrix and was repaired "
                     "to the nearest valid one (Higham 2002); Frobenius distance %1.")
                      .arg(snapshot.correlation.repairFrobenius < 0.00005
                               ? tr("below 0.0001")
                               : format::number(snapshot.correlation.repairFrobenius, 4));
    m_note->setText(note);
}

void CorrelationPanel::clear()
{
    m_correlationModel->setEstimate({}, {});
    m_volModel->setVols({}, {});
    m_note->clear();
}

} // namespace ch::ui
