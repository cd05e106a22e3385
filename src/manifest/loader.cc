#include "manifest/loader.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "manifest/decode_application.h"
#include "manifest/decode_resource.h"
#include "manifest/map_reader.h"
#include "manifest/references.h"
#include "manifest/substitution.h"
#include "manifest/vocabulary.h"
#include "model/ids.h"

namespace pingplan::manifest {

namespace {

void decodeTop(const YamlNode& root, model::DesiredState& state, Diagnostics& diagnostics) {
  if (root.isNull()) {
    diagnostics.add({1, 1}, "the manifest is empty; start it with \"version: 1\"");
    return;
  }
  if (!expectMap(root, "the manifest", diagnostics)) return;
  MapReader top(root, "the manifest", vocabulary::kTopKeys, diagnostics);
  if (const YamlNode* version = top.require("version")) {
    auto number = readInteger(*version, "version", INT64_MIN, INT64_MAX, diagnostics);
    if (number && *number != 1) {
      diagnostics.add(version->at, "unsupported version " + std::to_string(*number) +
                                       "; this pingplan reads manifest version 1");
    }
  }
  state.environmentId = top.string("environment").value_or("");
  const YamlNode* environment = top.find("environment");
  if (environment && !state.environmentId.empty() && !model::isPingOneId(state.environmentId)) {
    diagnostics.add(environment->at,
                    "environment \"" + state.environmentId +
                        "\" is not a PingOne environment id, which looks like "
                        "01234567-89ab-cdef-0123-456789abcdef (in the admin console: Settings > "
                        "Environment Properties); or leave environment out and set "
                        "PINGONE_ENVIRONMENT_ID");
  }
  std::vector<ResourceSite> resourceSites;
  std::vector<ApplicationSite> applicationSites;
  if (const YamlNode* list = top.list("resources")) {
    for (const auto& item : list->items) {
      if (!expectMap(item, "each entry of resources", diagnostics)) continue;
      resourceSites.emplace_back();
      state.resources.push_back(decodeResource(item, resourceSites.back(), diagnostics));
      state.resources.back().origin = originOf(diagnostics.file(), item.at);
    }
  }
  if (const YamlNode* list = top.list("applications")) {
    for (const auto& item : list->items) {
      if (!expectMap(item, "each entry of applications", diagnostics)) continue;
      applicationSites.emplace_back();
      state.applications.push_back(decodeApplication(item, applicationSites.back(), diagnostics));
      state.applications.back().origin = originOf(diagnostics.file(), item.at);
    }
  }
  checkUniqueNames(state, resourceSites, applicationSites, diagnostics);
  checkGrants(state, applicationSites, diagnostics);
}

/// Sets are kept sorted, so that the differ compares like with like.
void sortSets(model::DesiredState& state) {
  for (auto& app : state.applications) {
    std::sort(app.grantTypes.begin(), app.grantTypes.end());
    std::sort(app.responseTypes.begin(), app.responseTypes.end());
    if (!app.grants) continue;
    for (auto& grant : *app.grants) std::sort(grant.scopes.begin(), grant.scopes.end());
  }
}

}  // namespace

EnvLookup processEnvironment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

LoadResult loadManifest(const std::string& path, const EnvLookup& env) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return {{}, {{path, 0, 0, "is a directory; name the manifest file inside it"}}};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return {{},
            {{path, 0, 0,
              std::string("cannot read the manifest: ") + std::strerror(errno) +
                  " (pass its path, or run where pingplan.yaml is)"}}};
  }
  std::ostringstream text;
  text << in.rdbuf();
  return loadManifestText(text.str(), path, env);
}

LoadResult loadManifestText(const std::string& text, const std::string& path,
                            const EnvLookup& env) {
  Diagnostics diagnostics(path);
  LoadResult result;
  YamlError error;
  std::optional<YamlNode> root = parseYaml(text, error);
  if (!root) {
    diagnostics.add(error.at, error.message);
    result.diagnostics = diagnostics.sorted();
    return result;
  }
  SubstitutionContext context{env, std::filesystem::path(path).parent_path().string()};
  substituteTree(*root, context, text, diagnostics);
  decodeTop(*root, result.state, diagnostics);
  sortSets(result.state);
  result.diagnostics = diagnostics.sorted();
  return result;
}

}  // namespace pingplan::manifest
