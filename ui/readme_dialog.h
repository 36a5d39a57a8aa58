#pragma once

#include <QString>

class QWidget;

namespace ch::ui {

//! The reference dataset's README, embedded by resources/CMakeLists.txt.
inline constexpr const char* kReferenceReadmeResource = ":/data/README.md";

//! Reads the embedded README (Markdown); throws std::runtime_error when this build has none.
QString referenceReadmeMarkdown();
//! Shows the README in a modal dialog (QTextBrowser::setMarkdown). Throws like
//! referenceReadmeMarkdown(): call it through guard().
void showReferenceReadme(QWidget* parent);

} // namespace ch::ui
