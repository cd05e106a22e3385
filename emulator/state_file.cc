#include "emulator/state_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace emulator {

std::optional<nlohmann::json> readStateFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    if (errno == ENOENT) return std::nullopt;
    throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto document = nlohmann::json::parse(buffer.str(), nullptr, false);
  if (document.is_discarded()) throw std::runtime_error(path + " is not valid JSON");
  return document;
}

void writeStateFile(const std::string& path, const nlohmann::json& document) {
  std::string temporary = path + ".tmp." + std::to_string(getpid());
  std::string text = document.dump(2) + "\n";
  int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) throw std::runtime_error("cannot write " + temporary + ": " + std::strerror(errno));
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close(fd);
      unlink(temporary.c_str());
      throw std::runtime_error("cannot write " + temporary + ": " + std::strerror(errno));
    }
    written += static_cast<size_t>(n);
  }
  fsync(fd);
  close(fd);
  if (rename(temporary.c_str(), path.c_str()) != 0) {
    unlink(temporary.c_str());
    throw std::runtime_error("cannot rename " + temporary + ": " + std::strerror(errno));
  }
}

}  // namespace emulator
