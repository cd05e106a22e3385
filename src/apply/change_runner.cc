#include "apply/change_runner.h"

#include <algorithm>

#include "model/json.h"
#include "pingone/codec.h"

namespace pingplan::apply {
namespace {

using pingone::ApiError;
using pingone::ApiResult;
using pingone::Collection;
using pingone::Json;
using plan::Action;
using plan::Change;
using plan::Kind;

Unexpected<ApiError> problem(std::string message) {
  ApiError e;
  e.kind = ApiError::Kind::Config;
  e.message = std::move(message);
  return fail(std::move(e));
}

std::string stringField(const Json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_string()) return {};
  return j[key].get<std::string>();
}

Matcher byName(const std::string& name) {
  return [name](const Json& listed) { return stringField(listed, "name") == name; };
}

ApiResult<std::string> idOf(const ApiResult<Json>& created) {
  if (!created.ok()) return fail(created.error());
  std::string id = stringField(*created, "id");
  if (id.empty()) {
    ApiError e;
    e.kind = ApiError::Kind::Decode;
    e.message = "the created object has no id";
    return fail(e);
  }
  return id;
}

ApiResult<std::string> done(const pingone::ApiStatus& status, const std::string& id) {
  if (!status.ok()) return fail(status.error());
  return id;
}

}  // namespace

ChangeRunner::ChangeRunner(Sender& sender, Registry& registry, const Options& options)
    : sender_(sender), registry_(registry), options_(options) {}

ChangeResult ChangeRunner::run(const Change& change) {
  ApiResult<std::string> id = problem("unknown kind of change");
  switch (change.kind) {
    case Kind::Resource:
      id = resource(change);
      break;
    case Kind::Attribute:
    case Kind::Scope:
      id = child(change);
      break;
    case Kind::Application:
      id = application(change);
      break;
    case Kind::Grant:
      id = grant(change);
      break;
  }
  ChangeResult result;
  if (id.ok()) {
    result.outcome = Outcome::Applied;
    result.id = *id;
  } else {
    result.outcome = Outcome::Failed;
    result.message = id.error().message;
    if (change.action == Action::Delete) result.message = namingApplications(result.message);
  }
  return result;
}

// PingOne names the application that blocks a delete by id only ("Remove the scope from
// grant G (application A) first."): add the names of the applications it knows.
std::string ChangeRunner::namingApplications(const std::string& message) const {
  const std::string marker = "application ";
  std::string names;
  for (auto pos = message.find(marker); pos != std::string::npos;
       pos = message.find(marker, pos + 1)) {
    auto start = pos + marker.size();
    auto end = message.find_first_of(" ),;.", start);
    std::string id = message.substr(start, end == std::string::npos ? end : end - start);
    auto name = registry_.applicationName(id);
    if (!name || names.find(id) != std::string::npos) continue;
    names += (names.empty() ? "" : ", ") + ("application " + id + " is \"" + *name + "\"");
  }
  return names.empty() ? message : message + " (" + names + ")";
}

ApiResult<Json> ChangeRunner::liveObject(Collection coll, const std::string& parentId,
                                         const std::string& id) {
  if (auto raw = registry_.liveRaw(id)) return *raw;
  return sender_.get(coll, parentId, id);
}

ApiResult<std::string> ChangeRunner::resource(const Change& c) {
  if (c.action == Action::Delete)
    return done(sender_.remove(Collection::Resources, "", c.id), c.id);
  model::Resource desired = model::resourceFromJson(c.after);
  if (c.action == Action::Create) {
    auto id = idOf(sender_.create(Collection::Resources, "", pingone::encodeResource(desired),
                                  false, byName(desired.name)));
    if (id.ok()) registry_.createdResource(desired.name, *id);
    return id;
  }
  auto raw = liveObject(Collection::Resources, "", c.id);
  if (!raw.ok()) return fail(raw.error());
  auto put = sender_.replace(Collection::Resources, "", c.id,
                             pingone::encodeResource(desired, *raw), false);
  if (!put.ok()) return fail(put.error());
  return c.id;
}

ApiResult<std::string> ChangeRunner::parentResourceId(const Change& c) {
  if (!c.parentId.empty()) return c.parentId;
  if (auto id = registry_.resource(c.parent)) return *id;
  return problem("resource '" + c.parent + "' not found");
}

ApiResult<std::string> ChangeRunner::child(const Change& c) {
  bool isScope = c.kind == Kind::Scope;
  Collection coll = isScope ? Collection::Scopes : Collection::Attributes;
  auto parent = parentResourceId(c);
  if (!parent.ok()) return parent;
  bool parentIsNew = registry_.isNew(*parent);
  if (c.action == Action::Delete) return done(sender_.remove(coll, *parent, c.id), c.id);

  if (c.action == Action::Create) {
    Json body = isScope ? pingone::encodeScope(model::scopeFromJson(c.after))
                        : pingone::encodeAttribute(model::attributeFromJson(c.after));
    std::string name = stringField(body, "name");
    if (name.empty()) name = c.name;
    auto id = idOf(sender_.create(coll, *parent, body, parentIsNew, byName(name)));
    if (id.ok() && isScope) registry_.createdScope(c.parent, c.name, *id);
    return id;
  }
  if (c.id.empty() && !isScope) return subAttributeUpdate(c, *parent);
  auto raw = liveObject(coll, *parent, c.id);
  if (!raw.ok()) return fail(raw.error());
  Json body = isScope ? pingone::encodeScope(model::scopeFromJson(c.after), *raw)
                      : pingone::encodeAttribute(model::attributeFromJson(c.after), *raw);
  auto put = sender_.replace(coll, *parent, c.id, body, parentIsNew);
  if (!put.ok()) return fail(put.error());
  return c.id;
}

