// Execution order of a plan's changes.

#include <algorithm>
#include <tuple>

#include "diff/context.h"

namespace pingplan::diff {

void sortChanges(std::vector<plan::Change>& changes) {
  auto key = [](const plan::Change& c) {
    return std::make_tuple(plan::phase(c), std::cref(c.parent), std::cref(c.name),
                           static_cast<int>(c.kind), static_cast<int>(c.action));
  };
  std::stable_sort(changes.begin(), changes.end(),
                   [&](const plan::Change& a, const plan::Change& b) { return key(a) < key(b); });
}

}  // namespace pingplan::diff
