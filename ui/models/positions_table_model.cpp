#include "ui/models/positions_table_model.h"

#include "pricing/calendar.h"
#include "ui/format.h"

#include <QColor>

namespace ch::ui {

std::vector<PositionRow> positionRows(const std::vector<trading::Position>& positions,
                                      const std::vector<trading::Mark>& marks,
                                      const storage::DeskMarket& market,
                                      Date today)
{
    std::vector<PositionRow> out;
    for (const auto& p : positions) {
        PositionRow row;
        row.position = p;
        row.unit = market.spec(p.symbol).unit;
        row.mark = market.currentMark(p, marks, today);
        row.net = p.netRealisedPnl();
        row.expired =
            !p.settled && p.netQty != 0 && pricing::lastBusinessDay(p.deliveryMonth) < today;
        if (row.mark) {
            row.unrealised = trading::unrealisedPnl(p, row.mark->priceMicros);
            row.net = row.net + *row.unrealised;
        }
        out.push_back(std::move(row));
    }
    return out;
}

PositionTotals positionTotals(const std::vector<PositionRow>& rows)
{
    PositionTotals t;
    for (const auto& r : rows) {
        t.realised += r.position.realisedPnl;
        t.fees += r.position.fees;
        t.net += r.net;
        if (r.unrealised)
            t.unrealised += *r.unrealised;
        else if (r.position.netQty != 0)
            ++t.unmarked;
    }
    return t;
}

PositionsTableModel::PositionsTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void PositionsTableModel::setRows(std::vector<PositionRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int PositionsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PositionsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PositionsTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PositionRow& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::UserRole:
        return raw(row, index.column());
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(
            (index.column() <= Month || index.column() == MarkDate || index.column() == Status
                 ? Qt::AlignLeft
                 : Qt::AlignRight)
            | Qt::AlignVCenter));
    case Qt::ForegroundRole: {
        const int c = index.column();
        const std::optional<Money> amount =
            c == Unrealised
                ? row.unrealised
                : (c == Realised ? std::optional<Money>(row.position.realisedPnl)
                                 : (c == Net ? std::optional<Money>(row.net) : std::nullopt));
        if (amount && amount->minorUnits() < 0)
            return QColor(176, 0, 32); // losses in red; the sign is shown too
        return {};
    }
    case Qt::ToolTipRole:
        if (index.column() == Mark && row.mark)
            return QString::fromStdString(row.mark->source);
        if (index.column() == Status && row.position.settled)
            return tr("Cash-settled at the business-day average of the underlying index; the "
                      "settlement P&L is in Realised and its fee in Fees");
        if (index.column() == Status && row.expired)
            return tr("The last trading day has passed: use \"Settle expired\"");
        return {};
    default:
        return {};
    }
}

QVariant PositionsTableModel::display(const PositionRow& row, int column) const
{
    const trading::Position& p = row.position;
    switch (column) {
    case Contract:
        return QString::fromStdString(p.symbol);
    case Month:
        return format::month(p.deliveryMonth);
    case NetQty:
        return format::integer(p.netQty);
    case AveragePrice:
        return p.netQty == 0 ? QString()
                             : format::unitPriceValue(
                                 static_cast<double>(p.averagePriceMicros()) / 1e6, row.unit);
    case Mark:
        return row.mark ? format::unitPriceValue(static_cast<double>(row.mark->priceMicros) / 1e6,
                                                 row.unit)
                        : format::notAvailable();
    case MarkDate:
        return row.mark ? format::date(row.mark->date) : QString();
    case Unrealised:
        return row.unrealised ? format::money(*row.unrealised) : format::notAvailable();
    case Realised:
        return format::money(p.realisedPnl);
    case Fees:
        return format::money(p.fees);
    case Net:
        return format::money(row.net);
    case Status:
        return p.settled ? tr("Settled") : (row.expired ? tr("Expired, not settled") : QString());
    default:
        return {};
    }
}

QVariant PositionsTableModel::raw(const PositionRow& row, int column) const
{
    const trading::Position& p = row.position;
    switch (column) {
    case NetQty:
        return static_cast<qlonglong>(p.netQty);
    case AveragePrice:
        return static_cast<qlonglong>(p.averagePriceMicros());
    case Mark:
        return row.mark ? QVariant(static_cast<qlonglong>(row.mark->priceMicros)) : QVariant();
    case Unrealised:
        return row.unrealised ? QVariant(static_cast<qlonglong>(row.unrealised->minorUnits()))
                              : QVariant();
    case Realised:
        return static_cast<qlonglong>(p.realisedPnl.minorUnits());
    case Fees:
        return static_cast<qlonglong>(p.fees.minorUnits());
    case Net:
        return static_cast<qlonglong>(row.net.minorUnits());
    default:
        return display(row, column);
    }
}

QVariant PositionsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Contract:
        return tr("Contract");
    case Month:
        return tr("Delivery month");
    case NetQty:
        return tr("Net qty (contracts)");
    case AveragePrice:
        return tr("Avg price (USD/unit)");
    case Mark:
        return tr("Mark (USD/unit)");
    case MarkDate:
        return tr("Mark as of");
    case Unrealised:
        return tr("Unrealised (USD)");
    case Realised:
        return tr("Realised (USD)");
    case Fees:
        return tr("Fees (USD)");
    case Net:
        return tr("Net P&L (USD)");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace ch::ui
