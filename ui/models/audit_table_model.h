#pragma once

#include "trading/audit.h"

#include <QAbstractTableModel>

#include <vector>

namespace ch::ui {

//! The audit log, read-only (market.md §4.6: audit views are read-only): one row per entry in seq
//! order. Flags never include ItemIsEditable. Qt::UserRole gives seq and the full texts.
class AuditTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Seq, At, User, Action, Object, Before, After, Comment, Host, Hash, ColumnCount };

    explicit AuditTableModel(QObject* parent = nullptr);

    void setEntries(std::vector<trading::AuditEntry> entries);
    const std::vector<trading::AuditEntry>& entries() const { return m_entries; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<trading::AuditEntry> m_entries;
};

} // namespace ch::ui
