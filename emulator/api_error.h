#pragma once
// ApiError: a PingOne P1Error answer (status, code, message, details). The store and the routes
// throw it on a refused request; the dispatcher catches it and writes the body.

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace emulator {

/// One entry of P1Error.details: what was wrong with which field.
struct ErrorDetail {
  std::string code;
  std::string target;
  std::string message;
  nlohmann::json innerError = nullptr;
};

/// A refused API request, rendered as {"id","code","message","details"}.
class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, std::string message, std::vector<ErrorDetail> details = {})
      : std::runtime_error(message),
        status_(status),
        code_(std::move(code)),
        message_(std::move(message)),
        details_(std::move(details)) {}

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  /// The P1Error body, with a fresh error id.
  nlohmann::json body() const;

 private:
  int status_;
  std::string code_;
  std::string message_;
  std::vector<ErrorDetail> details_;
};

/// 400 INVALID_DATA with one detail, the usual validation failure.
ApiError invalidData(const std::string& detailCode, const std::string& target,
                     const std::string& message, nlohmann::json innerError = nullptr);
/// 400 INVALID_DATA / UNIQUENESS_VIOLATION on target.
ApiError uniquenessViolation(const std::string& target, const std::string& message);
/// 404 NOT_FOUND.
ApiError notFound();
/// 400 INVALID_REQUEST (unreadable request: bad JSON, bad cursor).
ApiError invalidRequest(const std::string& message);

}  // namespace emulator
