#pragma once
// HAL rendering: `_links.self` on every item, and list envelopes
// {_links:{self,next?}, _embedded:{<name>:[...]}, count, size} paged with an opaque cursor.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace emulator {

/// The query parameters of a list request that drive paging.
struct PageRequest {
  std::optional<std::string> limit;   // as sent; must be a positive integer
  std::optional<std::string> cursor;  // from a previous _links.next
};

/// Builds absolute links under one API base URL (e.g. http://127.0.0.1:PORT/v1).
class Hal {
 public:
  explicit Hal(std::string apiBase) : apiBase_(std::move(apiBase)) {}

  /// The item with `_links.self` (and `environment`) set; path is relative to the API base.
  nlohmann::json item(nlohmann::json object, const std::string& path,
                      const std::string& environmentId) const;
  /// One page of items (already rendered with item()). maxPageSize caps `limit`. Throws
  /// ApiError 400 INVALID_REQUEST on a malformed limit or cursor.
  nlohmann::json page(const std::string& path, const std::string& name, const nlohmann::json& items,
                      const PageRequest& request, size_t maxPageSize) const;

 private:
  std::string apiBase_;
};

}  // namespace emulator
