#include "manifest/diagnostics.h"

#include <algorithm>

namespace pingplan::manifest {

std::string Diagnostic::str() const {
  if (line <= 0) return file + ": error: " + message;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: " + message;
}

void Diagnostics::add(Position at, std::string message) {
  list_.push_back({file_, at.line, at.column, std::move(message)});
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = list_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  return out;
}

std::string originOf(const std::string& file, Position at) {
  return file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

}  // namespace pingplan::manifest
