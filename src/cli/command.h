#pragma once
// The subcommand table. Each command lives in its own <name>_command.cc and contributes one
// row: its name, one line of help, an example, and a setup function that declares its options
// on a CLI11 subcommand and returns what to run once the arguments are parsed.
// cli/ is the only code that prints or exits.

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace pingplan::cli {

/// Flags every command accepts, before or after the subcommand's name.
struct GlobalOptions {
  int parallelism = 8;
  bool noColor = false;
  bool verbose = false;
};

/// What a command does once parsed; returns the process exit code.
using Run = std::function<int()>;

struct Command {
  const char* name;
  const char* summary;
  const char* example;
  Run (*setup)(CLI::App& sub, const GlobalOptions& global);
};

/// Every command of the contract, in the order `--help` lists them.
const std::vector<Command>& commands();

// One per <name>_command.cc.
Run setupValidate(CLI::App& sub, const GlobalOptions& global);
Run setupPlan(CLI::App& sub, const GlobalOptions& global);
Run setupApply(CLI::App& sub, const GlobalOptions& global);
Run setupShow(CLI::App& sub, const GlobalOptions& global);
Run setupExport(CLI::App& sub, const GlobalOptions& global);

/// Exit codes of the contract (design.md §5).
enum Exit : int { kOk = 0, kError = 1, kChangesPending = 2, kPartialApply = 3 };

}  // namespace pingplan::cli
