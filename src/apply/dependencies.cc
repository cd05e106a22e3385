#include "apply/dependencies.h"

#include <algorithm>
#include <string>

namespace pingplan::apply {
namespace {

using plan::Action;
using plan::Change;
using plan::Kind;

bool isDelete(const Change& c) { return c.action == Action::Delete; }

/// The scope names a grant change holds in `side` (before or after).
std::vector<std::string> grantScopes(const plan::Json& side) {
  std::vector<std::string> names;
  if (!side.is_object() || !side.contains("scopes") || !side["scopes"].is_array()) return names;
  for (const auto& s : side["scopes"]) {
    if (s.is_string()) names.push_back(s.get<std::string>());
  }
  return names;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// A create, update or replace: needs what it points at to exist.
bool needsParent(const Change& c, const Change& d) {
  if (isDelete(d)) {
    // A grant create waits for the same app's grant deletes (a grant moved between resources
    // that hold scopes of the same name would collide).
    return c.kind == Kind::Grant && c.action == Action::Create && d.kind == Kind::Grant &&
           d.parent == c.parent;
  }
  switch (c.kind) {
    case Kind::Attribute:
    case Kind::Scope:
      return d.kind == Kind::Resource && d.name == c.parent;
    case Kind::Grant:
      if (d.kind == Kind::Application) return d.name == c.parent;
      if (d.kind == Kind::Resource) return d.name == c.name;
      if (d.kind == Kind::Scope)
        return d.parent == c.name && contains(grantScopes(c.after), d.name);
      return false;
    case Kind::Resource:
    case Kind::Application:
      return false;
  }
  return false;
}

// A delete: needs what hangs on it gone first.
bool needsChildrenGone(const Change& c, const Change& d) {
  bool grantAway =
      d.kind == Kind::Grant && (d.action == Action::Delete || d.action == Action::Update);
  switch (c.kind) {
    case Kind::Resource:
      if (grantAway) return d.name == c.name;
      return (d.kind == Kind::Attribute || d.kind == Kind::Scope) && isDelete(d) &&
             d.parent == c.name;
    case Kind::Scope:
      return grantAway && d.name == c.parent && contains(grantScopes(d.before), c.name);
    case Kind::Application:
      return d.kind == Kind::Grant && isDelete(d) && d.parent == c.name;
    case Kind::Attribute:
    case Kind::Grant:
      return false;
  }
  return false;
}

}  // namespace

bool dependsOn(const Change& change, const Change& earlier) {
  return isDelete(change) ? needsChildrenGone(change, earlier) : needsParent(change, earlier);
}

std::vector<std::vector<std::size_t>> dependencies(const std::vector<Change>& changes) {
  std::vector<std::vector<std::size_t>> deps(changes.size());
  for (std::size_t i = 0; i < changes.size(); ++i) {
    int p = plan::phase(changes[i]);
    for (std::size_t j = 0; j < changes.size(); ++j) {
      if (j != i && plan::phase(changes[j]) < p && dependsOn(changes[i], changes[j])) {
        deps[i].push_back(j);
      }
    }
  }
  return deps;
}

}  // namespace pingplan::apply
