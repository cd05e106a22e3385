#pragma once
// FakeApi: an in-memory pingone::Api for executor tests. It stores objects per collection and
// parent, records every call, and lets a test inject failures: an error instead of the call,
// or a write that is applied and then answered with UnknownOutcome (a dropped answer), or
// 404s for a just-created object. Like PingOne, a new resource gets a CORE `sub` attribute.

#include <algorithm>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "pingone/api.h"

namespace pingplan::testing {

using pingone::ApiError;
using pingone::ApiResult;
using pingone::ApiStatus;
using pingone::Collection;
using pingone::Json;

/// One call the fake received.
struct Call {
  std::string method;  // GET, LIST, POST, PUT, DELETE, SECRET
  Collection collection = Collection::Resources;
  std::string parentId;
  std::string id;
  Json body;
};

/// What to do with a call instead of answering it normally.
struct Injection {
  enum class When { Instead, AfterCommit } when = When::Instead;
  ApiError error;
};

inline ApiError httpError(int status, std::string code, std::string message) {
  ApiError e;
  e.kind = ApiError::Kind::Http;
  e.status = status;
  e.code = std::move(code);
  e.message = std::move(message);
  return e;
}

inline ApiError unknownOutcome() {
  ApiError e;
  e.kind = ApiError::Kind::UnknownOutcome;
  e.message = "no answer";
  return e;
}

class FakeApi : public pingone::Api {
 public:
  /// Decides per call; null or nullopt: answer normally.
  std::function<std::optional<Injection>(const Call&)> inject;
  /// Objects created from now on answer 404 to this many requests that address them.
  int notFoundAfterCreate = 0;
  /// Called inside every write, outside the lock (to hold calls in flight).
  std::function<void(const Call&)> duringWrite;

  const std::string& environmentId() const override { return env_; }

  /// Seeds an object and returns its id.
  std::string seed(Collection c, const std::string& parentId, Json object) {
    std::lock_guard lock(mutex_);
    return store(c, parentId, std::move(object), false);
  }

  ApiResult<std::vector<Json>> list(Collection c, const std::string& parentId) override {
    Call call{"LIST", c, parentId, "", nullptr};
    if (auto e = before(call)) return fail(*e);
    std::lock_guard lock(mutex_);
    if (hidden(parentId)) return fail(notFound());
    return objects_[{c, parentId}];
  }

  ApiResult<Json> get(Collection c, const std::string& parentId, const std::string& id) override {
    Call call{"GET", c, parentId, id, nullptr};
    if (auto e = before(call)) return fail(*e);
    std::lock_guard lock(mutex_);
    if (hidden(parentId) || hidden(id)) return fail(notFound());
    auto* o = find(c, parentId, id);
    if (o == nullptr) return fail(notFound());
    return *o;
  }

  ApiResult<Json> create(Collection c, const std::string& parentId, const Json& body) override {
    Call call{"POST", c, parentId, "", body};
    auto injected = injection(call);
    if (injected && injected->when == Injection::When::Instead) return fail(injected->error);
    if (duringWrite) duringWrite(call);
    std::lock_guard lock(mutex_);
    if (hidden(parentId)) return fail(notFound());
    if (!parentId.empty() && !exists(parentId)) return fail(notFound());
    std::string id = store(c, parentId, body, true);
    if (injected) return fail(injected->error);
    return *find(c, parentId, id);
  }

  ApiResult<Json> replace(Collection c, const std::string& parentId, const std::string& id,
                          const Json& body) override {
    Call call{"PUT", c, parentId, id, body};
    auto injected = injection(call);
    if (injected && injected->when == Injection::When::Instead) return fail(injected->error);
    if (duringWrite) duringWrite(call);
    std::lock_guard lock(mutex_);
    if (hidden(parentId) || hidden(id)) return fail(notFound());
    auto* o = find(c, parentId, id);
    if (o == nullptr) return fail(notFound());
    Json updated = body;
    updated["id"] = id;
    *o = updated;
    if (injected) return fail(injected->error);
    return updated;
  }

