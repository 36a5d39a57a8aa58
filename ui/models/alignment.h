#pragma once

#include <QVariant>

namespace ch::ui {

//! Qt::TextAlignmentRole values of table cells: text to the left, numbers to the right, both
//! centred vertically.
inline QVariant alignLeft()
{
    return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
}

inline QVariant alignRight()
{
    return QVariant(Qt::AlignRight | Qt::AlignVCenter);
}

} // namespace ch::ui
