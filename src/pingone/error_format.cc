#include "pingone/error_format.h"

#include <algorithm>

#include "pingone/url.h"

namespace pingplan::pingone {
namespace {

constexpr std::size_t kMaxBodyExcerpt = 200;

/// A body that is not JSON: its first line, trimmed.
std::string excerpt(const std::string& body) {
  std::string line = body.substr(0, body.find_first_of("\r\n"));
  if (line.size() > kMaxBodyExcerpt) line = line.substr(0, kMaxBodyExcerpt) + "...";
  return line;
}

std::string stringField(const Json& j, const char* key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string describeRequest(const std::string& method, const std::string& url) {
  const std::string marker = "/v1/environments/";
  auto pos = url.find(marker);
  if (pos == std::string::npos) return method + " " + redactUrl(url);
  auto afterEnv = url.find('/', pos + marker.size());
  std::string path = afterEnv == std::string::npos ? "/" : url.substr(afterEnv);
  path = path.substr(0, path.find_first_of("?#"));
  return method + " " + path;
}

std::string errorCodeOf(const std::string& body) {
  Json j = Json::parse(body, nullptr, false);
  return stringField(j, "code");
}

ApiError httpError(const std::string& method, const std::string& url,
                   const HttpResponse& response) {
  ApiError error;
  error.kind = ApiError::Kind::Http;
  error.status = response.status;
  Json j = Json::parse(response.body, nullptr, false);
  std::string detail;
  error.code = stringField(j, "code");
  if (!error.code.empty()) {
    auto details = j.find("details");
    if (details != j.end() && details->is_array()) {
      for (const auto& d : *details) {
        // "target: message (CODE)": the code (UNIQUENESS_VIOLATION, INVALID_VALUE, ...) is
        // what a user searches PingOne's documentation for.
        std::string target = stringField(d, "target");
        std::string message = stringField(d, "message");
        std::string code = stringField(d, "code");
        if (message.empty()) {
          message = code;
        } else if (!code.empty()) {
          if (message.back() == '.') message.pop_back();
          message += " (" + code + ")";
        }
        if (!detail.empty()) detail += "; ";
        detail += target.empty() ? message : target + ": " + message;
      }
    }
    if (detail.empty()) detail = stringField(j, "message");
  } else if (!stringField(j, "error").empty()) {
    error.code = stringField(j, "error");
    detail = stringField(j, "error_description");
  } else if (!j.is_discarded() || !response.body.empty()) {
    detail = j.is_discarded() ? excerpt(response.body) : std::string();
  }
  if (response.status == 404) error.code = "NOT_FOUND";
  error.message = describeRequest(method, url) + " -> " + std::to_string(response.status);
  if (!error.code.empty()) error.message += " " + error.code;
  if (!detail.empty()) error.message += ": " + detail;
  return error;
}

}  // namespace pingplan::pingone
