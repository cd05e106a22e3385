#include "cli/progress.h"

#include <ostream>

#include "apply/describe.h"
#include "render/fields.h"

namespace pingplan::cli {

std::string outcomeLine(const plan::Change& change, const apply::ChangeResult& result) {
  std::string what = apply::describe(change);
  switch (result.outcome) {
    case apply::Outcome::Applied:
      return std::string(render::symbol(change.action)) + " " + what + ": " +
             apply::pastTense(change.action);
    case apply::Outcome::Failed:
      return "! " + what + ": failed: " + result.message;
    case apply::Outcome::NotAttempted:
      return "  " + what + ": " + result.message;
  }
  return what;
}

void ProgressPrinter::finished(const plan::Change& change, const apply::ChangeResult& result) {
  const char* colour = "";
  if (color_) {
    if (result.outcome != apply::Outcome::Applied) {
      colour = "\x1b[31m";
    } else if (change.action == plan::Action::Create) {
      colour = "\x1b[32m";
    } else if (change.action == plan::Action::Update) {
      colour = "\x1b[33m";
    } else {
      colour = "\x1b[31m";
    }
  }
  out_ << "  " << colour << outcomeLine(change, result) << (color_ ? "\x1b[0m" : "") << "\n"
       << std::flush;
}

}  // namespace pingplan::cli
