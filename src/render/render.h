#pragma once
// Renderers: Plan -> text for people, Markdown for pull-request comments, JSON for machines.
// Pure functions; the JSON form carries "format_version".

#include <string>

#include "plan/plan.h"

namespace pingplan::render {

struct TextOptions {
  bool color = false;  // ANSI colours: the caller decides (terminal, --no-color, NO_COLOR)
};

/// Per-field before -> after, each change's reasons, and the summary line
/// "Plan: N to add, N to change, N to replace, N to delete." (or "No changes. ...").
std::string renderText(const plan::Plan& plan, const TextOptions& options = {});
/// Summary table, destructive changes first, details folded in <details>.
std::string renderMarkdown(const plan::Plan& plan);
/// {"format_version": "1", "environment", "changes": [...], "summary": {...}}
std::string renderJson(const plan::Plan& plan);

}  // namespace pingplan::render
