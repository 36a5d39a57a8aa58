#pragma once

#include "trading/order.h"

#include <QWidget>

#include <map>
#include <optional>

class QLabel;
class QListWidget;
class QTableView;

namespace ch::ui {

class DeskSession;
class OrderEventsModel;

//! One order in detail, for the Orders and Approvals pages: a summary line, the pre-trade findings
//! it was submitted with (warnings the checker should read) and its transition log.
class OrderDetail : public QWidget
{
    Q_OBJECT
public:
    explicit OrderDetail(DeskSession& desk, QWidget* parent = nullptr);

    //! Shows `order` (nothing when empty); `logins` names users.
    void showOrder(const std::optional<trading::Order>& order,
                   const std::map<std::int64_t, QString>& logins);
    OrderEventsModel* eventsModel() const { return m_eventsModel; }
    QListWidget* findingList() const { return m_findings; }

private:
    DeskSession& m_desk;
    QLabel* m_summary = nullptr;
    QListWidget* m_findings = nullptr;
    OrderEventsModel* m_eventsModel = nullptr;
    QTableView* m_events = nullptr;
};

} // namespace ch::ui
