#include "apply/sender.h"

#include <thread>

namespace pingplan::apply {

using pingone::ApiError;
using pingone::ApiResult;
using pingone::ApiStatus;
using pingone::Collection;
using pingone::Json;

bool isNotFound(const ApiError& e) { return e.kind == ApiError::Kind::Http && e.status == 404; }

Sender::Sender(pingone::Api& api, const Options& options) : api_(api), options_(options) {}

void Sender::countWrite(const ApiError* error) {
  // Network, Auth and Config errors mean the request never reached the server.
  if (error != nullptr &&
      (error->kind == ApiError::Kind::Network || error->kind == ApiError::Kind::Auth ||
       error->kind == ApiError::Kind::Config)) {
    return;
  }
  ++writes_;
  if (error != nullptr && error->kind == ApiError::Kind::Http) ++refused_;
}

template <class T>
ApiResult<T> Sender::waitingOutNotFound(bool enabled, const std::function<ApiResult<T>()>& send) {
  auto wait = options_.notFoundBackoff;
  for (int attempt = 1;; ++attempt) {
    ApiResult<T> result = send();
    if (result.ok() || !enabled || !isNotFound(result.error()) ||
        attempt >= options_.notFoundTries) {
      return result;
    }
    if (options_.sleep) {
      options_.sleep(wait);
    } else {
      std::this_thread::sleep_for(wait);
    }
    wait *= 2;
  }
}

ApiResult<Json> Sender::create(Collection c, const std::string& parentId, const Json& body,
                               bool parentIsNew, const Matcher& isOurs) {
  std::function<ApiResult<Json>()> post = [&]() {
    ApiResult<Json> r = api_.create(c, parentId, body);
    countWrite(r.ok() ? nullptr : &r.error());
    return r;
  };
  for (int attempt = 1;; ++attempt) {
    ApiResult<Json> result = waitingOutNotFound(parentIsNew, post);
    if (result.ok() || result.error().kind != ApiError::Kind::UnknownOutcome ||
        attempt >= options_.unknownOutcomeTries) {
      return result;
    }
    // The create may have been applied: look before sending it again.
    auto listed = list(c, parentId, parentIsNew);
    if (!listed.ok()) {
      ApiError e = result.error();
      e.message += "; could not check whether it was applied: " + listed.error().message;
      return fail(e);
    }
    for (const auto& item : *listed) {
      if (isOurs(item)) return item;
    }
  }
}

ApiResult<Json> Sender::replace(Collection c, const std::string& parentId, const std::string& id,
                                const Json& body, bool isNew) {
  std::function<ApiResult<Json>()> put = [&]() {
    ApiResult<Json> r = api_.replace(c, parentId, id, body);
    countWrite(r.ok() ? nullptr : &r.error());
    return r;
  };
  for (int attempt = 1;; ++attempt) {
    ApiResult<Json> result = waitingOutNotFound(isNew, put);
    if (result.ok() || result.error().kind != ApiError::Kind::UnknownOutcome ||
        attempt >= options_.unknownOutcomeTries) {
      return result;
    }
  }
}

ApiStatus Sender::remove(Collection c, const std::string& parentId, const std::string& id) {
  for (int attempt = 1;; ++attempt) {
    ApiStatus result = api_.remove(c, parentId, id);
    countWrite(result.ok() ? nullptr : &result.error());
    if (result.ok() || isNotFound(result.error())) return Ok{};
    if (result.error().kind != ApiError::Kind::UnknownOutcome ||
        attempt >= options_.unknownOutcomeTries) {
      return result;
    }
  }
}

ApiResult<std::vector<Json>> Sender::list(Collection c, const std::string& parentId,
                                          bool parentIsNew) {
  std::function<ApiResult<std::vector<Json>>()> send = [&]() { return api_.list(c, parentId); };
  return waitingOutNotFound(parentIsNew, send);
}

ApiResult<Json> Sender::get(Collection c, const std::string& parentId, const std::string& id) {
  return api_.get(c, parentId, id);
}

ApiResult<std::string> Sender::readSecret(const std::string& applicationId, bool isNew) {
  std::function<ApiResult<std::string>()> send = [&]() { return api_.readSecret(applicationId); };
  return waitingOutNotFound(isNew, send);
}

}  // namespace pingplan::apply
