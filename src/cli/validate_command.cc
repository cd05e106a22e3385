#include <iostream>

#include "cli/command.h"
#include "manifest/loader.h"

namespace pingplan::cli {

Run setupValidate(CLI::App& sub, const GlobalOptions&) {
  auto path = std::make_shared<std::string>("pingplan.yaml");
  sub.add_option("manifest", *path, "Manifest to check (default: pingplan.yaml)");
  return [path]() {
    auto result = manifest::loadManifest(*path);
    for (const auto& d : result.diagnostics) std::cerr << d.str() << "\n";
    if (!result.ok()) {
      std::cerr << result.diagnostics.size() << " error"
                << (result.diagnostics.size() == 1 ? "" : "s") << " in " << *path << "\n";
      return kError;
    }
    std::cout << *path << ": valid (" << result.state.resources.size() << " resources, "
              << result.state.applications.size() << " applications)\n";
    return kOk;
  };
}

}  // namespace pingplan::cli
