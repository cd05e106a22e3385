#pragma once
// Store: one PingOne environment's configuration (resources, attributes, scopes, applications,
// secrets, grants) held as JSON documents, with the API's validation rules. Every mutating call
// either applies completely or throws ApiError and changes nothing. Not thread-safe: the server
// holds one mutex around every call.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace emulator {

/// The environment's objects. Objects are returned as stored, without `_links` (see hal.h).
class Store {
 public:
  using json = nlohmann::json;

  /// An empty environment; call seed() to add the built-ins and the worker.
  explicit Store(std::string environmentId);
  /// A store saved by toJson(); throws std::runtime_error when the document is malformed.
  static Store fromJson(const json& document);
  /// The whole store, secrets included (the --state file format).
  json toJson() const { return doc_; }

  /// Adds openid and PingOne API with their scopes and attributes, the Admin Console system
  /// app, and the worker app with the given id and secret.
  void seed(const std::string& workerId, const std::string& workerSecret,
            const std::string& workerJwks);
  const std::string& environmentId() const { return environmentId_; }

  // Resources: /resources[/{id}]
  const json& resources() const { return doc_["resources"]; }
  const json& resource(const std::string& id) const;
  json createResource(const json& body);
  json replaceResource(const std::string& id, const json& body);
  void deleteResource(const std::string& id);

  // Attributes: /resources/{resId}/attributes[/{id}]
  json attributes(const std::string& resourceId) const;
  const json& attribute(const std::string& resourceId, const std::string& id) const;
  json createAttribute(const std::string& resourceId, const json& body);
  json replaceAttribute(const std::string& resourceId, const std::string& id, const json& body);
  void deleteAttribute(const std::string& resourceId, const std::string& id);

  // Scopes: /resources/{resId}/scopes[/{id}]
  json scopes(const std::string& resourceId) const;
  const json& scope(const std::string& resourceId, const std::string& id) const;
  json createScope(const std::string& resourceId, const json& body);
  json replaceScope(const std::string& resourceId, const std::string& id, const json& body);
  void deleteScope(const std::string& resourceId, const std::string& id);

  // Applications: /applications[/{id}] and /applications/{id}/secret
  const json& applications() const { return doc_["applications"]; }
  const json& application(const std::string& id) const;
  json createApplication(const json& body);
  json replaceApplication(const std::string& id, const json& body);
  void deleteApplication(const std::string& id);
  /// The current secret of an application (404 for unknown ids).
  const std::string& secret(const std::string& applicationId) const;
  /// Replaces the secret; body may hold previous.expiresAt. Returns the secret document.
  json rotateSecret(const std::string& applicationId, const json& body);
  /// The secret document {environment, secret, previous?} for GET .../secret.
  json secretDocument(const std::string& applicationId) const;
  /// True when presented matches the current secret or an unexpired previous one.
  bool secretMatches(const std::string& applicationId, const std::string& presented) const;
  /// The application by id, or nullptr (used by the token endpoint).
  const json* findApplication(const std::string& id) const;
  /// Sets an application's secret (the worker's --client-secret), dropping any previous one.
  void setSecret(const std::string& applicationId, const std::string& secret);
  /// Sets or clears (empty text) an application's `jwks` (the worker's --client-jwks).
  void setJwks(const std::string& applicationId, const std::string& jwks);

  // Grants: /applications/{appId}/grants[/{id}]
  json grants(const std::string& applicationId) const;
  const json& grant(const std::string& applicationId, const std::string& id) const;
  json createGrant(const std::string& applicationId, const json& body);
  json replaceGrant(const std::string& applicationId, const std::string& id, const json& body);
  void deleteGrant(const std::string& applicationId, const std::string& id);

 private:
  json& collection(const char* name) { return doc_[name]; }
  const json& collection(const char* name) const { return doc_.at(name); }
  json* find(const char* name, const std::string& id);
  const json* find(const char* name, const std::string& id) const;
  json* findChild(const char* name, const char* parent, const std::string& parentId,
                  const std::string& id);
  void erase(const char* name, const std::string& id);
  json base(const std::string& id) const;
  json& mutableApplicationForGrants(const std::string& applicationId);
  void checkAttributeName(const json& resource, const std::string& name,
                          const std::string& exceptId) const;
  void checkScopeName(const json& resource, const std::string& name,
                      const std::string& exceptId) const;
  void checkGrant(const json& application, const json& resource, const json& scopes,
                  const std::string& exceptGrantId) const;
  json applicationFromBody(const json& body, const json* existing) const;

  std::string environmentId_;
  json doc_;
};

}  // namespace emulator
