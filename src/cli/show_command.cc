// pingplan show PLANFILE [--format text|markdown|json]
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/output.h"
#include "cli/session.h"
#include "cli/terminal.h"
#include "plan/plan_file.h"

namespace pingplan::cli {

Run setupShow(CLI::App& sub, const GlobalOptions& global) {
  auto path = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  sub.add_option("planfile", *path, "A plan saved by `pingplan plan --out`")->required();
  addFormatOption(sub, *format);
  return [path, format, &global]() {
    auto plan = plan::readPlanFile(*path);
    if (!plan.ok()) {
      printError("show", plan.error());
      return kError;
    }
    std::cout << renderPlan(*plan, *format, useColor(global)) << std::flush;
    return kOk;
  };
}

}  // namespace pingplan::cli
