#include "emulator/hal.h"

#include <algorithm>

#include "emulator/api_error.h"
#include "emulator/base64url.h"

namespace emulator {
namespace {

constexpr char kCursorPrefix[] = "emulator-offset:";

ApiError badParameter(const std::string& target, const std::string& message) {
  return ApiError(400, "INVALID_REQUEST", "The request could not be completed.",
                  {{"INVALID_PARAMETER", target, message}});
}

size_t parseLimit(const std::string& text) {
  if (text.empty() || text.size() > 6 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw badParameter("limit", "limit must be a positive integer.");
  }
  size_t value = std::stoul(text);
  if (value == 0) throw badParameter("limit", "limit must be a positive integer.");
  return value;
}

size_t parseCursor(const std::string& cursor) {
  auto decoded = base64UrlDecode(cursor);
  std::string prefix = kCursorPrefix;
  if (!decoded || decoded->rfind(prefix, 0) != 0 || decoded->size() == prefix.size() ||
      decoded->size() > prefix.size() + 9) {
    throw badParameter("cursor", "The cursor is not valid.");
  }
  std::string digits = decoded->substr(prefix.size());
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw badParameter("cursor", "The cursor is not valid.");
  }
  return std::stoul(digits);
}

}  // namespace

nlohmann::json Hal::item(nlohmann::json object, const std::string& path,
                         const std::string& environmentId) const {
  object["_links"] = {{"self", {{"href", apiBase_ + path}}},
                      {"environment", {{"href", apiBase_ + "/environments/" + environmentId}}}};
  return object;
}

nlohmann::json Hal::page(const std::string& path, const std::string& name,
                         const nlohmann::json& items, const PageRequest& request,
                         size_t maxPageSize) const {
  size_t size = maxPageSize;
  if (request.limit) size = std::min(size, parseLimit(*request.limit));
  size_t offset = request.cursor ? parseCursor(*request.cursor) : 0;
  size_t total = items.size();
  size_t begin = std::min(offset, total);
  size_t end = std::min(begin + size, total);

  nlohmann::json embedded = nlohmann::json::array();
  for (size_t i = begin; i < end; ++i) embedded.push_back(items[i]);

  std::string self = apiBase_ + path;
  std::string query;
  if (request.limit) query += "limit=" + *request.limit;
  if (request.cursor)
    query += (query.empty() ? "" : "&") + std::string("cursor=") + *request.cursor;
  if (!query.empty()) self += "?" + query;

  nlohmann::json links = {{"self", {{"href", self}}}};
  if (end < total) {
    std::string next = apiBase_ + path + "?";
    if (request.limit) next += "limit=" + *request.limit + "&";
    next += "cursor=" + base64UrlEncode(kCursorPrefix + std::to_string(end));
    links["next"] = {{"href", next}};
  }
  return {{"_links", links},
          {"_embedded", {{name, embedded}}},
          {"count", total},
          {"size", embedded.size()}};
}

}  // namespace emulator
