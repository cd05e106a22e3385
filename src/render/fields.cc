#include "render/fields.h"

#include <set>

namespace pingplan::render {

const char* symbol(plan::Action action) {
  switch (action) {
    case plan::Action::Create:
      return "+";
    case plan::Action::Update:
      return "~";
    case plan::Action::Replace:
      return "-/+";
    case plan::Action::Delete:
      return "-";
  }
  return "?";
}

std::string title(const plan::Change& c) {
  const std::string quoted = "\"" + c.name + "\"";
  switch (c.kind) {
    case plan::Kind::Resource:
    case plan::Kind::Application:
      return std::string(plan::toString(c.kind)) + " " + quoted;
    case plan::Kind::Attribute:
    case plan::Kind::Scope:
      return std::string(plan::toString(c.kind)) + " " + quoted + " of resource \"" + c.parent +
             "\"";
    case plan::Kind::Grant:
      return "grant of resource " + quoted + " to application \"" + c.parent + "\"";
  }
  return quoted;
}

bool isSensitive(const std::string& field) {
  static const std::set<std::string> kFields = {"clientSecret", "secret", "privateKey",
                                                "accessToken"};
  return kFields.count(field) > 0;
}

plan::Json masked(const plan::Json& object) {
  if (!object.is_object()) return object;
  plan::Json out = object;
  for (auto& [key, value] : out.items()) {
    if (isSensitive(key) && !value.is_null()) value = kSensitive;
  }
  return out;
}

std::vector<FieldLine> fieldLines(const plan::Change& c) {
  // Compare the real values (a changed secret still shows as changed), show masked ones.
  const plan::Json& before = c.before;
  const plan::Json& after = c.after;
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const auto* side : {&after, &before}) {
    if (!side->is_object()) continue;
    for (const auto& [key, value] : side->items()) {
      if (seen.insert(key).second) names.push_back(key);
    }
  }
  const bool changedOnly = c.action == plan::Action::Update || c.action == plan::Action::Replace;
  std::vector<FieldLine> lines;
  for (const auto& name : names) {
    plan::Json b = before.is_object() ? before.value(name, plan::Json()) : plan::Json();
    plan::Json a = after.is_object() ? after.value(name, plan::Json()) : plan::Json();
    if (changedOnly && a == b) continue;
    if (isSensitive(name)) {
      if (!b.is_null()) b = kSensitive;
      if (!a.is_null()) a = kSensitive;
    }
    lines.push_back({name, std::move(b), std::move(a)});
  }
  return lines;
}

std::string formatValue(const plan::Json& value) {
  if (value.is_null()) return "(none)";
  if (value.is_array()) {
    std::string out = "[";
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (i > 0) out += ", ";
      out += formatValue(value[i]);
    }
    return out + "]";
  }
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string summaryLine(const plan::Summary& s) {
  if (s.empty()) return "No changes. The live environment matches the manifest.";
  return "Plan: " + std::to_string(s.create) + " to add, " + std::to_string(s.update) +
         " to change, " + std::to_string(s.replace) + " to replace, " + std::to_string(s.destroy) +
         " to delete.";
}

}  // namespace pingplan::render
