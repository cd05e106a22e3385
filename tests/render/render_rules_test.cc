// Renderer rules that golden files alone would not pin: summary counts, colour only on
// request, masking of sensitive fields, the JSON contract, Markdown that names cannot break.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "render/fields.h"
#include "render/render.h"
#include "sample_plan.h"

namespace pingplan::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Given the sample plan, Then the summary line counts every child change.
TEST(RenderText, SummaryLine) {
  const std::string text = render::renderText(samplePlan());
  EXPECT_THAT(text, HasSubstr("\nPlan: 6 to add, 5 to change, 1 to replace, 5 to delete.\n"));
  EXPECT_THAT(text, Not(HasSubstr("\x1b[")));
}

// Given color, Then ANSI codes; the words are the same once the codes are removed.
TEST(RenderText, ColorOnlyOnRequest) {
  std::string colored = render::renderText(samplePlan(), {.color = true});
  EXPECT_THAT(colored, HasSubstr("\x1b[31m- resource \"Legacy API\"\x1b[0m"));
  std::string stripped;
  for (std::size_t i = 0; i < colored.size(); ++i) {
    if (colored[i] == '\x1b') {
      i = colored.find('m', i);
      continue;
    }
    stripped += colored[i];
  }
  EXPECT_EQ(stripped, render::renderText(samplePlan()));
}

// Given an update, Then only the differing fields, as before -> after.
TEST(RenderText, UpdateShowsDifferingFieldsOnly) {
  const std::string text = render::renderText(samplePlan());
  EXPECT_THAT(text, HasSubstr("  ~ resource \"Orders API\"\n"
                              "      description:                \"Orders\" -> \"Orders and "
                              "returns\"\n"
                              "      accessTokenValiditySeconds: 3600 -> 7200\n"
                              "      # description differs\n"
                              "      # accessTokenValiditySeconds differs\n"));
}

// Given a field named as a secret, Then every renderer prints "(sensitive)", never the value.
TEST(Render, SensitiveFieldsMasked) {
  plan::Plan p;
  p.environmentId = "env";
  p.changes.push_back(change(plan::Action::Update, plan::Kind::Application, "A", "",
                             plan::Json{{"name", "A"}, {"clientSecret", "old-secret-1"}},
                             plan::Json{{"name", "A"}, {"clientSecret", "new-secret-2"}},
                             {"clientSecret differs"}));
  for (const std::string& out :
       {render::renderText(p), render::renderMarkdown(p), render::renderJson(p)}) {
    EXPECT_THAT(out, Not(HasSubstr("secret-1")));
    EXPECT_THAT(out, Not(HasSubstr("secret-2")));
    EXPECT_THAT(out, HasSubstr("(sensitive)"));
  }
  EXPECT_TRUE(render::isSensitive("clientSecret"));
  EXPECT_FALSE(render::isSensitive("description"));
}

// Given the sample plan, Then the JSON follows the contract: parent only on children.
TEST(RenderJson, Contract) {
  auto j = plan::Json::parse(render::renderJson(samplePlan()));
  EXPECT_EQ(j["format_version"], "1");
  EXPECT_EQ(j["summary"],
            (plan::Json{{"create", 6}, {"update", 5}, {"replace", 1}, {"delete", 5}}));
  ASSERT_EQ(j["changes"].size(), 17u);
  EXPECT_FALSE(j["changes"][0].contains("parent"));
  EXPECT_EQ(j["changes"][2]["parent"], "Billing API");
  EXPECT_TRUE(j["changes"][0]["before"].is_null());
  EXPECT_EQ(j["changes"][16]["action"], "delete");
  EXPECT_EQ(j["changes"][16]["kind"], "resource");
  EXPECT_EQ(j["changes"][16]["reasons"], plan::Json::array({"ensure: absent"}));
}

// Given Markdown, Then destructive changes come before the others, with a warning.
TEST(RenderMarkdown, DestructiveFirst) {
  const std::string md = render::renderMarkdown(samplePlan());
  auto warning = md.find(":warning:");
  auto destructive = md.find("#### Destructive changes");
  auto replace = md.find("replace application &quot;Orders Worker&quot;");
  auto other = md.find("#### Other changes");
  auto create = md.find("create resource &quot;Billing API&quot;");
  ASSERT_NE(create, std::string::npos);
  EXPECT_LT(warning, destructive);
  EXPECT_LT(destructive, replace);
  EXPECT_LT(replace, other);
  EXPECT_LT(other, create);
}

// Given names with HTML and backticks, Then they cannot break the comment's structure.
TEST(RenderMarkdown, NamesAreEscaped) {
  plan::Plan p;
  p.environmentId = "env";
  p.changes.push_back(change(plan::Action::Create, plan::Kind::Resource, "<b>x```", "", nullptr,
                             plan::Json{{"name", "<b>x```"}}, {"not in the live environment"}));
  const std::string md = render::renderMarkdown(p);
  EXPECT_THAT(md, HasSubstr("<summary><code>+</code> create resource &quot;&lt;b&gt;x```&quot;"
                            "</summary>"));
  EXPECT_THAT(md, HasSubstr("\n````diff\n+ name: \"<b>x```\"\n"));
}

}  // namespace
}  // namespace pingplan::testing
