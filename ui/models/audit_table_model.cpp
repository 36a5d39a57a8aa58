#include "ui/models/audit_table_model.h"

namespace ch::ui {

namespace {

//! Long canonical texts are cut for the cell; the tooltip and Qt::UserRole keep the full text.
QString cell(const std::string& text, int max = 90)
{
    const QString s = QString::fromStdString(text);
    return s.size() <= max ? s : s.left(max - 1) + QChar(0x2026);
}

} // namespace

AuditTableModel::AuditTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void AuditTableModel::setEntries(std::vector<trading::AuditEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int AuditTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int AuditTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags AuditTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable; // never editable
}

QVariant AuditTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const trading::AuditEntry& e = m_entries[static_cast<std::size_t>(index.row())];
    const std::string* full = nullptr;
    switch (index.column()) {
    case Before:
        full = &e.before;
        break;
    case After:
        full = &e.after;
        break;
    case Comment:
        full = &e.comment;
        break;
    case Hash:
        full = &e.hash;
        break;
    default:
        break;
    }
    if (role == Qt::ToolTipRole)
        return full ? QString::fromStdString(*full) : QVariant();
    if (role == Qt::UserRole) {
        if (index.column() == Seq)
            return static_cast<qlonglong>(e.seq);
        if (full)
            return QString::fromStdString(*full);
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(
            (index.column() == Seq ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    switch (index.column()) {
    case Seq:
        return QString::number(e.seq);
    case At:
        return QString::fromStdString(formatIsoTimestamp(e.at))
            .replace(QLatin1Char('T'), QLatin1Char(' '))
            .remove(QLatin1Char('Z'));
    case User:
        return QString::fromStdString(e.user);
    case Action:
        return QString::fromStdString(e.action);
    case Object:
        return QString::fromStdString(e.objectType + (e.objectId.empty() ? "" : " " + e.objectId));
    case Before:
        return cell(e.before);
    case After:
        return cell(e.after);
    case Comment:
        return cell(e.comment, 120);
    case Host:
        return QString::fromStdString(e.host);
    case Hash:
        return QString::fromStdString(e.hash.substr(0, 12));
    default:
        return {};
    }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Seq:
        return tr("Seq");
    case At:
        return tr("At (UTC)");
    case User:
        return tr("User");
    case Action:
        return tr("Action");
    case Object:
        return tr("Object");
    case Before:
        return tr("Before");
    case After:
        return tr("After");
    case Comment:
        return tr("Comment");
    case Host:
        return tr("Host");
    case Hash:
        return tr("Hash (SHA-256)");
    default:
        return {};
    }
}

} // namespace ch::ui
