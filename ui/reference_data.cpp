#include "ui/reference_data.h"

#include "marketdata/reference_dataset.h"

#include <QDir>
#include <QFile>

#include <stdexcept>

namespace ch::ui {

std::map<std::string, std::string> embeddedDatasetFiles()
{
    const QDir dir(QStringLiteral(":/data"));
    std::map<std::string, std::string> files;
    for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            throw std::runtime_error("reading the embedded file " + file.fileName().toStdString()
                                     + " failed: " + file.errorString().toStdString());
        files.emplace(name.toStdString(), file.readAll().toStdString());
    }
    if (files.empty())
        throw std::runtime_error("this build embeds no reference dataset (nothing under :/data)");
    return files;
}

MarketDataSet embeddedReferenceDataset()
{
    Parsed<MarketDataSet> parsed = marketdata::parseDatasetFiles(embeddedDatasetFiles());
    if (parsed.hasErrors()) {
        sortIssues(parsed.issues);
        std::string message = "the embedded reference dataset has errors:";
        for (const Issue& issue : parsed.issues) {
            if (issue.severity == Severity::Error)
                message += "\n" + issue.toString();
        }
        throw std::runtime_error(message);
    }
    return std::move(parsed.value);
}

} // namespace ch::ui
