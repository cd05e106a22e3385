#pragma once
// ProgressPrinter: the apply observer that prints one line per change as it finishes,
// e.g. "  + resource Orchestration API: created" or "  ! scope API/x: failed: MESSAGE".

#include <iosfwd>

#include "apply/executor.h"

namespace pingplan::cli {

class ProgressPrinter : public apply::Observer {
 public:
  ProgressPrinter(std::ostream& out, bool color) : out_(out), color_(color) {}
  void finished(const plan::Change& change, const apply::ChangeResult& result) override;

 private:
  std::ostream& out_;
  bool color_;
};

/// The line for a change and its outcome, without colour and indentation.
std::string outcomeLine(const plan::Change& change, const apply::ChangeResult& result);

}  // namespace pingplan::cli
