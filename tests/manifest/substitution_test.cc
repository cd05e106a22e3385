// Substitution: $(env:...), $(file:...), $$( and ${...}, with positions kept.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_env.h"

namespace pingplan::manifest {
namespace {

std::string resourceYaml(const std::string& field, const std::string& value) {
  return "version: 1\nresources:\n  - name: Orders API\n    " + field + ": " + value + "\n";
}

LoadResult load(const std::string& text, std::map<std::string, std::string> env = {},
                const std::string& path = "pingplan.yaml") {
  return loadManifestText(text, path, testing::fakeEnv(std::move(env)));
}

TEST(Substitution, EnvVariableIsReplaced) {
  auto r = load(resourceYaml("description", "stage $(env:STAGE) api"), {{"STAGE", "prod"}});
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].str();
  EXPECT_EQ(r.state.resources[0].description, "stage prod api");
}

TEST(Substitution, DefaultIsUsedWhenUnsetOrEmpty) {
  auto unset = load(resourceYaml("description", "$(env:STAGE:-dev)"));
  EXPECT_EQ(unset.state.resources[0].description, "dev");
  auto empty = load(resourceYaml("description", "$(env:STAGE:-dev)"), {{"STAGE", ""}});
  EXPECT_EQ(empty.state.resources[0].description, "dev");
  auto set = load(resourceYaml("description", "$(env:STAGE:-dev)"), {{"STAGE", "prod"}});
  EXPECT_EQ(set.state.resources[0].description, "prod");
}

TEST(Substitution, EmptyDefaultGivesEmptyEnvironment) {
  auto r = load("version: 1\nenvironment: $(env:TARGET_ENV_ID:-)\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.state.environmentId, "");
  auto set = load("version: 1\nenvironment: $(env:TARGET_ENV_ID:-)\n",
                  {{"TARGET_ENV_ID", "0a1b2c3d-4e5f-6789-abcd-ef0123456789"}});
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set.state.environmentId, "0a1b2c3d-4e5f-6789-abcd-ef0123456789");
}

TEST(Substitution, UnsetVariablePointsAtItsDollarAndNamesIt) {
  auto r = load(resourceYaml("description", "\"a $(env:MISSING) b\""));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].str(),
            "pingplan.yaml:4:21: error: environment variable MISSING is not set (used as "
            "$(env:MISSING)); set it, or give a default: $(env:MISSING:-value)");
}

TEST(Substitution, DoubleDollarIsALiteralAndExpressionsPassThrough) {
  auto r = load(resourceYaml("description", "\"cost $$(x) and ${user.id} and $${y}\""));
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].str();
  EXPECT_EQ(r.state.resources[0].description, "cost $(x) and ${user.id} and $${y}");
}

TEST(Substitution, SubstitutedNumberAndBooleanAreTyped) {
  auto r = load(resourceYaml("accessTokenValiditySeconds", "$(env:TTL)"), {{"TTL", "7200"}});
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].str();
  EXPECT_EQ(r.state.resources[0].accessTokenValiditySeconds, 7200);
  auto range = load(resourceYaml("accessTokenValiditySeconds", "$(env:TTL)"), {{"TTL", "10"}});
  ASSERT_EQ(range.diagnostics.size(), 1u);
  EXPECT_EQ(range.diagnostics[0].message,
            "accessTokenValiditySeconds must be between 300 and 2592000, not 10");
  auto app = load(
      "version: 1\napplications:\n  - name: A\n    type: WORKER\n    grantTypes: "
      "[CLIENT_CREDENTIALS]\n    enabled: \"$(env:ON)\"\n",
      {{"ON", "false"}});
  ASSERT_TRUE(app.ok()) << app.diagnostics[0].str();
  EXPECT_FALSE(app.state.applications[0].enabled);
}

TEST(Substitution, KeysAreNotSubstituted) {
  auto r = load("version: 1\n$(env:K): 1\n", {{"K", "resources"}});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].line, 2);
  EXPECT_EQ(r.diagnostics[0].column, 1);
}

class FileSubstitution : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(PINGPLAN_BINARY_DIR) / "manifest-file-substitution";
    std::filesystem::create_directories(dir_ / "keys");
    std::ofstream(dir_ / "keys" / "jwks.json") << "{\"keys\": []}\n\n";
    std::ofstream(dir_ / "desc.txt") << "line one\nline two\r\n";
  }
  std::filesystem::path dir_;
};

TEST_F(FileSubstitution, ReadsRelativeToTheManifestAndDropsTrailingNewlines) {
  const std::string path = (dir_ / "pingplan.yaml").string();
  auto r = load(
      "version: 1\nresources:\n  - name: R\n    description: $(file:desc.txt)\napplications:\n"
      "  - name: A\n    type: WORKER\n    grantTypes: [CLIENT_CREDENTIALS]\n"
      "    tokenEndpointAuthMethod: PRIVATE_KEY_JWT\n    jwks: $(file:keys/jwks.json)\n",
      {}, path);
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].str();
  EXPECT_EQ(r.state.resources[0].description, "line one\nline two");
  EXPECT_EQ(r.state.applications[0].jwks, "{\"keys\": []}");
}

TEST_F(FileSubstitution, MissingFileNamesTheResolvedPath) {
  const std::string path = (dir_ / "pingplan.yaml").string();
  auto r = load(resourceYaml("description", "$(file:nope.txt)"), {}, path);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "cannot read " + (dir_ / "nope.txt").string() +
                                          " for $(file:nope.txt): No such file or directory");
  EXPECT_EQ(r.diagnostics[0].column, 18);
}

}  // namespace
}  // namespace pingplan::manifest
