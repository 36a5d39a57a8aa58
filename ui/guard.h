#pragma once

#include <QString>

#include <exception>
#include <functional>
#include <utility>

class QWidget;

namespace ch::ui {

//! What went wrong, in words for a dialog and the log.
struct Failure
{
    QString kind;    //!< "Workspace error", "Internal error", "Error", ...
    QString message; //!< the exception's text (plus where a ch::Error check failed)
};

//! Classifies an exception: ch::StorageError, ch::BrokerError, ch::Error (with its source
//! location), any std::exception; a QUnhandledException from a worker is unwrapped first.
Failure describeFailure(std::exception_ptr error);

//! Shows a modal critical message box naming `action` and the failure, and logs it with qWarning.
void reportFailure(QWidget* parent, const QString& action, const Failure& failure);

//! The one door every user action goes through (STYLE.md §4): runs `action` and returns true, or
//! catches whatever it threw, reports it (dialog + log) and returns false. Exceptions never cross a
//! Qt slot or the event loop. `actionName` is shown to the user, e.g. tr("Open workspace").
template <class F>
bool guard(QWidget* parent, const QString& actionName, F&& action)
{
    try {
        std::invoke(std::forward<F>(action));
        return true;
    } catch (...) {
        reportFailure(parent, actionName, describeFailure(std::current_exception()));
        return false;
    }
}

} // namespace ch::ui
