// Commands of the contract that are not built yet say so plainly instead of pretending.
#include <iostream>

#include "cli/command.h"

namespace pingplan::cli {
namespace {
Run notBuilt(CLI::App& sub) {
  sub.allow_extras();
  std::string name = sub.get_name();
  return [name]() {
    std::cerr << "pingplan " << name << ": not built yet in this version\n";
    return kError;
  };
}
}  // namespace

Run setupExport(CLI::App& sub, const GlobalOptions&) { return notBuilt(sub); }

}  // namespace pingplan::cli
