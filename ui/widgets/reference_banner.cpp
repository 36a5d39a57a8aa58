#include "ui/widgets/reference_banner.h"

#include "ui/guard.h"
#include "ui/readme_dialog.h"

#include <QHBoxLayout>
#include <QLabel>

namespace ch::ui {

ReferenceBanner::ReferenceBanner(QWidget* parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("referenceBanner"));
    setFrameShape(QFrame::StyledPanel);
    // A pale amber notice: visible without looking like an error.
    setStyleSheet(QStringLiteral("#referenceBanner { background: #fff6d6; border: 1px solid "
                                 "#e3c766; border-radius: 3px; } QLabel { color: #3d3000; }"));
    m_label->setTextFormat(Qt::RichText);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_label);
    connect(m_label, &QLabel::linkActivated, this, [this] {
        guard(this, tr("Show the reference data README"), [this] { showReferenceReadme(this); });
    });
    updateText();
}

void ReferenceBanner::setDatasetDetails(const QString& details)
{
    m_details = details;
    updateText();
}

QString ReferenceBanner::text() const
{
    return m_label->text();
}

void ReferenceBanner::updateText()
{
    QString html = QStringLiteral("<b>%1</b>")
                       .arg(tr("Reference dataset calibrated to public index levels — not live "
                               "quotes.")
                                .toHtmlEscaped());
    if (!m_details.isEmpty())
        html += QStringLiteral(" %1").arg(m_details.toHtmlEscaped());
    html += QStringLiteral(" <a href=\"readme\">%1</a>").arg(tr("How the data was built…"));
    m_label->setText(html);
}

} // namespace ch::ui
