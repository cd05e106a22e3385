// apply's question on a terminal: only "yes" applies.
#include <gtest/gtest.h>

#include "e2e_fixture.h"

namespace pingplan::testing {
namespace {

// Given a terminal, when the user answers "no", then nothing is written and apply exits 1;
// when the user answers "yes", then the plan is applied.
TEST_F(EndToEnd, AppliesOnlyAfterYesOnATerminal) {
  for (std::string answer : {"no", "yes"}) {
    TypedTerminal terminal(answer + "\n");
    RunResult r = runPingplan({"apply", example()}, emulator.exports(), scratch, &terminal);
    EXPECT_NE(r.out.find("Do you want to apply these changes? Only 'yes' will be accepted: "),
              std::string::npos)
        << r.out;
    if (answer == "no") {
      EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
      EXPECT_NE(r.out.find("Apply cancelled. Nothing was changed."), std::string::npos) << r.out;
      EXPECT_EQ(emulator.writeCount(), 0);
    } else {
      EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
      EXPECT_NE(r.out.find("Apply complete! 6 added"), std::string::npos) << r.out;
      EXPECT_EQ(emulator.writeCount(), 6);
    }
  }
}

}  // namespace
}  // namespace pingplan::testing
