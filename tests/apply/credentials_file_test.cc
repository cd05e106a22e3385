// The --credentials-out file: exact content, mode 0600 even over a looser existing file.
#include "apply/credentials_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "support/scratch_dir.h"

namespace pingplan::apply {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string tempPath(const char* name) {
  static const pingplan::testing::ScratchDir scratch;  // one folder per test process
  return scratch.file(name);
}

// Given one created app, when the file is written over a world-readable file, then it holds
// the app's credentials and has mode 0600.
TEST(CredentialsFile, WritesJsonWithMode0600) {
  std::string path = tempPath("creds");
  { std::ofstream(path) << "old"; }
  ::chmod(path.c_str(), 0644);
  auto written = writeCredentialsFile(path, {{"Tool", "app-1", "app-1", "s3cr3t", "env-1"}});
  ASSERT_TRUE(written.ok()) << written.error();
  EXPECT_EQ(model::Json::parse(slurp(path)),
            model::Json::parse(R"({"applications": [{"name": "Tool", "id": "app-1",
              "clientId": "app-1", "clientSecret": "s3cr3t", "environmentId": "env-1"}]})"));
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::remove(path.c_str());
}

// Given a directory that does not exist, when the file is written, then the error names the
// path.
TEST(CredentialsFile, ErrorNamesThePath) {
  auto written = writeCredentialsFile("/nonexistent-dir/creds.json", {});
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error(), "cannot write /nonexistent-dir/creds.json: No such file or directory");
}

// Given a path whose folder is missing, a folder, or a file in a writable folder, when it is
// checked before apply, then the first two are refused with the reason and the last passes,
// leaving no file behind.
TEST(CredentialsFile, CheckRefusesWhatCannotBeWritten) {
  auto missing = checkCredentialsPath("/nonexistent-dir/creds.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error(), "cannot write /nonexistent-dir/creds.json: No such file or directory");

  std::string dir = tempPath("checkdir");
  ASSERT_EQ(::mkdir(dir.c_str(), 0700), 0);
  auto folder = checkCredentialsPath(dir);
  ASSERT_FALSE(folder.ok());
  EXPECT_EQ(folder.error(), "cannot write " + dir + ": Is a directory");

  auto fine = checkCredentialsPath(dir + "/creds.json");
  EXPECT_TRUE(fine.ok()) << fine.error();
  EXPECT_EQ(::rmdir(dir.c_str()), 0);  // empty again: the probe file was removed
}

}  // namespace
}  // namespace pingplan::apply
