#pragma once
// Options: the pingone-emulator command line (docs/emulator.md lists every flag).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "emulator/faults.h"

namespace emulator {

/// The parsed command line.
struct Options {
  int port = 0;
  std::string statePath;
  std::string environmentId;  // empty: generated (or from the state file)
  std::string clientId;
  std::string clientSecret;
  std::string clientJwksPath;
  std::string signingKeyPath;  // PEM RSA private key; empty: a new key at start-up
  uint64_t seed = 1;
  FaultSettings faults;
  bool help = false;
};

/// Parses argv[1..]; on failure returns nullopt and sets error.
std::optional<Options> parseOptions(const std::vector<std::string>& args, std::string& error);
/// The --help text.
std::string usage();

}  // namespace emulator
