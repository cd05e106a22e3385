#pragma once
// The fixture of the end-to-end tests: a real emulator, a scratch directory, and `run`, which
// runs pingplan against the emulator and keeps every output for the no-secrets check.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/direct_api.h"
#include "support/emulator_process.h"
#include "support/pingplan_run.h"

namespace pingplan::testing {

class EndToEnd : public ::testing::Test {
 protected:
  RunResult run(const std::vector<std::string>& args) {
    RunResult r = runPingplan(args, emulator.exports(), scratch);
    outputs.push_back(r.out);
    outputs.push_back(r.err);
    return r;
  }
  static std::string example() { return PINGPLAN_SOURCE_DIR "/examples/orchestration-tool.yaml"; }
  std::string manifest(const std::string& name, const std::string& text) {
    std::string path = scratch.file(name);
    writeFile(path, text);
    return path;
  }
  /// Applies the example to the empty environment.
  void bootstrap() {
    RunResult r = run({"apply", example(), "--auto-approve"});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
  }
  /// Every logged write (POST, PUT, DELETE under /v1/) as "METHOD PATH", in order.
  std::vector<std::string> writes() const {
    std::vector<std::string> out;
    for (const auto& r : emulator.requests()) {
      std::string method = r.at("method"), path = r.at("path");
      if (path.rfind("/v1/", 0) == 0 && method != "GET") out.push_back(method + " " + path);
    }
    return out;
  }
  std::string apiPath(const std::string& rest) const {
    return "/v1/environments/" + emulator.environmentId() + rest;
  }
  /// True when no output seen so far contains `secret`.
  bool nowhereInOutputs(const std::string& secret) const {
    for (const auto& o : outputs) {
      if (o.find(secret) != std::string::npos) return false;
    }
    return true;
  }

  EmulatorProcess emulator;
  ScratchDir scratch;
  std::vector<std::string> outputs;
};

}  // namespace pingplan::testing