  ApiStatus remove(Collection c, const std::string& parentId, const std::string& id) override {
    Call call{"DELETE", c, parentId, id, nullptr};
    auto injected = injection(call);
    if (injected && injected->when == Injection::When::Instead) return fail(injected->error);
    if (duringWrite) duringWrite(call);
    std::lock_guard lock(mutex_);
    auto& list = objects_[{c, parentId}];
    auto it = std::find_if(list.begin(), list.end(), [&](const Json& o) { return o["id"] == id; });
    if (it == list.end()) return fail(notFound());
    list.erase(it);
    if (injected) return fail(injected->error);
    return Ok{};
  }

  ApiResult<std::string> readSecret(const std::string& applicationId) override {
    Call call{"SECRET", Collection::Applications, "", applicationId, nullptr};
    if (auto e = before(call)) return fail(*e);
    std::lock_guard lock(mutex_);
    if (hidden(applicationId)) return fail(notFound());
    if (find(Collection::Applications, "", applicationId) == nullptr) return fail(notFound());
    return "secret-of-" + applicationId;
  }

  /// Every call so far, in the order received.
  std::vector<Call> calls() const {
    std::lock_guard lock(mutex_);
    return calls_;
  }
  std::vector<Call> calls(const std::string& method, Collection c) const {
    std::vector<Call> out;
    for (const auto& call : calls()) {
      if (call.method == method && call.collection == c) out.push_back(call);
    }
    return out;
  }
  std::vector<Json> objects(Collection c, const std::string& parentId = "") const {
    std::lock_guard lock(mutex_);
    auto it = objects_.find({c, parentId});
    return it == objects_.end() ? std::vector<Json>{} : it->second;
  }
  std::optional<Json> named(Collection c, const std::string& name,
                            const std::string& parentId = "") const {
    for (const auto& o : objects(c, parentId)) {
      if (o.value("name", "") == name) return o;
    }
    return std::nullopt;
  }

 private:
  static ApiError notFound() { return httpError(404, "NOT_FOUND", "-> 404 NOT_FOUND"); }

  std::optional<ApiError> before(const Call& call) {
    auto injected = injection(call);
    if (injected) return injected->error;
    return std::nullopt;
  }

  std::optional<Injection> injection(const Call& call) {
    {
      std::lock_guard lock(mutex_);
      calls_.push_back(call);
    }
    if (!inject) return std::nullopt;
    return inject(call);
  }

  std::string store(Collection c, const std::string& parentId, Json object, bool isNew) {
    std::string id = "id-" + std::to_string(++nextId_);
    object["id"] = id;
    objects_[{c, parentId}].push_back(object);
    exists_.push_back(id);
    if (isNew && notFoundAfterCreate > 0) hiddenFor_[id] = notFoundAfterCreate;
    if (c == Collection::Resources) {
      objects_[{Collection::Attributes, id}].push_back(
          {{"id", id + "-sub"}, {"name", "sub"}, {"value", "${user.id}"}, {"type", "CORE"}});
      exists_.push_back(id + "-sub");
    }
    return id;
  }

  // True (and counts down) while a just-created object still answers 404.
  bool hidden(const std::string& id) {
    auto it = hiddenFor_.find(id);
    if (it == hiddenFor_.end() || it->second == 0) return false;
    --it->second;
    return true;
  }

  bool exists(const std::string& id) const {
    return std::find(exists_.begin(), exists_.end(), id) != exists_.end();
  }

  Json* find(Collection c, const std::string& parentId, const std::string& id) {
    auto& list = objects_[{c, parentId}];
    for (auto& o : list) {
      if (o["id"] == id) return &o;
    }
    return nullptr;
  }

  std::string env_ = "env-1";
  mutable std::mutex mutex_;
  int nextId_ = 0;
  std::map<std::pair<Collection, std::string>, std::vector<Json>> objects_;
  std::vector<std::string> exists_;
  std::map<std::string, int> hiddenFor_;
  std::vector<Call> calls_;
};

}  // namespace pingplan::testing
