#include "util/suggest.h"

#include <gtest/gtest.h>

namespace pingplan {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(editDistance("plan", "plan"), 0u);
  EXPECT_EQ(editDistance("pln", "plan"), 1u);    // insertion
  EXPECT_EQ(editDistance("plaan", "plan"), 1u);  // deletion
  EXPECT_EQ(editDistance("plen", "plan"), 1u);   // substitution
  EXPECT_EQ(editDistance("plna", "plan"), 1u);   // swap of neighbours
  EXPECT_EQ(editDistance("", "apply"), 5u);
  EXPECT_EQ(editDistance("validate", "export"), 7u);
}

TEST(ClosestMatch, SuggestsLikelyTyposOnly) {
  const std::vector<std::string> commands = {"validate", "plan", "apply", "show", "export"};
  EXPECT_EQ(closestMatch("plna", commands), "plan");
  EXPECT_EQ(closestMatch("aply", commands), "apply");
  EXPECT_EQ(closestMatch("PLAN", commands), "plan");  // case alone
  EXPECT_EQ(closestMatch("destroy", commands), std::nullopt);
  EXPECT_EQ(closestMatch("scopse", {"scopes", "attributes"}), "scopes");
}

}  // namespace
}  // namespace pingplan
