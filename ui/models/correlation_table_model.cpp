#include "ui/models/correlation_table_model.h"

#include "ui/conversions.h"
#include "ui/format.h"

#include <algorithm>
#include <cmath>

namespace ch::ui {

namespace {

// ColorBrewer RdBu (11-class) end points and its white-ish midpoint replaced by pure white.
constexpr int kNegative[3] = {33, 102, 172}; // #2166AC
constexpr int kPositive[3] = {178, 24, 43};  // #B2182B

int mix(int from, int to, double t)
{
    return static_cast<int>(std::lround(from + (to - from) * t));
}

} // namespace

QColor correlationColour(double rho)
{
    if (std::isnan(rho))
        return QColor(224, 224, 224);
    const double r = std::clamp(rho, -1.0, 1.0);
    const int* end = r >= 0.0 ? kPositive : kNegative;
    const double t = std::fabs(r);
    return QColor(mix(255, end[0], t), mix(255, end[1], t), mix(255, end[2], t));
}

QColor correlationTextColour(double rho)
{
    // Past |rho| = 0.6 the background is dark enough that black text loses contrast.
    return !std::isnan(rho) && std::fabs(rho) > 0.6 ? QColor(Qt::white) : QColor(Qt::black);
}

CorrelationTableModel::CorrelationTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void CorrelationTableModel::setEstimate(pricing::CorrelationEstimate estimate,
                                        std::vector<IndexDefinition> indices)
{
    beginResetModel();
    m_estimate = std::move(estimate);
    m_indices = std::move(indices);
    endResetModel();
}

int CorrelationTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_estimate.indexIds.size());
}

int CorrelationTableModel::columnCount(const QModelIndex& parent) const
{
    return rowCount(parent);
}

QString CorrelationTableModel::nameOf(int i) const
{
    const std::string& id = m_estimate.indexIds[static_cast<std::size_t>(i)];
    const auto it = std::find_if(
        m_indices.begin(), m_indices.end(), [&](const IndexDefinition& d) { return d.id == id; });
    return it == m_indices.end() ? toQString(id) : toQString(it->name);
}

QVariant CorrelationTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto n = static_cast<Eigen::Index>(m_estimate.indexIds.size());
    if (m_estimate.matrix.rows() != n || m_estimate.matrix.cols() != n)
        return {};
    const double rho = m_estimate.matrix(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        return format::correlation(rho);
    case Qt::UserRole:
        return rho;
    case Qt::BackgroundRole:
        return correlationColour(rho);
    case Qt::ForegroundRole:
        return correlationTextColour(rho);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
    case Qt::ToolTipRole:
        return tr("%1 vs %2: %3")
            .arg(nameOf(index.row()), nameOf(index.column()), format::correlation(rho));
    default:
        return {};
    }
}

QVariant CorrelationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section < 0 || section >= rowCount())
        return {};
    // Columns are numbered so that 17 ids fit across; each row names its number and id.
    const QString number = QString::number(section + 1);
    if (role == Qt::DisplayRole)
        return orientation == Qt::Horizontal
                   ? number
                   : QStringLiteral("%1  %2").arg(
                       number, toQString(m_estimate.indexIds[static_cast<std::size_t>(section)]));
    if (role == Qt::ToolTipRole)
        return QStringLiteral("%1 %2 (%3)")
            .arg(number,
                 toQString(m_estimate.indexIds[static_cast<std::size_t>(section)]),
                 nameOf(section));
    return {};
}

} // namespace ch::ui
