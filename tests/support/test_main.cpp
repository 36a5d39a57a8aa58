#include "test_paths.h"
#include "test_registry.h"

#ifdef CH_TEST_GUI
#include <QApplication>
#else
#include <QCoreApplication>
#endif
#include <QTest>

#include <cstdio>

namespace ch::test {

std::vector<RegisteredTest>& registry()
{
    static std::vector<RegisteredTest> tests;
    return tests;
}

QString sourceDir()
{
    return qEnvironmentVariable("CH_SOURCE_DIR", QStringLiteral(CH_DEFAULT_SOURCE_DIR));
}

QString binaryDir()
{
    return qEnvironmentVariable("CH_BINARY_DIR", QStringLiteral(CH_DEFAULT_BINARY_DIR));
}

} // namespace ch::test

// Runs every registered test class; an argument naming a class runs only that one, the remaining
// arguments go to QTest (e.g. `tst_domain TestDates parseIsoDate`).
int main(int argc, char** argv)
{
#ifdef CH_TEST_GUI
    QApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    QString only;
    QStringList qtestArgs{QString::fromLocal8Bit(argv[0])};
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (i == 1 && !arg.startsWith('-'))
            only = arg;
        else
            qtestArgs << arg;
    }
    int failedClasses = 0;
    int ran = 0;
    for (const auto& t : ch::test::registry()) {
        if (!only.isEmpty() && only != QString::fromStdString(t.name))
            continue;
        auto obj = t.make();
        ++ran;
        if (QTest::qExec(obj.get(), qtestArgs) != 0)
            ++failedClasses;
    }
    std::printf("%d test classes run, %d failed\n", ran, failedClasses);
    return failedClasses == 0 && ran > 0 ? 0 : 1;
}
