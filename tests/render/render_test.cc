// Golden-file tests for the three renderers over a plan with every action and kind.
// Regenerate after an intended change: PINGPLAN_UPDATE_GOLDEN=1 test_render, then review the
// diff of tests/render/golden/ like code.

#include "render/render.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "sample_plan.h"

namespace pingplan::testing {
namespace {

std::string goldenPath(const std::string& name) {
  return std::string(PINGPLAN_SOURCE_DIR) + "/tests/render/golden/" + name;
}

/// Compares `actual` with the golden file, or rewrites it when PINGPLAN_UPDATE_GOLDEN is set.
void expectGolden(const std::string& name, const std::string& actual) {
  const std::string path = goldenPath(name);
  if (const char* update = std::getenv("PINGPLAN_UPDATE_GOLDEN"); update && *update) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << path
                  << " (run with PINGPLAN_UPDATE_GOLDEN=1 to create it)";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str())
      << "golden file " << path << " differs (PINGPLAN_UPDATE_GOLDEN=1 to rewrite)";
}

plan::Plan emptyPlan() {
  plan::Plan p;
  p.environmentId = "0b7e2a3c-1111-4d2e-9a7b-123456789abc";
  return p;
}

TEST(RenderGolden, Text) { expectGolden("plan.txt", render::renderText(samplePlan())); }
TEST(RenderGolden, TextColor) {
  expectGolden("plan.color.txt", render::renderText(samplePlan(), {.color = true}));
}
TEST(RenderGolden, Markdown) { expectGolden("plan.md", render::renderMarkdown(samplePlan())); }
TEST(RenderGolden, Json) { expectGolden("plan.json", render::renderJson(samplePlan())); }
TEST(RenderGolden, EmptyText) { expectGolden("empty.txt", render::renderText(emptyPlan())); }
TEST(RenderGolden, EmptyMarkdown) { expectGolden("empty.md", render::renderMarkdown(emptyPlan())); }
TEST(RenderGolden, EmptyJson) { expectGolden("empty.json", render::renderJson(emptyPlan())); }

}  // namespace
}  // namespace pingplan::testing
