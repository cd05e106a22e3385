// The text renderer: a Terraform-like plan for people.

#include <algorithm>

#include "render/fields.h"
#include "render/render.h"

namespace pingplan::render {
namespace {

const char* colorOf(plan::Action action) {
  switch (action) {
    case plan::Action::Create:
      return "\x1b[32m";  // green
    case plan::Action::Update:
      return "\x1b[33m";  // yellow
    case plan::Action::Replace:
      return "\x1b[35m";  // magenta
    case plan::Action::Delete:
      return "\x1b[31m";  // red
  }
  return "";
}
constexpr const char* kReset = "\x1b[0m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kDim = "\x1b[2m";

void renderChange(std::string& out, const plan::Change& c, const TextOptions& options) {
  out += "  ";
  if (options.color) out += colorOf(c.action);
  out += symbol(c.action);
  out += " " + title(c);
  if (options.color) out += kReset;
  out += "\n";
  const auto lines = fieldLines(c);
  std::size_t width = 0;
  for (const auto& l : lines) width = std::max(width, l.name.size());
  for (const auto& l : lines) {
    out += "      " + l.name + ":" + std::string(width - l.name.size() + 1, ' ');
    switch (c.action) {
      case plan::Action::Create:
        out += formatValue(l.after);
        break;
      case plan::Action::Delete:
        out += formatValue(l.before);
        break;
      case plan::Action::Update:
      case plan::Action::Replace:
        out += formatValue(l.before) + " -> " + formatValue(l.after);
        break;
    }
    out += "\n";
  }
  for (const auto& r : c.reasons) {
    out += "      ";
    if (options.color) out += kDim;
    out += "# " + r;
    if (options.color) out += kReset;
    out += "\n";
  }
  out += "\n";
}

}  // namespace

std::string renderText(const plan::Plan& plan, const TextOptions& options) {
  const plan::Summary summary = plan.summary();
  std::string out;
  if (summary.empty()) return summaryLine(summary) + "\n";
  out += "pingplan will make these changes";
  if (!plan.environmentId.empty()) out += " in environment " + plan.environmentId;
  out += ":\n\n";
  for (const auto& c : plan.changes) renderChange(out, c, options);
  if (options.color) out += kBold;
  out += summaryLine(summary);
  if (options.color) out += kReset;
  out += "\n";
  return out;
}

}  // namespace pingplan::render
