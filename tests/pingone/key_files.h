#pragma once
// RSA keys on disk for the JWT tests, made by the tools users use: `jose jwk gen` and
// `openssl genpkey`. Each fixture gets its own temporary folder.

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace pingplan::pingone::testing {

/// A temporary folder with helpers to run a shell command in it and read files back.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "pingplan-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }
  /// Runs `command` with this folder as the working directory; returns its exit status.
  int run(const std::string& command) const {
    return std::system(("cd '" + path_.string() + "' && " + command).c_str());
  }
  std::string read(const std::string& name) const {
    std::ifstream in(file(name));
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(file(name)) << text;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace pingplan::pingone::testing
