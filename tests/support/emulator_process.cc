#include "support/emulator_process.h"

#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>

extern char** environ;

namespace pingplan::testing {

namespace {

/// One RSA key for every emulator a test binary starts: making a 2048-bit key is most of an
/// emulator's start-up (0.1 to 0.5 s), and the suite starts a hundred of them. The file is
/// removed when the test binary exits. (Tokens still cannot cross emulators: each checks its
/// own issuer, which holds its port.)
class SharedSigningKey {
 public:
  SharedSigningKey() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "pingplan-test-key-XXXXXX").string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary key file");
    path_ = pattern;
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(2048), EVP_PKEY_free);
    FILE* file = ::fdopen(fd, "w");
    bool written =
        key && file &&
        PEM_write_PrivateKey(file, key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1;
    if (file) std::fclose(file);
    if (!written) throw std::runtime_error("cannot write a test signing key to " + path_);
  }
  ~SharedSigningKey() { std::remove(path_.c_str()); }
  SharedSigningKey(const SharedSigningKey&) = delete;
  SharedSigningKey& operator=(const SharedSigningKey&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

const std::string& sharedSigningKeyPath() {
  static const SharedSigningKey key;  // thread-safe, made on first use
  return key.path();
}

}  // namespace

EmulatorProcess::EmulatorProcess(std::vector<std::string> extraArgs) {
  std::vector<std::string> args = {PINGONE_EMULATOR_EXE, "--port", "0"};
  bool ownKey = false;
  for (const auto& a : extraArgs) ownKey = ownKey || a.rfind("--signing-key", 0) == 0;
  if (!ownKey) {
    args.push_back("--signing-key");
    args.push_back(sharedSigningKeyPath());
  }
  args.insert(args.end(), extraArgs.begin(), extraArgs.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  int rc = posix_spawn(&pid_, args[0].c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    throw std::runtime_error("cannot start " + args[0]);
  }

  // Read the banner up to its last line. The pipe stays open (and is drained by nobody) after
  // that, so the emulator must print nothing else on stdout; it logs to stderr.
  FILE* out = fdopen(fds[0], "r");
  char buffer[4096];
  while (fgets(buffer, sizeof buffer, out) != nullptr) {
    std::string line(buffer);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    const std::string prefix = "export ";
    if (line.rfind(prefix, 0) == 0) {
      auto eq = line.find('=');
      std::string value = line.substr(eq + 1);
      if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
        value = value.substr(1, value.size() - 2);
      }
      exports_[line.substr(prefix.size(), eq - prefix.size())] = value;
      if (line.rfind("export PINGONE_CLIENT_SECRET=", 0) == 0) break;
    }
  }
  fclose(out);
  auto host = exports_.find("PINGONE_API_SERVICE_HOSTNAME");
  if (host == exports_.end() || !exports_.count("PINGONE_CLIENT_SECRET")) {
    stop();
    throw std::runtime_error("pingone-emulator did not print its banner");
  }
  baseUrl_ = host->second;
  port_ = std::stoi(baseUrl_.substr(baseUrl_.rfind(':') + 1));
}

EmulatorProcess::~EmulatorProcess() { stop(); }

int EmulatorProcess::stop() {
  if (pid_ <= 0) return 0;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return status;
}

nlohmann::json EmulatorProcess::control(const std::string& method, const std::string& path,
                                        const nlohmann::json& body) const {
  httplib::Client client("127.0.0.1", port_);
  std::string payload = body.is_null() ? std::string() : body.dump();
  auto send = [&]() -> httplib::Result {
    if (method == "GET") return client.Get(path.c_str());
    if (method == "POST") return client.Post(path.c_str(), payload, "application/json");
    if (method == "PUT") return client.Put(path.c_str(), payload, "application/json");
    if (method == "DELETE") return client.Delete(path.c_str());
    throw std::invalid_argument("unsupported method " + method);
  };
  httplib::Result res = send();
  if (!res) throw std::runtime_error("control request failed: " + method + " " + path);
  if (res->status >= 400) {
    throw std::runtime_error("control " + method + " " + path + " -> " +
                             std::to_string(res->status) + ": " + res->body);
  }
  return res->body.empty() ? nlohmann::json() : nlohmann::json::parse(res->body);
}

nlohmann::json EmulatorProcess::requests() const {
  return control("GET", "/emulator/requests").at("requests");
}

void EmulatorProcess::clearRequests() const { control("DELETE", "/emulator/requests"); }

int EmulatorProcess::writeCount() const {
  int writes = 0;
  for (const auto& r : requests()) {
    std::string method = r.at("method");
    std::string path = r.at("path");
    if (path.rfind("/v1/", 0) == 0 && (method == "POST" || method == "PUT" || method == "DELETE")) {
      ++writes;
    }
  }
  return writes;
}

void EmulatorProcess::setFaults(const nlohmann::json& faults) const {
  control("POST", "/emulator/faults", faults);
}

}  // namespace pingplan::testing
