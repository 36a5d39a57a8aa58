#pragma once

#include "trading/order_lifecycle.h"

#include <QAbstractTableModel>
#include <QString>

#include <map>
#include <vector>

namespace ch::ui {

//! The transition log of one order (trading::OrderEvent rows, oldest first), read-only: when,
//! what, from which state to which, by whom ("broker" for reports, "system" for expiry) and why.
class OrderEventsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { At, Action, From, To, By, Comment, ColumnCount };

    explicit OrderEventsModel(QObject* parent = nullptr);

    void setEvents(std::vector<trading::OrderEvent> events, std::map<std::int64_t, QString> logins);
    const std::vector<trading::OrderEvent>& events() const { return m_events; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<trading::OrderEvent> m_events;
    std::map<std::int64_t, QString> m_logins;
};

} // namespace ch::ui
