#pragma once
// PingplanRunner: runs the real `pingplan` binary (PINGPLAN_EXE) in a scratch folder with an
// exact environment (the emulator's exports plus NO_COLOR), and returns its exit code and
// output. Header-only: the soak folder builds only *_test.cc files.

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace pingplan::soak {

/// What one run of pingplan left behind.
struct RunOutcome {
  int exitCode = -1;
  std::string out;
  std::string err;
};

class PingplanRunner {
 public:
  PingplanRunner(std::string workDir, std::map<std::string, std::string> env)
      : workDir_(std::move(workDir)), env_(std::move(env)) {}

  /// Runs `pingplan ARGS...` to completion.
  RunOutcome run(const std::vector<std::string>& args) const {
    const std::string outPath = workDir_ + "/stdout.txt";
    const std::string errPath = workDir_ + "/stderr.txt";
    std::vector<std::string> argStrings = {PINGPLAN_EXE};
    argStrings.insert(argStrings.end(), args.begin(), args.end());
    std::vector<std::string> envStrings;
    for (const auto& [name, value] : env_) envStrings.push_back(name + "=" + value);
    std::vector<char*> argv;
    for (auto& s : argStrings) argv.push_back(s.data());
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (auto& s : envStrings) envp.push_back(s.data());
    envp.push_back(nullptr);

    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
      int out = open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      int err = open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      int in = open("/dev/null", O_RDONLY);
      if (out < 0 || err < 0 || in < 0 || chdir(workDir_.c_str()) != 0) _exit(126);
      dup2(in, 0);
      dup2(out, 1);
      dup2(err, 2);
      execve(argv[0], argv.data(), envp.data());
      _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
    }
    RunOutcome outcome;
    outcome.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    outcome.out = readFile(outPath);
    outcome.err = readFile(errPath);
    return outcome;
  }

 private:
  static std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  std::string workDir_;
  std::map<std::string, std::string> env_;
};

}  // namespace pingplan::soak
