#include "cli/terminal.h"

#include <unistd.h>

#include <iostream>

namespace pingplan::cli {

bool stdinIsTerminal() { return ::isatty(STDIN_FILENO) == 1; }
bool stdoutIsTerminal() { return ::isatty(STDOUT_FILENO) == 1; }

bool useColor(const GlobalOptions& global) { return !global.noColor && stdoutIsTerminal(); }

std::optional<std::string> ask(const std::string& question) {
  std::cout << question << std::flush;
  std::string line;
  if (!std::getline(std::cin, line)) return std::nullopt;
  return line;
}

}  // namespace pingplan::cli
