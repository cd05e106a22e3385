#include "util/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/scratch_dir.h"

namespace pingplan {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
 protected:
  static std::string read(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  static unsigned modeOf(const fs::path& path) {
    struct stat st {};
    ::stat(path.c_str(), &st);
    return st.st_mode & 0777;
  }
  /// The names in the folder: a failed or finished write leaves no temporary file.
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }

  pingplan::testing::ScratchDir scratch_;
  fs::path dir_ = scratch_.path();
};

TEST_F(AtomicFileTest, WritesTheTextWithTheModeAndLeavesNoTemporaryFile) {
  auto path = dir_ / "plan.json";
  ASSERT_TRUE(writeFileAtomically(path, "{}\n", 0644).ok());
  EXPECT_EQ(read(path), "{}\n");
  EXPECT_EQ(modeOf(path), 0644u);
  EXPECT_EQ(entries(), std::vector<std::string>{"plan.json"});
}

TEST_F(AtomicFileTest, ReplacesAnOldFileWholeAndTightensItsMode) {
  auto path = dir_ / "credentials.json";
  { std::ofstream(path) << "an older, longer text that must not survive in part"; }
  fs::permissions(path, fs::perms(0644));
  ASSERT_TRUE(writeFileAtomically(path, "secret", 0600).ok());
  EXPECT_EQ(read(path), "secret");
  EXPECT_EQ(modeOf(path), 0600u);
  EXPECT_EQ(entries(), std::vector<std::string>{"credentials.json"});
}

TEST_F(AtomicFileTest, AFolderIsRefusedWithItsReasonAndIsLeftAlone) {
  auto written = writeFileAtomically(dir_, "x", 0644);
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error(), "Is a directory");
  EXPECT_TRUE(fs::is_directory(dir_));
  EXPECT_TRUE(entries().empty());
}

TEST_F(AtomicFileTest, AMissingFolderIsTheReasonNotTheTemporaryName) {
  auto written = writeFileAtomically(dir_ / "no-such-folder" / "plan.json", "x", 0644);
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error(), "No such file or directory");
  EXPECT_EQ(written.error().find(".pingplan-"), std::string::npos);
}

TEST_F(AtomicFileTest, CheckWritableCreatesNothing) {
  auto path = dir_ / "out.json";
  EXPECT_TRUE(checkWritable(path).ok());
  EXPECT_TRUE(entries().empty());
  EXPECT_EQ(checkWritable(dir_).error(), "Is a directory");
  EXPECT_EQ(checkWritable(dir_ / "missing" / "out.json").error(), "No such file or directory");
}

}  // namespace
}  // namespace pingplan
