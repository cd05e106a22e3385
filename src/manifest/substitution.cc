#include "manifest/substitution.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace pingplan::manifest {

namespace {

const char* kForms =
    "use $(env:NAME), $(env:NAME:-default) or $(file:path), or $$( for a literal \"$(\"";

Result<std::string, std::string> readEnv(const std::string& body, const EnvLookup& env) {
  const std::size_t dash = body.find(":-");
  const std::string name = body.substr(0, dash);
  bool valid = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0]));
  for (char c : name) valid = valid && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
  if (!valid) {
    return fail("invalid variable name in \"$(env:" + body +
                ")\"; a name is letters, digits and _, not starting with a digit");
  }
  std::optional<std::string> value = env ? env(name) : std::nullopt;
  if (dash != std::string::npos) {
    if (!value || value->empty()) return body.substr(dash + 2);
    return *value;
  }
  if (!value) {
    return fail("environment variable " + name + " is not set (used as $(env:" + name +
                ")); set it, or give a default: $(env:" + name + ":-value)");
  }
  return *value;
}

Result<std::string, std::string> readFile(const std::string& path, const std::string& baseDir) {
  if (path.empty()) return fail(std::string("$(file:) needs a path"));
  std::filesystem::path full(path);
  if (full.is_relative() && !baseDir.empty()) full = std::filesystem::path(baseDir) / full;
  std::error_code ec;
  if (std::filesystem::is_directory(full, ec)) {
    return fail("cannot read " + full.string() + " for $(file:" + path + "): it is a directory");
  }
  std::ifstream in(full, std::ios::binary);
  if (!in) {
    return fail("cannot read " + full.string() + " for $(file:" + path +
                "): " + std::strerror(errno));
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  std::string text = contents.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

/// Column of `offset` into a scalar, when the source line shows the scalar as written.
Position locate(const YamlNode& node, const std::string& raw, std::size_t offset,
                const std::vector<std::string>& lines) {
  const auto lineIndex = static_cast<std::size_t>(node.at.line - 1);
  const auto columnIndex = static_cast<std::size_t>(node.at.column - 1);
  if (node.at.line < 1 || lineIndex >= lines.size() || columnIndex > lines[lineIndex].size()) {
    return node.at;
  }
  std::string_view src = std::string_view(lines[lineIndex]).substr(columnIndex);
  std::string_view prefix = std::string_view(raw).substr(0, offset + 2);
  int shift = 0;
  if (!src.empty() && (src[0] == '"' || src[0] == '\'')) {
    src.remove_prefix(1);
    shift = 1;
  }
  if (src.substr(0, prefix.size()) != prefix) return node.at;
  return {node.at.line, node.at.column + shift + static_cast<int>(offset)};
}

void walk(YamlNode& node, const SubstitutionContext& context, const std::vector<std::string>& lines,
          Diagnostics& diagnostics) {
  switch (node.kind) {
    case YamlNode::Kind::kScalar: {
      auto result = substitute(node.value, context);
      if (!result.ok()) {
        diagnostics.add(locate(node, node.value, result.error().offset, lines),
                        result.error().message);
        node.failed = true;
      } else if (result->changed) {
        node.value = result->text;
        node.substituted = true;
      }
      break;
    }
    case YamlNode::Kind::kMap:
      for (auto& entry : node.entries) walk(entry.value, context, lines, diagnostics);
      break;
    case YamlNode::Kind::kSequence:
      for (auto& item : node.items) walk(item, context, lines, diagnostics);
      break;
    case YamlNode::Kind::kNull:
      break;
  }
}

}  // namespace

Result<Substituted, SubstitutionError> substitute(const std::string& text,
                                                  const SubstitutionContext& context) {
  Substituted out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 3, "$$(") == 0) {
      out.text += "$(";
      out.changed = true;
      i += 3;
      continue;
    }
    if (text.compare(i, 2, "$(") != 0) {
      out.text += text[i++];
      continue;
    }
    const std::size_t close = text.find(')', i + 2);
    if (close == std::string::npos) {
      return fail(SubstitutionError{i, std::string("unterminated \"$(\": ") + kForms});
    }
    const std::string body = text.substr(i + 2, close - i - 2);
    Result<std::string, std::string> value = std::string();
    if (body.rfind("env:", 0) == 0) {
      value = readEnv(body.substr(4), context.env);
    } else if (body.rfind("file:", 0) == 0) {
      value = readFile(body.substr(5), context.baseDir);
    } else {
      return fail(SubstitutionError{i, "unknown substitution \"$(" + body + ")\"; " + kForms});
    }
    if (!value.ok()) return fail(SubstitutionError{i, value.error()});
    out.text += value.value();
    out.changed = true;
    i = close + 1;
  }
  return out;
}

void substituteTree(YamlNode& root, const SubstitutionContext& context, const std::string& source,
                    Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  std::istringstream in(source);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  walk(root, context, lines, diagnostics);
}

}  // namespace pingplan::manifest
