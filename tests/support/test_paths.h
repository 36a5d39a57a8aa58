#pragma once

#include <QString>

namespace ch::test {

//! The source tree root (CH_SOURCE_DIR set by CTest), for reading committed fixtures.
QString sourceDir();
//! The build tree root (CH_BINARY_DIR set by CTest), for finding built executables.
QString binaryDir();

} // namespace ch::test
