// Markdown wording that the golden files do not pin: counts in the warning agree with their
// number, and the "Other changes" heading appears only beside destructive changes.
#include <gtest/gtest.h>

#include "render/render.h"

namespace pingplan {
namespace {

plan::Change change(plan::Action action, const std::string& name) {
  plan::Change c;
  c.action = action;
  c.kind = plan::Kind::Resource;
  c.name = name;
  c.reasons = {"test"};
  return c;
}

plan::Plan planOf(std::vector<plan::Change> changes) {
  plan::Plan p;
  p.environmentId = "env-1";
  p.changes = std::move(changes);
  return p;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Given one delete and nothing else, Then the warning says "deletes 1 object." and no
// replace count, and there is no "Other changes" heading.
TEST(MarkdownWording, OneDeleteIsSingular) {
  std::string md = render::renderMarkdown(planOf({change(plan::Action::Delete, "Old API")}));
  EXPECT_TRUE(has(md, "**This plan deletes 1 object.** Review")) << md;
  EXPECT_FALSE(has(md, "replaces")) << md;
  EXPECT_FALSE(has(md, "#### Other changes")) << md;
}

// Given a replace and two deletes, Then both counts appear, each with its own noun.
TEST(MarkdownWording, ReplaceAndDeletes) {
  std::string md = render::renderMarkdown(
      planOf({change(plan::Action::Replace, "A"), change(plan::Action::Delete, "B"),
              change(plan::Action::Delete, "C")}));
  EXPECT_TRUE(has(md, "**This plan replaces 1 object and deletes 2 objects.**")) << md;
}

// Given only creates and updates, Then no warning and no headings split the changes.
TEST(MarkdownWording, NoSplitWithoutDestructiveChanges) {
  std::string md = render::renderMarkdown(
      planOf({change(plan::Action::Create, "New API"), change(plan::Action::Update, "API")}));
  EXPECT_FALSE(has(md, ":warning:")) << md;
  EXPECT_FALSE(has(md, "#### Other changes")) << md;
  EXPECT_FALSE(has(md, "#### Destructive changes")) << md;
  EXPECT_TRUE(has(md, "create resource &quot;New API&quot;")) << md;
}

}  // namespace
}  // namespace pingplan
