#include "cli/output.h"

#include "render/render.h"

namespace pingplan::cli {

void addFormatOption(CLI::App& sub, std::string& format) {
  CLI::Validator known(
      [](std::string& value) -> std::string {
        if (value == "text" || value == "markdown" || value == "json") return "";
        return "unknown format \"" + value + "\"; use text, markdown or json";
      },
      "text|markdown|json", "format");
  sub.add_option("--format", format, "Output format: text (default), markdown or json")
      ->check(known);
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
