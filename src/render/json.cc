// The JSON renderer: the versioned plan for machines (design §6).

#include "render/fields.h"
#include "render/render.h"

namespace pingplan::render {

std::string renderJson(const plan::Plan& plan) {
  plan::Json changes = plan::Json::array();
  for (const auto& c : plan.changes) {
    plan::Json j;
    j["action"] = plan::toString(c.action);
    j["kind"] = plan::toString(c.kind);
    j["name"] = c.name;
    if (!c.parent.empty()) j["parent"] = c.parent;
    j["before"] = masked(c.before);
    j["after"] = masked(c.after);
    j["reasons"] = c.reasons;
    changes.push_back(std::move(j));
  }
  const plan::Summary s = plan.summary();
  plan::Json out{{"format_version", "1"},
                 {"environment", plan.environmentId},
                 {"changes", std::move(changes)},
                 {"summary",
                  {{"create", s.create},
                   {"update", s.update},
                   {"replace", s.replace},
                   {"delete", s.destroy}}}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace pingplan::render
