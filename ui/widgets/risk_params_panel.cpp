#include "ui/widgets/risk_params_panel.h"

#include "ui/models/risk_param_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ch::ui {

RiskParamsPanel::RiskParamsPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new RiskParamTableModel(this))
    , m_view(new QTableView(this))
    , m_note(new QLabel(this))
{
    m_view->setObjectName(QStringLiteral("riskParamView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_note->setWordWrap(true);

    auto* resetRow = new QPushButton(tr("Reset selected"), this);
    resetRow->setToolTip(tr("Go back to the estimates for the selected index"));
    auto* resetAll = new QPushButton(tr("Reset all"), this);
    resetAll->setToolTip(tr("Remove every override: all parameters from history again"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_note, 1);
    buttons->addWidget(resetRow);
    buttons->addWidget(resetAll);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    connect(resetRow, &QPushButton::clicked, this, [this] {
        const int row = m_view->currentIndex().row();
        if (row >= 0)
            m_model->setOverrides(row, {});
    });
    connect(resetAll, &QPushButton::clicked, this, &RiskParamsPanel::resetAllRequested);
}

void RiskParamsPanel::setNote(const QString& text)
{
    m_note->setText(text);
}

} // namespace ch::ui
