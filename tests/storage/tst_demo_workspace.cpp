#include "marketdata/reference_dataset.h"
#include "storage/demo_content.h"
#include "storage/market_data_repository.h"
#include "storage/workspace.h"
#include "storage_test_support.h"
#include "test_registry.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace ch;
using namespace ch::storage;
using namespace ch::storage::test;

namespace {

//! The embedded dataset as the demo reads it, parsed independently of Workspace.
Parsed<MarketDataSet> embeddedDataset()
{
    std::map<std::string, std::string> files;
    const QDir dir(":/data");
    for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            files.emplace(name.toStdString(), f.readAll().toStdString());
    }
    return marketdata::parseDatasetFiles(files);
}

} // namespace

class TestDemoWorkspace : public QObject
{
    Q_OBJECT
    std::optional<QTemporaryDir> m_dir;

private slots:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    void demoHoldsTheEmbeddedDataset()
    {
        QVERIFY2(!QDir(":/data").isEmpty(), "no reference dataset embedded under :/data");
        const auto expected = embeddedDataset();
        QVERIFY(!expected.hasErrors());
        QVERIFY(!expected.value.indices.empty());

        const auto path = pathOf(m_dir->filePath("demo.chw"));
        {
            Workspace ws = Workspace::createDemo(path);
            QCOMPARE(ws.setting(kSettingOrigin),
                     std::optional<std::string>("demo " + expected.value.info.version));
            QCOMPARE(ws.setting(kSettingValuationDate),
                     std::optional<std::string>(formatIsoDate(expected.value.info.valuationDate)));
        }
        Workspace ws = Workspace::open(path);
        const MarketDataSet loaded = MarketDataRepository(ws).loadAll();
        QVERIFY(loaded.info == expected.value.info);
        QVERIFY(loaded.indices == expected.value.indices);
        QVERIFY(loaded.contracts == expected.value.contracts);
        QVERIFY(loaded.events == expected.value.events);
        QCOMPARE(loaded.series.size(), expected.value.series.size());
        for (std::size_t i = 0; i < loaded.series.size(); ++i) {
            const auto& a = loaded.series[i];
            const auto* e = expected.value.findSeries(a.indexId);
            QVERIFY2(e != nullptr, a.indexId.c_str());
            QCOMPARE(a.points.size(), e->points.size());
            for (std::size_t k = 0; k < a.points.size(); ++k) {
                QCOMPARE(a.points[k].date, e->points[k].date);
                // Stored as integer micro-USD: equal to the file's value rounded to 1e-6.
                QVERIFY(std::abs(a.points[k].usd - e->points[k].usd) <= 0.5e-6 + 1e-12);
            }
        }
    }

    void newWorkspaceHoldsReferenceDataOnly()
    {
        const auto expected = embeddedDataset();
        QVERIFY(!expected.hasErrors());
        const auto path = pathOf(m_dir->filePath("new.chw"));
        {
            Workspace ws = Workspace::createWithReferenceData(path);
            QCOMPARE(ws.setting(kSettingOrigin), std::optional<std::string>());
        }
        Workspace ws = Workspace::open(path);
        const MarketDataSet loaded = MarketDataRepository(ws).loadAll();
        QVERIFY(loaded.info == expected.value.info);
        QVERIFY(loaded.indices == expected.value.indices);
        QVERIFY(loaded.contracts == expected.value.contracts);
        QCOMPARE(loaded.series.size(), expected.value.series.size());
    }

    void newWorkspaceRefusesExistingFile()
    {
        const auto path = pathOf(m_dir->filePath("taken.chw"));
        writeFile(path, "mine");
        QCOMPARE(storageErrorOf([&] { Workspace::createWithReferenceData(path); }),
                 QString("cannot create workspace 'taken.chw': a file with that name already "
                         "exists"));
        QCOMPARE(readFile(path), QByteArray("mine"));
    }

    void demoRefusesExistingFile()
    {
        const auto path = pathOf(m_dir->filePath("demo.chw"));
        writeFile(path, "mine");
        QCOMPARE(storageErrorOf([&] { Workspace::createDemo(path); }),
                 QString("cannot create workspace 'demo.chw': a file with that name already "
                         "exists"));
        QCOMPARE(readFile(path), QByteArray("mine"));
    }
};
CH_REGISTER_TEST(TestDemoWorkspace);

#include "tst_demo_workspace.moc"
