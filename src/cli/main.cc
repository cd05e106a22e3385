// pingplan: PingOne configuration as code. Parses the command line, runs one command from
// the table in commands.cc, and turns its outcome into an exit code.
#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "util/suggest.h"

namespace pingplan::cli {
namespace {

// "pingplan pln" -> "did you mean 'plan'?"
void suggestCommand(int argc, char** argv) {
  std::vector<std::string> names;
  for (const auto& c : commands()) names.emplace_back(c.name);
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word.empty() || word[0] == '-') continue;
    bool known = false;
    for (const auto& n : names) known = known || n == word;
    if (known) return;
    if (auto match = closestMatch(word, names)) {
      std::cerr << "pingplan: unknown command '" << word << "'; did you mean '" << *match
                << "'?\n";
    } else {
      std::cerr << "pingplan: unknown command '" << word << "'\n";
    }
    return;
  }
}

int run(int argc, char** argv) {
  CLI::App app{"pingplan: manage PingOne resources, scopes, OIDC apps and grants as code"};
  app.set_version_flag("--version", std::string("pingplan ") + PINGPLAN_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  app.footer("Run 'pingplan COMMAND --help' for a command's options and an example.");

  GlobalOptions global;
  app.add_option("--parallelism", global.parallelism, "Concurrent API requests (default 8)")
      ->check(CLI::Range(1, 64));
  app.add_flag("--no-color", global.noColor, "Plain text output (also NO_COLOR)");
  app.add_flag("-v,--verbose", global.verbose, "Log requests and timings to stderr, redacted");

  Run selected;
  std::vector<std::pair<CLI::App*, Run>> runs;
  for (const auto& command : commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    sub->footer(std::string("Example:\n  ") + command.example);
    runs.emplace_back(sub, command.setup(*sub, global));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr ||
        dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
      if (app.get_subcommands().empty()) suggestCommand(argc, argv);
    }
    return app.exit(e) == 0 ? kOk : kError;
  }
  if (std::getenv("NO_COLOR") != nullptr) global.noColor = true;
  for (auto& [sub, fn] : runs) {
    if (sub->parsed()) return fn();
  }
  return kError;
}

}  // namespace
}  // namespace pingplan::cli

int main(int argc, char** argv) { return pingplan::cli::run(argc, argv); }
