// fuzz_manifest: arbitrary bytes as a manifest for manifest::loadManifestText, with a fixed
// fake environment and a scratch folder holding one file for $(file:...). A load must end in
// either a DesiredState or diagnostics, never a crash, a hang or an escaped exception, and every
// diagnostic points at a 1-based line and column of the named file.

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "manifest/loader.h"

namespace {

std::string scratchManifestPath() {
  static const std::string path = [] {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "fuzz_manifest.XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    std::ofstream(pattern + "/secret.txt") << "from-a-file\n\n";
    std::ofstream(pattern + "/number.txt") << "3600\n";
    return pattern + "/pingplan.yaml";
  }();
  return path;
}

std::optional<std::string> fakeEnv(const std::string& name) {
  static const std::map<std::string, std::string> vars = {
      {"TARGET_ENV_ID", "11111111-2222-4333-8444-555555555555"},
      {"AUDIENCE", "https://api.example.com"},
      {"VALIDITY", "7200"},
      {"ENABLED", "true"},
      {"EMPTY", ""}};
  auto it = vars.find(name);
  if (it == vars.end()) return std::nullopt;
  return it->second;
}

/// $(file:...) may only name files of the scratch folder: a manifest naming /dev/zero would
/// read forever, as `cat /dev/zero` does, which is not a finding. Inputs with a backslash (a
/// YAML escape could spell "file:" or "/") and inputs with both "file:" and a slash are skipped.
bool readsOutsideScratch(const std::string& text) {
  if (text.find('\\') != std::string::npos) return true;
  return text.find("file:") != std::string::npos && text.find('/') != std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  if (readsOutsideScratch(text)) return -1;
  const std::string& path = scratchManifestPath();
  auto result = pingplan::manifest::loadManifestText(text, path, fakeEnv);
  for (const auto& d : result.diagnostics) {
    if (d.file != path || d.line < 1 || d.column < 1 || d.message.empty()) {
      std::fprintf(stderr, "bad diagnostic: %s\n", d.str().c_str());
      std::abort();
    }
  }
  return 0;
}
