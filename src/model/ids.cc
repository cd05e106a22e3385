#include "model/ids.h"

#include <cctype>
#include <cstddef>

namespace pingplan::model {

bool isPingOneId(std::string_view value) {
  static constexpr std::size_t kGroups[] = {8, 4, 4, 4, 12};
  std::size_t pos = 0;
  for (std::size_t group : kGroups) {
    if (pos > 0) {
      if (pos >= value.size() || value[pos] != '-') return false;
      ++pos;
    }
    for (std::size_t i = 0; i < group; ++i, ++pos) {
      if (pos >= value.size() || !std::isxdigit(static_cast<unsigned char>(value[pos]))) {
        return false;
      }
    }
  }
  return pos == value.size();
}

}  // namespace pingplan::model
