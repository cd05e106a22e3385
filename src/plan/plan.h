#pragma once
// Plan: the list of changes between a manifest and the live environment, each with its
// reasons, plus a fingerprint of every live object the plan read, so a saved plan can tell
// when the environment moved on. Values are shown in the manifest's own terms (see
// model/json.h), never with secrets.

#include <string>
#include <vector>

#include "model/model.h"

namespace pingplan::plan {

using Json = model::Json;

enum class Action { Create, Update, Replace, Delete };
enum class Kind { Resource, Attribute, Scope, Application, Grant };

/// "create" | "update" | "replace" | "delete", and "resource" | "attribute" | ... as in JSON.
const char* toString(Action a);
const char* toString(Kind k);

/// One change to one object. Children (attributes, scopes, grants) are changes of their own.
struct Change {
  Action action = Action::Create;
  Kind kind = Kind::Resource;
  /// The object's name; for a grant, the name of the resource it grants.
  std::string name;
  /// For attributes and scopes: the resource's name; for grants: the application's name.
  std::string parent;
  /// The managed fields as they are live (null for a create) and as desired (null for a
  /// delete), in manifest terms: model::toJson of the object without its child lists.
  Json before;
  Json after;
  /// Why, in words: "not in the live environment", "description differs", "ensure: absent",
  /// "type is immutable (WORKER -> WEB_APP)", "not declared in the manifest"...
  std::vector<std::string> reasons;
  std::string id;        // live id, for update, replace and delete
  std::string parentId;  // live id of the parent, when the parent exists already
};

/// A digest of one live object as the plan read it; id and digest are empty when the plan
/// relied on the object being absent.
struct Fingerprint {
  std::string key;  // "resource:NAME", "attribute:RES/NAME", "scope:RES/NAME",
                    // "application:NAME", "grant:APP/RES"
  std::string id;
  std::string digest;
};

/// The phase a change runs in. A plan's changes are sorted by phase; changes of one phase do
/// not depend on each other (except scope deletes, which run one at a time) and may run in
/// parallel, and every phase waits for the ones before it:
///   0 resources: create, update, replace     4 grants: update
///   1 attributes and scopes: create, update  5 grants: create
///   2 applications: create, update, replace  6 attributes and scopes: delete
///   3 grants: delete                         7 resources and applications: delete
/// Grant deletes come before grant creates so a grant moved between resources that hold
/// scopes of the same name never collides (PingOne refuses two such grants on one app).
int phase(const Change& change);
constexpr int kPhaseCount = 8;

struct Summary {
  int create = 0, update = 0, replace = 0, destroy = 0;
  bool empty() const { return create + update + replace + destroy == 0; }
};

struct Plan {
  std::string environmentId;
  std::vector<Change> changes;            // in a stable order: see diff.h
  std::vector<Fingerprint> fingerprints;  // sorted by key
  /// The manifest the plan was made from, so `apply PLANFILE` can confirm convergence.
  model::DesiredState desired;
  Summary summary() const;
};

}  // namespace pingplan::plan
