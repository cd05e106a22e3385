#include "cli/output.h"

#include "render/render.h"

namespace pingplan::cli {

void addFormatOption(CLI::App& sub, std::string& format) {
  sub.add_option("--format", format, "Output format: text (default), markdown or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
}

std::string renderPlan(const plan::Plan& plan, const std::string& format, bool color) {
  if (format == "json") {
    std::string text = render::renderJson(plan);
    if (text.empty() || text.back() != '\n') text += '\n';
    return text;
  }
  if (format == "markdown") return render::renderMarkdown(plan);
  render::TextOptions options;
  options.color = color;
  return render::renderText(plan, options);
}

}  // namespace pingplan::cli
