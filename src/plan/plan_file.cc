#include "plan/plan_file.h"

#include <fstream>
#include <sstream>

#include "model/json.h"
#include "util/atomic_file.h"

namespace pingplan::plan {
namespace {

constexpr const char* kFormatVersion = "1";
constexpr const char* kKind = "pingplan-plan";

Json changeToJson(const Change& c) {
  Json reasons = Json::array();
  for (const auto& r : c.reasons) reasons.push_back(r);
  return Json{{"action", toString(c.action)},
              {"kind", toString(c.kind)},
              {"name", c.name},
              {"parent", c.parent},
              {"id", c.id},
              {"parentId", c.parentId},
              {"before", c.before},
              {"after", c.after},
              {"reasons", reasons}};
}

template <class E>
bool parseEnum(const std::string& text, E& out, std::initializer_list<E> values) {
  for (E v : values) {
    if (text == toString(v)) {
      out = v;
      return true;
    }
  }
  return false;
}

std::string stringField(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Result<Change, std::string> changeFromJson(const Json& j, std::size_t index) {
  const std::string where = "changes[" + std::to_string(index) + "]";
  if (!j.is_object()) return fail(where + " is not an object");
  Change c;
  if (!parseEnum(stringField(j, "action"), c.action,
                 {Action::Create, Action::Update, Action::Replace, Action::Delete})) {
    return fail(where + ": unknown action \"" + stringField(j, "action") + "\"");
  }
  if (!parseEnum(stringField(j, "kind"), c.kind,
                 {Kind::Resource, Kind::Attribute, Kind::Scope, Kind::Application, Kind::Grant})) {
    return fail(where + ": unknown kind \"" + stringField(j, "kind") + "\"");
  }
  c.name = stringField(j, "name");
  if (c.name.empty()) return fail(where + ": missing name");
  c.parent = stringField(j, "parent");
  c.id = stringField(j, "id");
  c.parentId = stringField(j, "parentId");
  c.before = j.value("before", Json());
  c.after = j.value("after", Json());
  if (auto it = j.find("reasons"); it != j.end() && it->is_array()) {
    for (const auto& r : *it) {
      if (r.is_string()) c.reasons.push_back(r.get<std::string>());
    }
  }
  return c;
}

}  // namespace

Json toJson(const Plan& plan) {
  Json changes = Json::array();
  for (const auto& c : plan.changes) changes.push_back(changeToJson(c));
  Json fingerprints = Json::array();
  for (const auto& f : plan.fingerprints) {
    fingerprints.push_back(Json{{"key", f.key}, {"id", f.id}, {"digest", f.digest}});
  }
  return Json{{"format_version", kFormatVersion},        {"kind", kKind},
              {"environment", plan.environmentId},       {"changes", std::move(changes)},
              {"fingerprints", std::move(fingerprints)}, {"desired", model::toJson(plan.desired)}};
}

Result<Plan, std::string> planFromJson(const Json& j) {
  if (!j.is_object() || stringField(j, "kind") != kKind) {
    return fail(std::string("not a saved plan (no \"kind\": \"pingplan-plan\")"));
  }
  const std::string version = stringField(j, "format_version");
  if (version != kFormatVersion) {
    return fail("unsupported saved-plan format_version \"" + version +
                "\" (this pingplan reads \"" + kFormatVersion + "\")");
  }
  Plan plan;
  plan.environmentId = stringField(j, "environment");
  if (auto it = j.find("changes"); it != j.end() && it->is_array()) {
    for (std::size_t i = 0; i < it->size(); ++i) {
      auto change = changeFromJson((*it)[i], i);
      if (!change) return fail(change.error());
      plan.changes.push_back(std::move(*change));
    }
  } else {
    return fail(std::string("saved plan has no \"changes\" list"));
  }
  if (auto it = j.find("fingerprints"); it != j.end() && it->is_array()) {
    for (const auto& f : *it) {
      if (!f.is_object()) return fail(std::string("a fingerprint is not an object"));
      plan.fingerprints.push_back(
          {stringField(f, "key"), stringField(f, "id"), stringField(f, "digest")});
    }
  }
  if (auto it = j.find("desired"); it != j.end() && it->is_object()) {
    plan.desired = model::environmentFromJson(*it);
  } else {
    return fail(std::string("saved plan has no \"desired\" state"));
  }
  return plan;
}

bool looksLikeSavedPlan(const std::string& text) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  return j.is_object() && stringField(j, "kind") == kKind;
}

Status<std::string> writePlanFile(const std::string& path, const Plan& plan) {
  auto written = writeFileAtomically(path, toJson(plan).dump(2) + "\n", 0644);
  if (!written) return fail("cannot write the plan to " + path + ": " + written.error());
  return Ok{};
}

Result<Plan, std::string> readPlanFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot read the plan " + path + ": no such file or not readable");
  std::stringstream buffer;
  buffer << in.rdbuf();
  Json j = Json::parse(buffer.str(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return fail(path + ": not a saved plan (not valid JSON)");
  auto plan = planFromJson(j);
  if (!plan) return fail(path + ": " + plan.error());
  return plan;
}

}  // namespace pingplan::plan
