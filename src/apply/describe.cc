#include "apply/describe.h"

namespace pingplan::apply {

std::string describe(const plan::Change& change) {
  switch (change.kind) {
    case plan::Kind::Resource:
      return "resource " + change.name;
    case plan::Kind::Attribute:
      return "attribute " + change.parent + "/" + change.name;
    case plan::Kind::Scope:
      return "scope " + change.parent + "/" + change.name;
    case plan::Kind::Application:
      return "application " + change.name;
    case plan::Kind::Grant:
      return "grant " + change.parent + " -> " + change.name;
  }
  return change.name;
}

const char* pastTense(plan::Action action) {
  switch (action) {
    case plan::Action::Create:
      return "created";
    case plan::Action::Update:
      return "updated";
    case plan::Action::Replace:
      return "replaced";
    case plan::Action::Delete:
      return "deleted";
  }
  return "";
}

}  // namespace pingplan::apply
