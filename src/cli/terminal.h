#pragma once
// The terminal: whether stdin/stdout are one, whether to colour, and asking a question.

#include <optional>
#include <string>

#include "cli/command.h"

namespace pingplan::cli {

bool stdinIsTerminal();
bool stdoutIsTerminal();

/// Colour only on a terminal, and not with --no-color or NO_COLOR.
bool useColor(const GlobalOptions& global);

/// Prints `question` on stdout and reads one line from stdin; nullopt at end of input.
std::optional<std::string> ask(const std::string& question);

}  // namespace pingplan::cli
