#include "ui/models/contract_table_model.h"

#include "domain/error.h"
#include "domain/units.h"
#include "ui/conversions.h"
#include "ui/format.h"

namespace ch::ui {

namespace {

bool isNumeric(int column)
{
    return column == ContractTableModel::ContractSize || column == ContractTableModel::Tick
           || column == ContractTableModel::MonthsListed
           || column == ContractTableModel::InitialMargin
           || column == ContractTableModel::FeePerSide;
}

} // namespace

ContractTableModel::ContractTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void ContractTableModel::setContracts(std::vector<ContractSpec> contracts)
{
    beginResetModel();
    m_contracts = std::move(contracts);
    endResetModel();
}

int ContractTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_contracts.size());
}

int ContractTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContractTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ContractSpec& spec = m_contracts[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(spec, index.column());
    case Qt::UserRole:
        return raw(spec, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Symbol)
            return tr("%1 (simulated contract)").arg(toQString(spec.name));
        if (index.column() == Tick) {
            // data() runs inside paint events: a value core refuses (int64 overflow of an
            // absurd contract size) must not escape into the event loop.
            try {
                return tr("One tick is %1 per contract")
                    .arg(format::money(notional(1, spec.unitsPerContract, spec.tickMicros)));
            } catch (const Error& e) {
                return tr("Tick value per contract not available: %1")
                    .arg(QString::fromStdString(e.what()));
            }
        }
        if (index.column() == Settlement || index.column() == LastTrading)
            return display(spec, index.column());
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(
            (isNumeric(index.column()) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant ContractTableModel::display(const ContractSpec& spec, int column) const
{
    switch (column) {
    case Symbol:
        return toQString(spec.symbol);
    case Style:
        return QString::fromLatin1(exchangeStyleCode(spec.style));
    case Underlying:
        return toQString(spec.underlyingIndex);
    case UnitColumn:
        return format::unitSymbol(spec.unit);
    case ContractSize:
        return format::units(spec.unitsPerContract, spec.unit);
    case Tick:
        return format::unitPriceMicros(spec.tickMicros, spec.unit);
    case MonthsListed:
        return format::integer(spec.monthsListed);
    case InitialMargin:
        return format::number(spec.initialMarginFraction * 100.0, 1);
    case FeePerSide:
        return format::money(Money(Currency::Usd, spec.feePerSideCents));
    case LastTrading:
        return toQString(spec.lastTrading);
    case Settlement:
        return toQString(spec.settlement);
    default:
        return {};
    }
}

QVariant ContractTableModel::raw(const ContractSpec& spec, int column) const
{
    switch (column) {
    case ContractSize:
        return QVariant::fromValue<qlonglong>(spec.unitsPerContract);
    case Tick:
        return QVariant::fromValue<qlonglong>(spec.tickMicros);
    case MonthsListed:
        return spec.monthsListed;
    case InitialMargin:
        return spec.initialMarginFraction;
    case FeePerSide:
        return QVariant::fromValue<qlonglong>(spec.feePerSideCents);
    default:
        return display(spec, column);
    }
}

QVariant ContractTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        // Rows are headed by symbol, so a transposed view reads as a spec sheet.
        if (section < 0 || section >= rowCount())
            return {};
        const ContractSpec& spec = m_contracts[static_cast<std::size_t>(section)];
        if (role == Qt::DisplayRole)
            return toQString(spec.symbol);
        if (role == Qt::ToolTipRole)
            return tr("%1 (simulated contract)").arg(toQString(spec.name));
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Tick:
            return tr("Minimum price step in USD per unit");
        case InitialMargin:
            return tr("Initial margin as a share of notional. An assumption: the real filings do "
                      "not publish margins");
        case FeePerSide:
            return tr("Exchange and broker fee per contract, per side");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Symbol:
        return tr("Symbol");
    case Style:
        return tr("Exchange style");
    case Underlying:
        return tr("Underlying index");
    case UnitColumn:
        return tr("Unit");
    case ContractSize:
        return tr("Contract size");
    case Tick:
        return tr("Tick");
    case MonthsListed:
        return tr("Months listed");
    case InitialMargin:
        return tr("Initial margin (% of notional)");
    case FeePerSide:
        return tr("Fee per side");
    case LastTrading:
        return tr("Last trading day");
    case Settlement:
        return tr("Settlement");
    default:
        return {};
    }
}

} // namespace ch::ui
