#pragma once

#include "domain/market.h"

#include <map>
#include <string>

namespace ch::ui {

//! The reference dataset files embedded under :/data/ by ch::reference_data (file name -> text).
//! Throws std::runtime_error when this build embeds none.
std::map<std::string, std::string> embeddedDatasetFiles();

//! The embedded reference dataset, parsed by marketdata::parseDatasetFiles. Throws
//! std::runtime_error listing the issues when the embedded files do not parse.
MarketDataSet embeddedReferenceDataset();

} // namespace ch::ui
