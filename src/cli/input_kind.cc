#include "cli/input_kind.h"

#include "model/json.h"
#include "plan/plan_file.h"

namespace pingplan::cli {

InputKind inputKind(const std::string& text) {
  if (plan::looksLikeSavedPlan(text)) return InputKind::SavedPlan;
  model::Json j = model::Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_object() && j.contains("format_version")) return InputKind::RenderedPlan;
  return InputKind::Manifest;
}

std::string renderedPlanMessage(const std::string& path) {
  return path +
         " is a rendered plan (plan --format json), not a saved plan; save one with "
         "`pingplan plan MANIFEST --out FILE`";
}

}  // namespace pingplan::cli
