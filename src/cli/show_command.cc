// pingplan show PLANFILE [--format text|markdown|json]
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/input_kind.h"
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
      std::ifstream in(*path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      bool rendered = in && inputKind(text.str()) == InputKind::RenderedPlan;
      printError("show", rendered ? renderedPlanMessage(*path) : plan.error());
      return kError;
    }
    std::cout << renderPlan(*plan, *format, useColor(global)) << std::flush;
    return kOk;
  };
}

}  // namespace pingplan::cli
