#include "cli/command.h"

namespace pingplan::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"validate", "Check a manifest offline: syntax, schema, references",
       "pingplan validate examples/orchestration-tool.yaml", setupValidate},
      {"plan", "Show what apply would change in the live environment",
       "pingplan plan pingplan.yaml --out plan.json --detailed-exitcode", setupPlan},
      {"apply", "Make the live environment match a manifest or a saved plan",
       "pingplan apply pingplan.yaml --auto-approve", setupApply},
      {"show", "Render a saved plan as text, markdown or json",
       "pingplan show plan.json --format markdown", setupShow},
      {"export", "Write a manifest of the live environment", "pingplan export --out pingplan.yaml",
       setupExport},
  };
  return table;
}

}  // namespace pingplan::cli
