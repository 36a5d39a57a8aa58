#include "ui/guard.h"

#include "domain/error.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QUnhandledException>
#include <QtDebug>

namespace ch::ui {

Failure describeFailure(std::exception_ptr error)
{
    if (!error)
        return {QCoreApplication::translate("Guard", "Error"),
                QCoreApplication::translate("Guard", "unknown failure")};
    try {
        std::rethrow_exception(error);
    } catch (const QUnhandledException& e) {
        // QtConcurrent wraps exceptions that are not QExceptions; report the original.
        if (e.exception())
            return describeFailure(e.exception());
        return {QCoreApplication::translate("Guard", "Error"),
                QCoreApplication::translate("Guard",
                                            "a background task failed with an unknown exception")};
    } catch (const StorageError& e) {
        return {QCoreApplication::translate("Guard", "Workspace error"),
                QString::fromStdString(e.what())};
    } catch (const BrokerError& e) {
        return {QCoreApplication::translate("Guard", "Broker error"),
                QString::fromStdString(e.what())};
    } catch (const Error& e) {
        // A broken precondition is a bug, not the user's fault: say where it was detected so
        // a bug report can name it.
        const QString where = QStringLiteral("%1:%2")
                                  .arg(QString::fromUtf8(e.where().file_name()))
                                  .arg(e.where().line());
        return {QCoreApplication::translate("Guard", "Internal error"),
                QCoreApplication::translate("Guard", "%1 (check failed at %2)")
                    .arg(QString::fromStdString(e.what()), where)};
    } catch (const std::exception& e) {
        return {QCoreApplication::translate("Guard", "Error"), QString::fromStdString(e.what())};
    } catch (...) {
        return {QCoreApplication::translate("Guard", "Error"),
                QCoreApplication::translate("Guard", "unknown failure (not a std::exception)")};
    }
}

void reportFailure(QWidget* parent, const QString& action, const Failure& failure)
{
    qWarning().noquote()
        << QStringLiteral("%1 failed: %2: %3").arg(action, failure.kind, failure.message);
    QMessageBox box(QMessageBox::Critical,
                    QCoreApplication::translate("Guard", "%1 failed").arg(action),
                    QCoreApplication::translate("Guard", "%1 did not complete.").arg(action),
                    QMessageBox::Ok,
                    parent);
    box.setInformativeText(QStringLiteral("%1: %2").arg(failure.kind, failure.message));
    box.setObjectName(QStringLiteral("failureBox"));
    box.exec();
}

} // namespace ch::ui
