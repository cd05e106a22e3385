// Emulator: the management API under /v1/environments/{envId}/. Every call needs a valid bearer
// token; bodies must be JSON; the store does the validation. Writes are saved to the --state
// file and may have their answer dropped (fault injection).

#include <cctype>

#include "emulator/api_error.h"
#include "emulator/connection_drop.h"
#include "emulator/request_context.h"
#include "emulator/server.h"

namespace emulator {
namespace {

using json = nlohmann::json;

bool isWrite(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "DELETE";
}

bool jsonContentType(const std::string& contentType) {
  std::string lower;
  for (char c : contentType)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return lower.rfind("application/json", 0) == 0;
}

ApiError methodNotAllowed() {
  return ApiError(405, "INVALID_REQUEST", "The HTTP method is not supported on this path.");
}

ApiError invalidToken(const std::string& message) {
  return ApiError(401, "ACCESS_FAILED", message, {{"INVALID_TOKEN", "", message}});
}

}  // namespace

json Emulator::item(const json& object, const std::string& path) const {
  return hal_->item(object, path, environmentId_);
}

json Emulator::list(const httplib::Request& req, const std::string& path, const std::string& name,
                    const json& items) {
  json rendered = json::array();
  for (const auto& object : items) {
    rendered.push_back(item(object, path + "/" + object["id"].get<std::string>()));
  }
  PageRequest page;
  if (req.has_param("limit")) page.limit = req.get_param_value("limit");
  if (req.has_param("cursor")) page.cursor = req.get_param_value("cursor");
  return hal_->page(path, name, rendered, page, static_cast<size_t>(faults_.settings().pageSize));
}

json Emulator::serve(const Collection& collection, const std::string* id, const json& body,
                     const httplib::Request& req, httplib::Response& res) {
  const std::string& method = req.method;
  if (id == nullptr) {
    if (method == "GET") return list(req, collection.path, collection.name, collection.all());
    if (method != "POST") throw methodNotAllowed();
    json created = collection.create(body);
    faults_.created(created["id"]);
    res.status = 201;
    return item(created, collection.path + "/" + created["id"].get<std::string>());
  }
  std::string path = collection.path + "/" + *id;
  if (method == "GET") {
    if (faults_.hide(*id)) throw notFound();
    return item(collection.get(*id), path);
  }
  if (method == "PUT") return item(collection.replace(*id, body), path);
  if (method != "DELETE") throw methodNotAllowed();
  collection.remove(*id);
  res.status = 204;
  return nullptr;
}

void Emulator::handleApi(const httplib::Request& req, httplib::Response& res,
                         const std::vector<std::string>& segments) {
  if (injectFault(res)) return;
  std::string callerId;
  switch (tokens_->check(req.get_header_value("Authorization"), callerId)) {
    case BearerCheck::kValid:
      break;
    case BearerCheck::kMissing:
      res.set_header("WWW-Authenticate", "Bearer");
      throw invalidToken("The request could not be completed. An access token is required.");
    case BearerCheck::kExpired:
      res.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      throw invalidToken("The request could not be completed. The access token has expired.");
    case BearerCheck::kInvalid:
      res.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      throw invalidToken("The request could not be completed. The access token is invalid.");
  }
  if (segments.size() < 3 || segments[1] != "environments") throw notFound();
  if (segments[2] != environmentId_) {
    throw ApiError(403, "ACCESS_FAILED",
                   "The actor attempting to perform the request is not authorized.",
                   {{"INSUFFICIENT_PERMISSIONS", "environment",
                     "The token does not grant access to this environment."}});
  }

  json body = nullptr;
  if (req.method == "POST" || req.method == "PUT") {
    if (!req.body.empty() || req.has_header("Content-Type")) {
      if (!jsonContentType(req.get_header_value("Content-Type"))) {
        throw ApiError(415, "INVALID_REQUEST", "The request body must be application/json.");
      }
      body = json::parse(req.body, nullptr, false);
      if (body.is_discarded()) throw invalidRequest("The request body is not valid JSON.");
    }
  }

  std::lock_guard lock(storeMutex_);
  json answer = routeApi(req, res, segments, body, callerId);
  if (isWrite(req.method)) {
    saveLocked();
    if (faults_.takeDrop()) {
      int socket = connectionSocket(req.local_port, req.remote_addr, req.remote_port);
      currentRequest().dropped = socket >= 0;
      logRequest(req, res);  // before the client can see the drop and read the log
      if (socket >= 0) dropConnection(socket);
    }
  }
  if (res.status == 204) {
    res.body.clear();
  } else {
    sendJson(res, res.status, answer);
  }
}

json Emulator::routeApi(const httplib::Request& req, httplib::Response& res,
                        const std::vector<std::string>& segments, const json& body,
                        const std::string& callerId) {
  const std::string& method = req.method;
  res.status = 200;
  if (segments.size() == 3) {
    if (method != "GET") throw methodNotAllowed();
    return item({{"id", environmentId_},
                 {"name", "pingone-emulator"},
                 {"type", "SANDBOX"},
                 {"region", "NA"},
                 {"createdAt", "2026-01-01T00:00:00.000Z"}},
                "/environments/" + environmentId_);
  }
  if (segments[3] == "resources") return routeResources(segments, body, req, res);
  if (segments[3] == "applications") return routeApplications(segments, body, req, res, callerId);
  throw notFound();
}

json Emulator::routeResources(const std::vector<std::string>& s, const json& body,
                              const httplib::Request& req, httplib::Response& res) {
  std::string prefix = "/environments/" + environmentId_ + "/resources";
  if (s.size() <= 5) {
    Collection resources{
        prefix,
        "resources",
        [&] { return store_.resources(); },
        [&](const json& b) { return store_.createResource(b); },
        [&](const std::string& id) { return store_.resource(id); },
        [&](const std::string& id, const json& b) { return store_.replaceResource(id, b); },
        [&](const std::string& id) { store_.deleteResource(id); }};
    return serve(resources, s.size() == 5 ? &s[4] : nullptr, body, req, res);
  }
  const std::string& id = s[4];
  const std::string& kind = s[5];
  if (s.size() > 7 || (kind != "attributes" && kind != "scopes")) throw notFound();
  Collection children =
      kind == "attributes"
          ? Collection{prefix + "/" + id + "/attributes",
                       kind,
                       [&] { return store_.attributes(id); },
                       [&](const json& b) { return store_.createAttribute(id, b); },
                       [&](const std::string& c) { return store_.attribute(id, c); },
                       [&](const std::string& c, const json& b) {
                         return store_.replaceAttribute(id, c, b);
                       },
                       [&](const std::string& c) { store_.deleteAttribute(id, c); }}
          : Collection{
                prefix + "/" + id + "/scopes",
                kind,
                [&] { return store_.scopes(id); },
                [&](const json& b) { return store_.createScope(id, b); },
                [&](const std::string& c) { return store_.scope(id, c); },
                [&](const std::string& c, const json& b) { return store_.replaceScope(id, c, b); },
                [&](const std::string& c) { store_.deleteScope(id, c); }};
  return serve(children, s.size() == 7 ? &s[6] : nullptr, body, req, res);
}

json Emulator::routeApplications(const std::vector<std::string>& s, const json& body,
                                 const httplib::Request& req, httplib::Response& res,
                                 const std::string& callerId) {
  std::string prefix = "/environments/" + environmentId_ + "/applications";
  if (s.size() <= 5) {
    Collection applications{
        prefix,
        "applications",
        [&] { return store_.applications(); },
        [&](const json& b) { return store_.createApplication(b); },
        [&](const std::string& id) { return store_.application(id); },
        [&](const std::string& id, const json& b) { return store_.replaceApplication(id, b); },
        [&](const std::string& id) { store_.deleteApplication(id); }};
    return serve(applications, s.size() == 5 ? &s[4] : nullptr, body, req, res);
  }
  const std::string& id = s[4];
  if (s[5] == "secret" && s.size() == 6) return secret(req.method, id, body, callerId);
  if (s[5] != "grants" || s.size() > 7) throw notFound();
  Collection grants{
      prefix + "/" + id + "/grants",
      "grants",
      [&] { return store_.grants(id); },
      [&](const json& b) { return store_.createGrant(id, b); },
      [&](const std::string& g) { return store_.grant(id, g); },
      [&](const std::string& g, const json& b) { return store_.replaceGrant(id, g, b); },
      [&](const std::string& g) { store_.deleteGrant(id, g); }};
  return serve(grants, s.size() == 7 ? &s[6] : nullptr, body, req, res);
}

json Emulator::secret(const std::string& method, const std::string& id, const json& body,
                      const std::string& callerId) {
  json document;
  if (method == "GET") {
    store_.application(id);
    if (id == callerId) {
      throw ApiError(403, "ACCESS_FAILED",
                     "The actor attempting to perform the request is not authorized.",
                     {{"INSUFFICIENT_PERMISSIONS", "secret",
                       "A worker application cannot read its own secret."}});
    }
    document = store_.secretDocument(id);
  } else if (method == "POST") {
    document = store_.rotateSecret(id, body);
  } else {
    throw methodNotAllowed();
  }
  std::string path = "/environments/" + environmentId_ + "/applications/" + id;
  document["_links"] = {{"self", {{"href", apiUrl(path + "/secret")}}},
                        {"application", {{"href", apiUrl(path)}}},
                        {"environment", {{"href", apiUrl("/environments/" + environmentId_)}}}};
  return document;
}

}  // namespace emulator
