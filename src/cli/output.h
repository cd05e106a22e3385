#pragma once
// Plan output in the three formats of the contract, and the --format option that picks one.

#include <CLI/CLI.hpp>
#include <string>

#include "plan/plan.h"

namespace pingplan::cli {

/// Declares --format text|markdown|json on `sub`, stored in `format`.
void addFormatOption(CLI::App& sub, std::string& format);

/// The plan in `format`; `color` applies to text only.
std::string renderPlan(const plan::Plan& plan, const std::string& format, bool color);

}  // namespace pingplan::cli
