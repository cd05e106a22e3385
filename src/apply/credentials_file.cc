#include "apply/credentials_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace pingplan::apply {

model::Json credentialsJson(const std::vector<Credentials>& credentials) {
  model::Json apps = model::Json::array();
  for (const auto& c : credentials) {
    apps.push_back({{"name", c.name},
                    {"id", c.id},
                    {"clientId", c.clientId},
                    {"clientSecret", c.clientSecret},
                    {"environmentId", c.environmentId}});
  }
  return {{"applications", apps}};
}

Status<std::string> writeCredentialsFile(const std::string& path,
                                         const std::vector<Credentials>& credentials) {
  std::string text = credentialsJson(credentials).dump(2) + "\n";
  std::string temp = path + ".tmp." + std::to_string(getpid());
  auto failed = [&](const std::string& what) {
    std::string message = "cannot " + what + " " + path + ": " + std::strerror(errno);
    ::unlink(temp.c_str());
    return fail(message);
  };
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return failed("create a temporary file for");
  const char* data = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      return failed("write");
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0600) != 0 || ::fsync(fd) != 0) {
    ::close(fd);
    return failed("write");
  }
  if (::close(fd) != 0) return failed("write");
  if (std::rename(temp.c_str(), path.c_str()) != 0) return failed("replace");
  return Ok{};
}

}  // namespace pingplan::apply
