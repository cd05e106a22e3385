// The Markdown renderer: a plan as a pull-request comment.

#include <algorithm>

#include "render/fields.h"
#include "render/render.h"

namespace pingplan::render {
namespace {

bool destructive(const plan::Change& c) {
  return c.action == plan::Action::Replace || c.action == plan::Action::Delete;
}

/// Text that goes inside HTML (<summary>): &, <, > and " escaped.
std::string escapeHtml(const std::string& text) {
  std::string out;
  for (char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

/// A code fence longer than any run of backticks in `body`, so names cannot close it.
std::string fenceFor(const std::string& body) {
  std::size_t longest = 0, run = 0;
  for (char ch : body) {
    run = ch == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

std::string diffBody(const plan::Change& c) {
  std::string body;
  for (const auto& l : fieldLines(c)) {
    if (c.action != plan::Action::Create)
      body += "- " + l.name + ": " + formatValue(l.before) + "\n";
    if (c.action != plan::Action::Delete)
      body += "+ " + l.name + ": " + formatValue(l.after) + "\n";
  }
  for (const auto& r : c.reasons) body += "# " + r + "\n";
  return body;
}

void renderChange(std::string& out, const plan::Change& c) {
  out += "<details><summary><code>" + escapeHtml(symbol(c.action)) + "</code> " +
         plan::toString(c.action) + " " + escapeHtml(title(c)) + "</summary>\n\n";
  const std::string body = diffBody(c);
  const std::string fence = fenceFor(body);
  out += fence + "diff\n" + body + fence + "\n\n</details>\n";
}

/// "1 object", "5 objects".
std::string objects(int n) { return std::to_string(n) + (n == 1 ? " object" : " objects"); }

/// "replaces 1 object and deletes 5 objects", leaving out a count of zero.
std::string destructiveWords(const plan::Summary& s) {
  std::string words;
  if (s.replace > 0) words = "replaces " + objects(s.replace);
  if (s.destroy > 0) words += (words.empty() ? "" : " and ") + ("deletes " + objects(s.destroy));
  return words;
}

}  // namespace

std::string renderMarkdown(const plan::Plan& plan) {
  const plan::Summary s = plan.summary();
  std::string out = "### pingplan: plan for environment `" + plan.environmentId + "`\n\n";
  if (s.empty()) return out + summaryLine(s) + "\n";
  out += "| Action | Count |\n| --- | ---: |\n";
  out += "| :heavy_plus_sign: create | " + std::to_string(s.create) + " |\n";
  out += "| :pencil2: update | " + std::to_string(s.update) + " |\n";
  out += "| :recycle: replace | " + std::to_string(s.replace) + " |\n";
  out += "| :x: delete | " + std::to_string(s.destroy) + " |\n\n";
  const bool split = s.replace + s.destroy > 0;
  if (split) {
    out += "> :warning: **This plan " + destructiveWords(s) +
           ".** Review the destructive changes below before merging.\n\n";
    out += "#### Destructive changes\n\n";
    for (const auto& c : plan.changes) {
      if (destructive(c)) renderChange(out, c);
    }
    out += "\n";
  }
  if (s.create + s.update > 0) {
    // Headings only split destructive changes from the others.
    if (split) out += "#### Other changes\n\n";
    for (const auto& c : plan.changes) {
      if (!destructive(c)) renderChange(out, c);
    }
    out += "\n";
  }
  out += "**" + summaryLine(s) + "**\n";
  return out;
}

}  // namespace pingplan::render
