#pragma once

#include "domain/market.h"
#include "domain/money.h"
#include "storage/desk_market.h"
#include "trading/pnl_series.h"
#include "trading/positions.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace ch::ui {

//! One row of the Positions page: a position, the mark it is valued at and core's unrealised P&L
//! against that mark (trading::unrealisedPnl); net = realised − fees + unrealised.
struct PositionRow
{
    trading::Position position;
    Unit unit = Unit::GpuHour;
    std::optional<storage::PositionMark> mark;
    std::optional<Money> unrealised; //!< empty without a mark
    Money net;                       //!< netRealisedPnl() plus unrealised (when marked)
    //! Open, not settled, and its last trading day (pricing::lastBusinessDay) is before today:
    //! waiting for cash settlement (storage::settleExpiredPositions).
    bool expired = false;
};

struct PositionTotals
{
    Money unrealised;
    Money realised;
    Money fees;
    Money net;
    int unmarked = 0; //!< open positions without a mark (their unrealised P&L is missing)
};

//! Rows for `positions` valued with market.currentMark (the newest stored mark up to `today`,
//! else the reference price), flagged expired as of `today`, and their totals.
std::vector<PositionRow> positionRows(const std::vector<trading::Position>& positions,
                                      const std::vector<trading::Mark>& marks,
                                      const storage::DeskMarket& market,
                                      Date today);
PositionTotals positionTotals(const std::vector<PositionRow>& rows);

//! Positions per contract × delivery month, read-only, with their settlement status. DisplayRole
//! formatted (prices in USD per unit, money in USD with cents); Qt::UserRole raw (contracts,
//! micros, cents).
class PositionsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Contract,
        Month,
        NetQty,
        AveragePrice,
        Mark,
        MarkDate,
        Unrealised,
        Realised,
        Fees,
        Net,
        Status, //!< "Settled", "Expired, not settled" or empty
        ColumnCount
    };

    explicit PositionsTableModel(QObject* parent = nullptr);

    void setRows(std::vector<PositionRow> rows);
    const std::vector<PositionRow>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const PositionRow& row, int column) const;
    QVariant raw(const PositionRow& row, int column) const;

    std::vector<PositionRow> m_rows;
};

} // namespace ch::ui
