#include "util/atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace pingplan {
namespace {

/// The folder `path` is in: a temporary file there can be renamed over it.
std::string folderOf(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

Unexpected<std::string> reason(int error) { return fail(std::string(std::strerror(error))); }

bool isFolder(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

Status<std::string> writeFileAtomically(const std::string& path, std::string_view text,
                                        unsigned mode) {
  if (isFolder(path)) return reason(EISDIR);
  std::string temp = folderOf(path) + "/.pingplan-XXXXXX";
  int fd = ::mkstemp(temp.data());  // mode 0600
  if (fd < 0) return reason(errno);
  auto abandon = [&](int error, bool open) {
    if (open) ::close(fd);
    ::unlink(temp.c_str());
    return reason(error);
  };
  for (std::size_t done = 0; done < text.size();) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return abandon(errno, true);
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, static_cast<mode_t>(mode)) != 0 || ::fsync(fd) != 0) {
    return abandon(errno, true);
  }
  if (::close(fd) != 0) return abandon(errno, false);
  if (std::rename(temp.c_str(), path.c_str()) != 0) return abandon(errno, false);
  return Ok{};
}

Status<std::string> checkWritable(const std::string& path) {
  if (isFolder(path)) return reason(EISDIR);
  std::string probe = folderOf(path) + "/.pingplan-check-XXXXXX";
  int fd = ::mkstemp(probe.data());
  if (fd < 0) return reason(errno);
  ::close(fd);
  ::unlink(probe.c_str());
  return Ok{};
}

}  // namespace pingplan
