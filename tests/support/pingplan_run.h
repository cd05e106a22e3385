#pragma once
// Runs the real `pingplan` binary for the end-to-end and soak tests: stdin from /dev/null (no
// terminal) or from a pseudo-terminal with an answer typed in, stdout and stderr captured
// through files in the test's ScratchDir, the environment cleared of PINGONE_* and NO_COLOR
// and given the variables passed (the emulator's exports).

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/scratch_dir.h"

extern char** environ;

namespace pingplan::testing {

struct RunResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};

inline std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void writeFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

/// A pseudo-terminal whose slave side becomes pingplan's stdin, with `typed` already typed.
class TypedTerminal {
 public:
  explicit TypedTerminal(const std::string& typed) {
    master_ = ::posix_openpt(O_RDWR | O_NOCTTY);
    if (master_ < 0 || ::grantpt(master_) != 0 || ::unlockpt(master_) != 0) {
      throw std::runtime_error("no pseudo-terminal");
    }
    slave_ = ::ptsname(master_);
    if (::write(master_, typed.data(), typed.size()) != static_cast<ssize_t>(typed.size())) {
      throw std::runtime_error("cannot type into the pseudo-terminal");
    }
  }
  ~TypedTerminal() { ::close(master_); }
  TypedTerminal(const TypedTerminal&) = delete;
  TypedTerminal& operator=(const TypedTerminal&) = delete;
  const std::string& slave() const { return slave_; }

 private:
  int master_ = -1;
  std::string slave_;
};

/// Runs PINGPLAN_EXE with `args` and the variables `env` added to a cleaned environment.
/// stdin is /dev/null, or the terminal when one is given.
inline RunResult runPingplan(const std::vector<std::string>& args,
                             const std::map<std::string, std::string>& env,
                             const ScratchDir& scratch, const TypedTerminal* terminal = nullptr) {
  std::vector<std::string> envStrings;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry = *e;
    if (entry.rfind("PINGONE_", 0) == 0 || entry.rfind("NO_COLOR=", 0) == 0) continue;
    envStrings.push_back(entry);
  }
  for (const auto& [name, value] : env) envStrings.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& e : envStrings) envp.push_back(e.data());
  envp.push_back(nullptr);

  std::vector<std::string> argStrings = {PINGPLAN_EXE};
  argStrings.insert(argStrings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argStrings) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::string outPath = scratch.file(".stdout"), errPath = scratch.file(".stderr");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  std::string input = terminal != nullptr ? terminal->slave() : "/dev/null";
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, input.c_str(), O_RDWR | O_NOCTTY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outPath.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errPath.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argStrings[0].c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + argStrings[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult result;
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = readFile(outPath);
  result.err = readFile(errPath);
  return result;
}

}  // namespace pingplan::testing
