#include "storage/connection.h"

#include "storage/conversions.h"
#include "storage/sql.h"

#include <QDebug>
#include <QSqlQuery>
#include <QUuid>

namespace ch::storage {

Connection::Connection(const std::filesystem::path& file, Mode mode, const std::string& operation)
    : m_name(QStringLiteral("ch.workspace.") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_file(file)
    , m_mode(mode)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    // A busy timeout lets a second connection wait for a writer instead of failing at once.
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
    if (mode == Mode::ReadOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(options);
    db.setDatabaseName(toQString(file));
    if (!db.open()) {
        const QSqlError error = db.lastError();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
        throw StorageError(failureMessage(operation, file, error));
    }
}

Connection::~Connection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen() && m_mode == Mode::ReadWrite) {
            // Folds the write-ahead log into the main file and empties it (reliability.md §4).
            // A failure here loses nothing: SQLite replays the log on the next open.
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
                qWarning() << "ch::storage: checkpoint of" << toQString(m_file)
                           << "failed:" << q.lastError().databaseText();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase Connection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

} // namespace ch::storage
