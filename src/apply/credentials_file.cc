#include "apply/credentials_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
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
  auto failed = [&](int error) {
    std::string message = "cannot write " + path + ": " + std::strerror(error);
    ::unlink(temp.c_str());
    return fail(message);
  };
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return failed(errno);
  const char* data = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      int error = errno;
      ::close(fd);
      return failed(error);
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0600) != 0 || ::fsync(fd) != 0) {
    int error = errno;
    ::close(fd);
    return failed(error);
  }
  if (::close(fd) != 0) return failed(errno);
  if (std::rename(temp.c_str(), path.c_str()) != 0) return failed(errno);
  return Ok{};
}

Status<std::string> checkCredentialsPath(const std::string& path) {
  auto cannot = [&](int error) {
    return fail("cannot write " + path + ": " + std::strerror(error));
  };
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return cannot(EISDIR);
  auto slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  std::string probe = dir + "/.pingplan-check-XXXXXX";
  int fd = ::mkstemp(probe.data());
  if (fd < 0) return cannot(errno);
  ::close(fd);
  ::unlink(probe.c_str());
  return Ok{};
}

}  // namespace pingplan::apply
