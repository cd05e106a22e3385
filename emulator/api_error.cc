#include "emulator/api_error.h"

#include "emulator/ids.h"

namespace emulator {

nlohmann::json ApiError::body() const {
  nlohmann::json out = {{"id", newUuid()}, {"code", code_}, {"message", message_}};
  if (!details_.empty()) {
    nlohmann::json details = nlohmann::json::array();
    for (const auto& d : details_) {
      nlohmann::json item = {{"code", d.code}, {"target", d.target}, {"message", d.message}};
      if (!d.innerError.is_null()) item["innerError"] = d.innerError;
      details.push_back(std::move(item));
    }
    out["details"] = std::move(details);
  }
  return out;
}

ApiError invalidData(const std::string& detailCode, const std::string& target,
                     const std::string& message, nlohmann::json innerError) {
  return ApiError(400, "INVALID_DATA",
                  "The request could not be completed. One or more validation errors were in "
                  "the request.",
                  {{detailCode, target, message, std::move(innerError)}});
}

ApiError uniquenessViolation(const std::string& target, const std::string& message) {
  return invalidData("UNIQUENESS_VIOLATION", target, message);
}

ApiError notFound() {
  return ApiError(404, "NOT_FOUND", "The requested resource object cannot be found.");
}

ApiError invalidRequest(const std::string& message) {
  return ApiError(400, "INVALID_REQUEST", message);
}

}  // namespace emulator
