#pragma once
// What a file given to `apply` or `show` is: a manifest, a plan saved by `plan --out`, or
// the rendered JSON of `plan --format json` (which cannot be applied).

#include <string>

namespace pingplan::cli {

enum class InputKind { Manifest, SavedPlan, RenderedPlan };

/// Decided by content: a saved plan says "kind": "pingplan-plan"; other JSON with
/// "format_version" is a rendered plan; anything else is read as a manifest.
InputKind inputKind(const std::string& text);

/// "P is a rendered plan (plan --format json), not a saved plan; save one with ...".
std::string renderedPlanMessage(const std::string& path);

}  // namespace pingplan::cli
