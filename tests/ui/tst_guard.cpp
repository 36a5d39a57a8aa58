#include "domain/error.h"
#include "test_registry.h"
#include "ui/guard.h"

#include <QApplication>
#include <QMessageBox>
#include <QTest>
#include <QTimer>
#include <QUnhandledException>

#include <stdexcept>

using namespace ch;
using namespace ch::ui;

namespace {

template <class E>
std::exception_ptr thrown(E e)
{
    try {
        throw e;
    } catch (...) {
        return std::current_exception();
    }
}

} // namespace

class TestGuard : public QObject
{
    Q_OBJECT
private slots:
    void describesStorageErrors()
    {
        const Failure f = describeFailure(thrown(StorageError("opening 'q3.chw': disk full")));
        QCOMPARE(f.kind, QString("Workspace error"));
        QCOMPARE(f.message, QString("opening 'q3.chw': disk full"));
    }

    void describesBrokenPreconditionsWithLocation()
    {
        std::exception_ptr error;
        int line = 0;
        try {
            line = __LINE__ + 1;
            require(false, "curveMonths = 0; expected at least 1");
        } catch (...) {
            error = std::current_exception();
        }
        const Failure f = describeFailure(error);
        QCOMPARE(f.kind, QString("Internal error"));
        QVERIFY2(f.message.startsWith("curveMonths = 0; expected at least 1 (check failed at "),
                 qPrintable(f.message));
        QVERIFY2(f.message.endsWith(QStringLiteral("tst_guard.cpp:%1)").arg(line)),
                 qPrintable(f.message));
    }

    void describesOtherExceptions()
    {
        QCOMPARE(describeFailure(thrown(std::invalid_argument("bad"))).message, QString("bad"));
        QCOMPARE(describeFailure(thrown(std::invalid_argument("bad"))).kind, QString("Error"));
        QCOMPARE(describeFailure(thrown(42)).message,
                 QString("unknown failure (not a std::exception)"));
        QCOMPARE(describeFailure(thrown(BrokerError("logon refused"))).kind,
                 QString("Broker error"));
    }

    void unwrapsWorkerExceptions()
    {
        // QtConcurrent wraps a non-QException in QUnhandledException; the original is reported.
        const QUnhandledException wrapped(thrown(StorageError("saving order 42")));
        const Failure f = describeFailure(thrown(wrapped));
        QCOMPARE(f.kind, QString("Workspace error"));
        QCOMPARE(f.message, QString("saving order 42"));
    }

    void guardRunsTheAction()
    {
        int runs = 0;
        QVERIFY(guard(nullptr, "Count", [&] { ++runs; }));
        QCOMPARE(runs, 1);
    }

    void guardReportsAndReturnsFalse()
    {
        // The failure dialog is modal: close it from the event loop it runs, recording its text.
        QString title;
        QString details;
        QTimer closer;
        closer.setInterval(10);
        connect(&closer, &QTimer::timeout, this, [&] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                title = box->windowTitle();
                details = box->informativeText();
                box->accept();
            }
        });
        closer.start();
        QTest::ignoreMessage(QtWarningMsg,
                             "Open workspace failed: Workspace error: 'x.chw' is not a workspace");
        const bool ok = guard(
            nullptr, "Open workspace", [] { throw StorageError("'x.chw' is not a workspace"); });
        closer.stop();
        QVERIFY(!ok);
        QCOMPARE(title, QString("Open workspace failed"));
        QCOMPARE(details, QString("Workspace error: 'x.chw' is not a workspace"));
    }
};

CH_REGISTER_TEST(TestGuard);
#include "tst_guard.moc"
