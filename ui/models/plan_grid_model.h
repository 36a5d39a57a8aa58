#pragma once

#include "domain/plan.h"

#include <QAbstractTableModel>
#include <QItemSelection>

#include <functional>
#include <map>
#include <optional>
#include <utility>

namespace ch::ui {

//! The plan grid: one row per plan line, one column per plan month, showing one volume field
//! (low, base or high; setField) in the line's unit, plus a Total column and one totals row per
//! unit present (GPU-hours and MTok cannot be added together). Row headers name the line and
//! its unit: "H100 pre-training A (GPU-h)".
//!
//! The model shows a Plan value and never changes it itself: an accepted edit builds the new
//! Plan in core (Plan::pasteBlock, fillRight) and hands it to the commit function (the page
//! pushes it as an undoable, saved command; setPlan() then shows the result). setData() parses
//! and validates through core: on any Issue it returns false, emits editRejected() with the
//! reason, and the cell's tooltip shows that reason until it is edited successfully. Cells of
//! helper-generated lines are read-only (edit the helper, or convert its lines to manual).
//!
//! DisplayRole is formatted (ui/format.h: GPU-hours whole, MTok to 0.1); EditRole is the exact
//! number as text (shortest round-trip); Qt::UserRole is the raw double.
class PlanGridModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    //! Applies an edit: (undo text, new plan); false when it was not applied.
    using Commit = std::function<bool(const QString& text, const Plan& after)>;

    explicit PlanGridModel(QObject* parent = nullptr);

    void setPlan(const Plan& plan);
    const Plan& plan() const { return m_plan; }
    void setCommit(Commit commit) { m_commit = std::move(commit); }
    //! Which volume the grid shows and edits (Low, Base or High; All is not a display field).
    void setField(VolumeField field);
    VolumeField field() const { return m_field; }

    //! The line shown in `row`, or nullptr for a totals row / out of range.
    const PlanLine* lineAt(int row) const;
    int rowOfLine(std::string_view lineId) const;
    //! The month of `column`, or nullopt for the Total column.
    std::optional<Month> monthAt(int column) const;
    int totalColumn() const { return m_plan.months(); }
    //! The unit summed in a totals row, or nullopt when `row` is a line.
    std::optional<Unit> totalsUnitAt(int row) const;

    //! Tab-separated text of the selected block (its bounding rectangle of line rows and month
    //! columns), exactly as Plan::copyBlock writes it; empty when the selection has no cell.
    QString copyBlock(const QModelIndexList& selection) const;
    //! Pastes spreadsheet text with its top-left cell at `at`; the Issues when it was refused.
    std::vector<Issue> pasteBlock(const QModelIndex& at, const QString& tsv);
    //! Copies the cell at `at` into every later month of its line; the Issue when refused.
    std::vector<Issue> fillRight(const QModelIndex& at);
    //! The message shown for the last rejected edit of `index`'s cell, or "".
    QString rejection(const QModelIndex& index) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    //! An edit was refused; `message` says why ("base: H100 training, 2027-02: base 1,500 is
    //! above high 1,400; expected low ≤ base ≤ high").
    void editRejected(const QString& message);

private:
    std::vector<Unit> totalsUnits() const;
    double value(const VolumeTriple& v) const;
    double rowTotal(const PlanLine& line) const;
    double unitTotal(Unit unit, std::optional<int> month) const;
    std::vector<Issue> reject(const QModelIndex& index, std::vector<Issue> issues);
    bool commit(const QString& text, const Plan& after);
    QString lineTooltip(const PlanLine& line) const;

    Plan m_plan;
    VolumeField m_field = VolumeField::Base;
    Commit m_commit;
    std::vector<Unit> m_totalsUnits;
    std::map<std::pair<std::string, int>, QString> m_rejections; //!< (line id, month index)
};

//! "base: H100 training, 2027-02: ..." — an Issue without its paste source, for messages about
//! a typed cell.
QString cellIssueText(const Issue& issue);

} // namespace ch::ui
