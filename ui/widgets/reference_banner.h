#pragma once

#include <QFrame>

class QLabel;

namespace ch::ui {

//! The notice shown above every view of embedded prices (STYLE.md §5): the data is a reference
//! dataset calibrated to public index levels, not live quotes. Its link opens the dataset README.
class ReferenceBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ReferenceBanner(QWidget* parent = nullptr);

    //! Adds the dataset version and valuation date after the notice ("" to leave them out).
    void setDatasetDetails(const QString& details);
    QString text() const;

private:
    void updateText();

    QLabel* m_label = nullptr;
    QString m_details;
};

} // namespace ch::ui
