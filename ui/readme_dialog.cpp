#include "ui/readme_dialog.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <stdexcept>

namespace ch::ui {

QString referenceReadmeMarkdown()
{
    QFile file(QString::fromLatin1(kReferenceReadmeResource));
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error(std::string("the reference data README (")
                                 + kReferenceReadmeResource
                                 + ") is not embedded in this build; see resources/data/README.md "
                                   "in the source tree");
    return QString::fromUtf8(file.readAll());
}

void showReferenceReadme(QWidget* parent)
{
    const QString markdown = referenceReadmeMarkdown();
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("referenceReadmeDialog"));
    dialog.setWindowTitle(QCoreApplication::translate("ReadmeDialog", "Reference data"));
    auto* browser = new QTextBrowser(&dialog);
    browser->setOpenExternalLinks(true);
    browser->setMarkdown(markdown);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    dialog.resize(820, 700);
    dialog.exec();
}

} // namespace ch::ui
