#include "ui/models/plan_grid_model.h"

#include "domain/plan_text.h"
#include "ui/conversions.h"
#include "ui/format.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>
#include <numeric>

namespace ch::ui {

namespace {

Scenario scenarioOf(VolumeField field)
{
    switch (field) {
    case VolumeField::Low:
        return Scenario::Low;
    case VolumeField::High:
        return Scenario::High;
    case VolumeField::Base:
    case VolumeField::All:
        break;
    }
    return Scenario::Base;
}

//! Volumes as the grid shows them: GPU-hours whole, MTok to 0.1 (format::volume's precision,
//! without the unit, which the row header carries).
QString volumeText(double amount, Unit unit)
{
    return format::number(amount, unit == Unit::GpuHour ? 0 : 1);
}

// Helper-generated lines read as "not typed here": grey text on a light grey-blue background.
const QColor kGeneratedText(96, 96, 96);
const QColor kGeneratedBackground(238, 241, 246);

const char* fieldLabel(VolumeField f)
{
    switch (f) {
    case VolumeField::Low:
        return QT_TRANSLATE_NOOP("PlanGridModel", "low");
    case VolumeField::High:
        return QT_TRANSLATE_NOOP("PlanGridModel", "high");
    case VolumeField::Base:
    case VolumeField::All:
        break;
    }
    return QT_TRANSLATE_NOOP("PlanGridModel", "base");
}

} // namespace

QString cellIssueText(const Issue& issue)
{
    const QString message = toQString(issue.message);
    return issue.field.empty() ? message : toQString(issue.field) + QStringLiteral(": ") + message;
}

PlanGridModel::PlanGridModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void PlanGridModel::setPlan(const Plan& plan)
{
    const bool sameShape =
        plan.months() == m_plan.months() && plan.firstMonth() == m_plan.firstMonth()
        && plan.lines().size() == m_plan.lines().size()
        && std::equal(plan.lines().begin(),
                      plan.lines().end(),
                      m_plan.lines().begin(),
                      [](const PlanLine& a, const PlanLine& b) {
                          return a.id() == b.id() && a.unit() == b.unit() && a.name() == b.name()
                                 && a.helperId() == b.helperId();
                      });
    if (sameShape) {
        m_plan = plan;
        m_rejections.clear();
        if (rowCount() > 0 && columnCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_plan = plan;
    m_totalsUnits = totalsUnits();
    m_rejections.clear();
    endResetModel();
}

void PlanGridModel::setField(VolumeField field)
{
    if (field == VolumeField::All || field == m_field)
        return;
    m_field = field;
    m_rejections.clear();
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

std::vector<Unit> PlanGridModel::totalsUnits() const
{
    std::vector<Unit> units;
    for (const Unit u : {Unit::GpuHour, Unit::MTok})
        if (std::any_of(m_plan.lines().begin(), m_plan.lines().end(), [u](const PlanLine& l) {
                return l.unit() == u;
            }))
            units.push_back(u);
    return units;
}

const PlanLine* PlanGridModel::lineAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_plan.lines().size()))
        return nullptr;
    return &m_plan.lines()[static_cast<std::size_t>(row)];
}

int PlanGridModel::rowOfLine(std::string_view lineId) const
{
    const auto i = m_plan.lineIndex(lineId);
    return i ? static_cast<int>(*i) : -1;
}

std::optional<Month> PlanGridModel::monthAt(int column) const
{
    if (column < 0 || column >= m_plan.months())
        return std::nullopt;
    return m_plan.monthAt(column);
}

std::optional<Unit> PlanGridModel::totalsUnitAt(int row) const
{
    const int t = row - static_cast<int>(m_plan.lines().size());
    if (t < 0 || t >= static_cast<int>(m_totalsUnits.size()))
        return std::nullopt;
    return m_totalsUnits[static_cast<std::size_t>(t)];
}

double PlanGridModel::value(const VolumeTriple& v) const
{
    return v.at(scenarioOf(m_field));
}

double PlanGridModel::rowTotal(const PlanLine& line) const
{
    return std::accumulate(line.cells().begin(),
                           line.cells().end(),
                           0.0,
                           [this](double sum, const VolumeTriple& v) { return sum + value(v); });
}

double PlanGridModel::unitTotal(Unit unit, std::optional<int> month) const
{
    double sum = 0.0;
    for (const PlanLine& line : m_plan.lines()) {
        if (line.unit() != unit)
            continue;
        sum += month ? value(line.cells()[static_cast<std::size_t>(*month)]) : rowTotal(line);
    }
    return sum;
}

int PlanGridModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_plan.lines().size() + m_totalsUnits.size());
}

int PlanGridModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || m_plan.months() == 0 ? 0 : m_plan.months() + 1;
}

QString PlanGridModel::lineTooltip(const PlanLine& line) const
{
    QString text = tr("%1 (%2): %3 on %4, %5")
                       .arg(toQString(line.name()).toHtmlEscaped(),
                            toQString(line.id()).toHtmlEscaped(),
                            toQString(line.resource().label()),
                            toQString(line.indexId()),
                            QString::fromLatin1(confidenceClassCode(line.confidence())));
    if (line.isGenerated()) {
        const PlanHelper* helper = m_plan.findHelper(line.helperId());
        text += tr("\nGenerated by helper \"%1\" (%2): edit the helper, or use Convert to manual "
                   "to type volumes.")
                    .arg(helper ? toQString(helperName(*helper)) : toQString(line.helperId()),
                         helper ? QString::fromLatin1(helperKindCode(*helper)) : QString());
    }
    return text;
}

QVariant PlanGridModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const int col = index.column();
    const std::optional<int> month = col < m_plan.months() ? std::optional<int>(col) : std::nullopt;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);

    if (const auto unit = totalsUnitAt(index.row())) {
        const double total = unitTotal(*unit, month);
        switch (role) {
        case Qt::DisplayRole:
            return volumeText(total, *unit);
        case Qt::UserRole:
            return total;
        case Qt::FontRole: {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        case Qt::ToolTipRole:
            return tr("Sum of the %1 volumes of every line in %2")
                .arg(tr(fieldLabel(m_field)), format::unitSymbol(*unit));
        default:
            return {};
        }
    }
    const PlanLine* line = lineAt(index.row());
    if (line == nullptr)
        return {};
    if (!month) {
        const double total = rowTotal(*line);
        if (role == Qt::DisplayRole)
            return volumeText(total, line->unit());
        if (role == Qt::UserRole)
            return total;
        if (role == Qt::FontRole) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    }
    const VolumeTriple& cell = line->cells()[static_cast<std::size_t>(*month)];
    switch (role) {
    case Qt::DisplayRole:
        return volumeText(value(cell), line->unit());
    case Qt::EditRole:
        return toQString(formatShortest(value(cell)));
    case Qt::UserRole:
        return value(cell);
    case Qt::ForegroundRole:
        if (line->isGenerated())
            return QBrush(kGeneratedText);
        return {};
    case Qt::BackgroundRole:
        if (m_rejections.count({line->id(), *month}) > 0)
            return QBrush(QColor(255, 228, 225)); // a pale red marks the refused cell
        if (line->isGenerated())
            return QBrush(kGeneratedBackground);
        return {};
    case Qt::ToolTipRole: {
        const auto it = m_rejections.find({line->id(), *month});
        if (it != m_rejections.end())
            return it->second;
        QString text = tr("%1, %2: low %3 / base %4 / high %5")
                           .arg(toQString(line->name()),
                                format::month(m_plan.monthAt(*month)),
                                format::volume(cell.low(), line->unit()),
                                format::volume(cell.base(), line->unit()),
                                format::volume(cell.high(), line->unit()));
        if (line->isGenerated())
            text += QLatin1Char('\n') + lineTooltip(*line).section(QLatin1Char('\n'), 1);
        return text;
    }
    default:
        return {};
    }
}

QVariant PlanGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
            return {};
        if (section == totalColumn())
            return tr("Total");
        const auto m = monthAt(section);
        if (!m)
            return {};
        return role == Qt::DisplayRole ? format::month(*m)
                                       : tr("%1 volume delivered in %2")
                                             .arg(tr(fieldLabel(m_field)), format::month(*m));
    }
    if (const auto unit = totalsUnitAt(section)) {
        if (role == Qt::DisplayRole)
            return tr("Total (%1)").arg(format::unitSymbol(*unit));
        return {};
    }
    const PlanLine* line = lineAt(section);
    if (line == nullptr)
        return {};
    if (role == Qt::DisplayRole)
        return QStringLiteral("%1 (%2)").arg(toQString(line->name()),
                                             format::unitSymbol(line->unit()));
    if (role == Qt::ToolTipRole)
        return lineTooltip(*line);
    if (role == Qt::ForegroundRole && line->isGenerated())
        return QBrush(kGeneratedText);
    return {};
}

Qt::ItemFlags PlanGridModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const PlanLine* line = lineAt(index.row());
    if (line != nullptr && !line->isGenerated() && monthAt(index.column()))
        f |= Qt::ItemIsEditable;
    return f;
}

} // namespace ch::ui
