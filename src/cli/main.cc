// pingplan: PingOne configuration as code. Parses the command line, runs one command from
// the table in commands.cc, and turns its outcome into an exit code.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "util/suggest.h"

namespace pingplan::cli {
namespace {

// "pingplan pln" -> "did you mean 'plan'?". Returns true when it said something.
bool suggestCommand(int argc, char** argv) {
  std::vector<std::string> names;
  for (const auto& c : commands()) names.emplace_back(c.name);
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word.empty() || word[0] == '-') continue;
    if (std::find(names.begin(), names.end(), word) != names.end()) return false;
    std::cerr << "pingplan: unknown command '" << word << "'";
    if (auto match = closestMatch(word, names)) std::cerr << "; did you mean '" << *match << "'?";
    std::cerr << "\nRun 'pingplan --help' for the list of commands.\n";
    return true;
  }
  return false;
}

// "pingplan plan --detailed-exitcod" -> "did you mean '--detailed-exitcode'?". The flags of
// the program and of the chosen command are the candidates.
bool suggestFlag(const CLI::App& app, int argc, char** argv) {
  std::vector<std::string> known;
  auto collect = [&known](const CLI::App& a) {
    for (const CLI::Option* option : a.get_options()) {
      for (const auto& name : option->get_lnames()) known.push_back("--" + name);
      for (const auto& name : option->get_snames()) known.push_back("-" + name);
    }
  };
  collect(app);
  for (const CLI::App* sub : app.get_subcommands()) collect(*sub);
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word.size() < 2 || word[0] != '-') continue;
    word = word.substr(0, word.find('='));
    if (std::find(known.begin(), known.end(), word) != known.end()) continue;
    std::cerr << "pingplan: unknown flag '" << word << "'";
    if (auto match = closestMatch(word, known)) std::cerr << "; did you mean '" << *match << "'?";
    std::string command;
    for (const CLI::App* sub : app.get_subcommands()) command = sub->get_name() + " ";
    std::cerr << "\nRun 'pingplan " << command << "--help' for the flags.\n";
    return true;
  }
  return false;
}

int run(int argc, char** argv) {
  CLI::App app{"pingplan: manage PingOne resources, scopes, OIDC apps and grants as code",
               "pingplan"};
  app.set_version_flag("--version", std::string("pingplan ") + PINGPLAN_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  app.footer("Run 'pingplan COMMAND --help' for a command's options and an example.");

  GlobalOptions global;
  app.add_option("--parallelism", global.parallelism, "Concurrent API requests (default 8)")
      ->check(CLI::Range(1, 64));
  app.add_flag("--no-color", global.noColor, "Plain text output (also NO_COLOR)");
  app.add_flag("-v,--verbose", global.verbose, "Log requests and timings to stderr, redacted");

  std::vector<std::pair<CLI::App*, Run>> runs;
  for (const auto& command : commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    sub->footer(std::string("Example:\n  ") + command.example +
                "\n\nGlobal flags, before or after the command: --parallelism N, --no-color, "
                "-v/--verbose (see pingplan --help).");
    runs.emplace_back(sub, command.setup(*sub, global));
  }

  if (argc == 1) {
    std::cerr << app.help();
    return kError;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    bool unknownWord = dynamic_cast<const CLI::RequiredError*>(&e) != nullptr ||
                       dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr;
    if (unknownWord && app.get_subcommands().empty() && suggestCommand(argc, argv)) {
      return kError;
    }
    if (unknownWord && suggestFlag(app, argc, argv)) return kError;
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
