#pragma once
// Positions in a manifest and the list of problems found in it.

#include <string>
#include <vector>

#include "manifest/loader.h"

namespace pingplan::manifest {

/// A 1-based line and column in the manifest text; line 0 means "the file as a whole".
struct Position {
  int line = 0;
  int column = 0;
};

/// Collects the diagnostics of one file; `sorted()` returns them ordered by position, in the
/// order they were found where positions tie.
class Diagnostics {
 public:
  explicit Diagnostics(std::string file) : file_(std::move(file)) {}

  void add(Position at, std::string message);
  bool empty() const { return list_.empty(); }
  std::size_t size() const { return list_.size(); }
  const std::string& file() const { return file_; }
  std::vector<Diagnostic> sorted() const;

 private:
  std::string file_;
  std::vector<Diagnostic> list_;
};

/// "file:line:col" for a model Origin.
std::string originOf(const std::string& file, Position at);

}  // namespace pingplan::manifest
