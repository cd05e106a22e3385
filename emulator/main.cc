// pingone-emulator: a local PingOne API for demos and end-to-end tests (docs/emulator.md).
// Prints the banner on stdout, then logs only to stderr.

#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "emulator/ids.h"
#include "emulator/options.h"
#include "emulator/public_key.h"
#include "emulator/server.h"
#include "emulator/state_file.h"

namespace {

using emulator::EmulatorSetup;

std::string shellQuoted(const std::string& value) {
  bool plain = !value.empty();
  for (char c : value) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') {
      plain = false;
    }
  }
  if (plain) return value;
  std::string out = "'";
  for (char c : value) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The worker's --client-jwks file as a JWK set string.
std::string readClientJwks(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  std::string error;
  auto keys = emulator::parsePublicKeys(text.str(), error);
  if (!keys) throw std::runtime_error(path + ": " + error);
  nlohmann::json set = {{"keys", nlohmann::json::array()}};
  for (const auto& key : *keys) set["keys"].push_back(emulator::publicJwkOf(key));
  return set.dump();
}

// The --signing-key file, or a new key.
emulator::SigningKey signingKey(const std::string& path) {
  if (path.empty()) return emulator::SigningKey::generate();
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  auto key = emulator::SigningKey::fromPem(text.str());
  if (!key) throw std::runtime_error(path + " is not an RSA private key in PEM");
  return std::move(*key);
}

EmulatorSetup buildSetup(const emulator::Options& options) {
  std::optional<nlohmann::json> saved;
  if (!options.statePath.empty()) saved = emulator::readStateFile(options.statePath);
  std::string jwks = options.clientJwksPath.empty() ? "" : readClientJwks(options.clientJwksPath);
  if (saved) {
    auto key = emulator::SigningKey::fromPem(saved->value("signingKeyPem", ""));
    if (!key || !saved->contains("store") || !saved->contains("workerId")) {
      throw std::runtime_error(options.statePath + " is not a pingone-emulator state file");
    }
    EmulatorSetup setup{emulator::Store::fromJson((*saved)["store"]),
                        *key,
                        (*saved)["workerId"].get<std::string>(),
                        options.faults,
                        options.seed,
                        options.statePath};
    if (!options.environmentId.empty() && options.environmentId != setup.store.environmentId()) {
      throw std::runtime_error(options.statePath + " holds environment " +
                               setup.store.environmentId() + ", not " + options.environmentId);
    }
    if (!options.clientId.empty() && options.clientId != setup.workerId) {
      throw std::runtime_error(options.statePath + " holds worker " + setup.workerId + ", not " +
                               options.clientId);
    }
    if (!options.clientSecret.empty()) setup.store.setSecret(setup.workerId, options.clientSecret);
    if (!jwks.empty()) setup.store.setJwks(setup.workerId, jwks);
    return setup;
  }
  std::string environmentId =
      options.environmentId.empty() ? emulator::newUuid() : options.environmentId;
  std::string workerId = options.clientId.empty() ? emulator::newUuid() : options.clientId;
  std::string secret = options.clientSecret.empty() ? emulator::newSecret() : options.clientSecret;
  emulator::Store store(environmentId);
  store.seed(workerId, secret, jwks);
  return EmulatorSetup{std::move(store), signingKey(options.signingKeyPath),
                       workerId,         options.faults,
                       options.seed,     options.statePath};
}

}  // namespace

int main(int argc, char** argv) {
  std::string error;
  auto options = emulator::parseOptions(std::vector<std::string>(argv + 1, argv + argc), error);
  if (!options) {
    std::cerr << "pingone-emulator: " << error << "\n";
    return 2;
  }
  if (options->help) {
    std::cout << emulator::usage();
    return 0;
  }

  // Signals are taken by one thread with sigwait, so shutdown runs outside a signal handler.
  // A shell without job control starts background jobs with SIGINT ignored, and an ignored
  // signal never reaches sigwait: restore the default disposition first.
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  std::unique_ptr<emulator::Emulator> server;
  try {
    server = std::make_unique<emulator::Emulator>(buildSetup(*options));
  } catch (const std::exception& e) {
    std::cerr << "pingone-emulator: " << e.what() << "\n";
    return 1;
  }
  int port = server->bind(options->port);
  if (port < 0) {
    std::cerr << "pingone-emulator: cannot listen on 127.0.0.1:" << options->port << "\n";
    return 1;
  }
  try {
    server->save();
  } catch (const std::exception& e) {
    std::cerr << "pingone-emulator: " << e.what() << "\n";
    return 1;
  }

  const std::string& url = server->baseUrl();
  std::printf("pingone-emulator listening on %s\n", url.c_str());
  std::printf("export PINGONE_API_SERVICE_HOSTNAME=%s\n", url.c_str());
  std::printf("export PINGONE_AUTH_SERVICE_HOSTNAME=%s\n", url.c_str());
  std::printf("export PINGONE_ENVIRONMENT_ID=%s\n", server->environmentId().c_str());
  std::printf("export PINGONE_CLIENT_ID=%s\n", server->workerId().c_str());
  std::printf("export PINGONE_CLIENT_SECRET=%s\n", shellQuoted(server->workerSecret()).c_str());
  std::fflush(stdout);
  std::cerr << "pingone-emulator: serving environment " << server->environmentId() << " on " << url
            << "\n";

  std::thread waiter([&] {
    int received = 0;
    sigwait(&signals, &received);
    std::cerr << "pingone-emulator: signal " << received << ", shutting down\n";
    server->stop();
  });
  bool ok = server->run();
  if (!ok) {
    // listen failed: wake the waiter so it can be joined.
    pthread_kill(waiter.native_handle(), SIGTERM);
  }
  waiter.join();
  try {
    server->save();
  } catch (const std::exception& e) {
    std::cerr << "pingone-emulator: " << e.what() << "\n";
    return 1;
  }
  return ok ? 0 : 1;
}
