#include "ui/widgets/welcome_widget.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ch::ui {

WelcomeWidget::WelcomeWidget(QWidget* parent)
    : QWidget(parent)
    , m_recent(new QListWidget(this))
{
    setObjectName(QStringLiteral("welcomeWidget"));
    auto* title = new QLabel(tr("<h2>ComputeHedge</h2>"), this);
    auto* intro = new QLabel(tr("Budget and hedge your compute spend (GPU-hours and LLM tokens) "
                                "against reference price indices and simulated futures. Your "
                                "plans, positions and orders live in a workspace file (*.chw)."),
                             this);
    intro->setWordWrap(true);
    auto* demo = new QPushButton(tr("Open the demo workspace"), this);
    demo->setDefault(true);
    auto* open = new QPushButton(tr("Open a workspace…"), this);
    auto* create = new QPushButton(tr("New workspace…"), this);
    connect(demo, &QPushButton::clicked, this, &WelcomeWidget::openDemoRequested);
    connect(open, &QPushButton::clicked, this, &WelcomeWidget::openRequested);
    connect(create, &QPushButton::clicked, this, &WelcomeWidget::newRequested);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit recentRequested(item->data(Qt::UserRole).toString());
    });

    auto* column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(intro);
    column->addSpacing(12);
    column->addWidget(demo);
    column->addWidget(open);
    column->addWidget(create);
    column->addSpacing(12);
    column->addWidget(new QLabel(tr("Recent workspaces (double-click to open):"), this));
    column->addWidget(m_recent, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(column, 2);
    layout->addStretch(1);
}

void WelcomeWidget::setRecentWorkspaces(const QStringList& paths)
{
    m_recent->clear();
    for (const QString& path : paths) {
        auto* item = new QListWidgetItem(path, m_recent);
        item->setData(Qt::UserRole, path);
    }
}

} // namespace ch::ui
