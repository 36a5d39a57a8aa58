#include "ui/models/issue_table_model.h"

#include "ui/conversions.h"
#include "ui/format.h"

#include <algorithm>
#include <limits>

namespace ch::ui {

IssueTableModel::IssueTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void IssueTableModel::setIssues(std::vector<Issue> issues)
{
    beginResetModel();
    m_issues = std::move(issues);
    // Whole-file issues (line 0) go last: besides "the file is empty" (then the only issue) they
    // summarise the rows above, e.g. "12 more problems not listed; fix the ones above first".
    const auto key = [](const Issue& i) {
        return i.line > 0 ? i.line : std::numeric_limits<int>::max();
    };
    std::stable_sort(m_issues.begin(), m_issues.end(), [&](const Issue& a, const Issue& b) {
        return key(a) < key(b);
    });
    endResetModel();
}

int IssueTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_issues.size());
}

int IssueTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IssueTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Issue& issue = m_issues[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Line:
            return issue.line > 0 ? format::integer(issue.line) : tr("(file)");
        case ColumnName:
            return toQString(issue.field);
        case SeverityColumn:
            return issue.severity == Severity::Error ? tr("Error") : tr("Warning");
        case Message:
            return toQString(issue.message);
        default:
            return {};
        }
    case Qt::UserRole:
        switch (index.column()) {
        case Line:
            return issue.line;
        case SeverityColumn:
            return issue.severity == Severity::Error ? 1 : 0;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        return toQString(issue.toString());
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(
            (index.column() == Line ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant IssueTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Line:
        return tr("Line");
    case ColumnName:
        return tr("Column");
    case SeverityColumn:
        return tr("Severity");
    case Message:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace ch::ui
