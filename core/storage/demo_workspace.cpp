#include "marketdata/reference_dataset.h"
#include "storage/conversions.h"
#include "storage/demo_content.h"
#include "storage/market_data_repository.h"
#include "storage/workspace.h"
#include "storage/workspace_file.h"

#include <QDir>
#include <QFile>

#include <map>

namespace ch::storage {

namespace {

//! The reference dataset files embedded by ch::reference_data under :/data/ (file name -> text).
std::map<std::string, std::string> embeddedDatasetFiles(const std::string& operation)
{
    const QDir dir(QStringLiteral(":/data"));
    std::map<std::string, std::string> files;
    for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            throw StorageError(operation + ": cannot read embedded file " + toStd(f.fileName())
                               + " (" + toStd(f.errorString()) + ")");
        const QByteArray bytes = f.readAll();
        files.emplace(toStd(name),
                      std::string(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    }
    if (files.empty())
        throw StorageError(
            operation + ": this build has no embedded reference dataset (nothing under :/data)");
    return files;
}

} // namespace

namespace {

//! The embedded reference dataset, parsed and checked before any file is created, so a broken
//! build leaves nothing behind.
MarketDataSet embeddedReferenceDataset(const std::string& operation)
{
    auto parsed = marketdata::parseDatasetFiles(embeddedDatasetFiles(operation));
    if (parsed.hasErrors()) {
        sortIssues(parsed.issues);
        std::string message = operation + ": the embedded reference dataset has errors:";
        for (const Issue& issue : parsed.issues)
            if (issue.severity == Severity::Error)
                message += "\n" + issue.toString();
        throw StorageError(message);
    }
    return std::move(parsed.value);
}

//! Creates `file` and fills it with `fill`; on any failure removes the half-made file.
template <class Fill>
Workspace createAndFill(const std::filesystem::path& file, Fill fill)
{
    Workspace workspace = Workspace::create(file);
    try {
        fill(workspace);
    } catch (...) {
        // The file is new and ours: do not leave a half-seeded workspace behind.
        {
            Workspace closing = std::move(workspace);
        }
        removeWorkspaceFiles(file);
        throw;
    }
    return workspace;
}

} // namespace

Workspace Workspace::createWithReferenceData(const std::filesystem::path& file)
{
    const MarketDataSet reference =
        embeddedReferenceDataset("creating the workspace '" + displayName(file) + "'");
    return createAndFill(
        file, [&](Workspace& workspace) { MarketDataRepository(workspace).replaceAll(reference); });
}

Workspace Workspace::createDemo(const std::filesystem::path& file)
{
    const MarketDataSet reference =
        embeddedReferenceDataset("creating the demo workspace '" + displayName(file) + "'");
    return createAndFill(file, [&](Workspace& workspace) {
        MarketDataRepository(workspace).replaceAll(reference);
        seedDemoContent(workspace, reference);
    });
}

} // namespace ch::storage
