#pragma once

#include "domain/issue.h"

#include <QAbstractTableModel>

#include <vector>

namespace ch::ui {

//! Problems found in user input (a CSV import, a form), one row per Issue, sorted by line (ties
//! keep their original order) so the table reads top to bottom like the file. Line 0 means the
//! whole file and sorts last, after the rows it may summarise.
class IssueTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Line, ColumnName, SeverityColumn, Message, ColumnCount };

    explicit IssueTableModel(QObject* parent = nullptr);

    void setIssues(std::vector<Issue> issues);
    const std::vector<Issue>& issues() const { return m_issues; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Issue> m_issues;
};

} // namespace ch::ui
