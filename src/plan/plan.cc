#include "plan/plan.h"

namespace pingplan::plan {

const char* toString(Action a) {
  switch (a) {
    case Action::Create:
      return "create";
    case Action::Update:
      return "update";
    case Action::Replace:
      return "replace";
    case Action::Delete:
      return "delete";
  }
  return "?";
}

const char* toString(Kind k) {
  switch (k) {
    case Kind::Resource:
      return "resource";
    case Kind::Attribute:
      return "attribute";
    case Kind::Scope:
      return "scope";
    case Kind::Application:
      return "application";
    case Kind::Grant:
      return "grant";
  }
  return "?";
}

int phase(const Change& change) {
  const bool del = change.action == Action::Delete;
  switch (change.kind) {
    case Kind::Resource:
      return del ? 7 : 0;
    case Kind::Attribute:
    case Kind::Scope:
      return del ? 6 : 1;
    case Kind::Application:
      return del ? 7 : 2;
    case Kind::Grant:
      if (del) return 3;
      return change.action == Action::Update ? 4 : 5;
  }
  return kPhaseCount - 1;
}

Summary Plan::summary() const {
  Summary s;
  for (const auto& c : changes) {
    switch (c.action) {
      case Action::Create:
        ++s.create;
        break;
      case Action::Update:
        ++s.update;
        break;
      case Action::Replace:
        ++s.replace;
        break;
      case Action::Delete:
        ++s.destroy;
        break;
    }
  }
  return s;
}

}  // namespace pingplan::plan