// The CORE `sub` of a resource created by this run: the plan could not know its id, so find
// it by name under the resource.
ApiResult<std::string> ChangeRunner::subAttributeUpdate(const Change& c,
                                                        const std::string& resourceId) {
  bool isNew = registry_.isNew(resourceId);
  auto listed = sender_.list(Collection::Attributes, resourceId, isNew);
  if (!listed.ok()) return fail(listed.error());
  auto it = std::find_if(listed->begin(), listed->end(), byName(c.name));
  if (it == listed->end()) {
    return problem("attribute '" + c.name + "' of resource '" + c.parent + "' not found");
  }
  std::string id = stringField(*it, "id");
  Json body = pingone::encodeAttribute(model::attributeFromJson(c.after), *it);
  auto put = sender_.replace(Collection::Attributes, resourceId, id, body, isNew);
  if (!put.ok()) return fail(put.error());
  return id;
}

ApiResult<std::string> ChangeRunner::application(const Change& c) {
  if (c.action == Action::Delete) {
    return done(sender_.remove(Collection::Applications, "", c.id), c.id);
  }
  model::Application desired = model::applicationFromJson(c.after);
  if (c.action == Action::Update) {
    auto raw = liveObject(Collection::Applications, "", c.id);
    if (!raw.ok()) return fail(raw.error());
    auto put = sender_.replace(Collection::Applications, "", c.id,
                               pingone::encodeApplication(desired, *raw), false);
    if (!put.ok()) return fail(put.error());
    return c.id;
  }
  if (c.action == Action::Replace) {
    auto removed = sender_.remove(Collection::Applications, "", c.id);
    if (!removed.ok()) return fail(removed.error());
  }
  // Application names are not unique in PingOne: an app of this name that was not live
  // before the run is the one this run created.
  std::string name = desired.name;
  Matcher ours = [this, name](const Json& listed) {
    return stringField(listed, "name") == name && !registry_.wasLive(stringField(listed, "id"));
  };
  auto id = idOf(sender_.create(Collection::Applications, "", pingone::encodeApplication(desired),
                                false, ours));
  if (id.ok()) {
    registry_.createdApplication(name, *id);
    collect(name, *id);
  }
  return id;
}

void ChangeRunner::collect(const std::string& name, const std::string& id) {
  Credentials creds{name, id, id, "", sender_.environmentId()};
  std::string warning;
  if (options_.collectCredentials) {
    auto secret = sender_.readSecret(id, true);
    if (secret.ok()) {
      creds.clientSecret = *secret;
    } else {
      warning = "could not read the client secret of application '" + name +
                "': " + secret.error().message;
    }
  }
  std::lock_guard lock(mutex_);
  credentials_.push_back(std::move(creds));
  if (!warning.empty()) warnings_.push_back(std::move(warning));
}

ApiResult<std::string> ChangeRunner::applicationId(const Change& c) {
  // A delete addresses the live app; a create or update the app as it is now, which may
  // have been created or replaced earlier in this run.
  if (c.action == Action::Delete && !c.parentId.empty()) return c.parentId;
  if (auto id = registry_.application(c.parent)) return *id;
  if (!c.parentId.empty()) return c.parentId;
  return problem("application '" + c.parent + "' not found");
}

ApiResult<std::string> ChangeRunner::grant(const Change& c) {
  auto app = applicationId(c);
  if (!app.ok()) return app;
  if (c.action == Action::Delete) return done(sender_.remove(Collection::Grants, *app, c.id), c.id);

  model::Grant desired = model::grantFromJson(c.after);
  if (desired.resource.empty()) desired.resource = c.name;
  auto resourceId = registry_.resource(desired.resource);
  if (!resourceId) return problem("resource '" + desired.resource + "' not found");
  desired.resourceId = *resourceId;
  desired.scopeIds.clear();
  for (const auto& scope : desired.scopes) {
    auto scopeId = registry_.scope(desired.resource, scope);
    if (!scopeId) {
      return problem("scope '" + scope + "' of resource '" + desired.resource + "' not found");
    }
    desired.scopeIds.push_back(*scopeId);
  }
  bool appIsNew = registry_.isNew(*app);
  if (c.action == Action::Create) {
    std::string rid = desired.resourceId;
    Matcher ours = [rid](const Json& listed) {
      return listed.is_object() && listed.contains("resource") &&
             stringField(listed["resource"], "id") == rid;
    };
    return idOf(
        sender_.create(Collection::Grants, *app, pingone::encodeGrant(desired), appIsNew, ours));
  }
  auto raw = liveObject(Collection::Grants, *app, c.id);
  if (!raw.ok()) return fail(raw.error());
  auto put = sender_.replace(Collection::Grants, *app, c.id, pingone::encodeGrant(desired, *raw),
                             appIsNew);
  if (!put.ok()) return fail(put.error());
  return c.id;
}

std::vector<Credentials> ChangeRunner::credentials() const {
  std::lock_guard lock(mutex_);
  auto sorted = credentials_;
  std::sort(sorted.begin(), sorted.end(),
            [](const Credentials& a, const Credentials& b) { return a.name < b.name; });
  return sorted;
}

std::vector<std::string> ChangeRunner::warnings() const {
  std::lock_guard lock(mutex_);
  return warnings_;
}

}  // namespace pingplan::apply
