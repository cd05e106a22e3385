#pragma once
// Fresh identifiers and secrets from OpenSSL's CSPRNG, and the clock in the API's formats.

#include <cstdint>
#include <string>

namespace emulator {

/// A random lowercase version-4 UUID, as PingOne ids look.
std::string newUuid();
/// A random application secret of 64 URL-safe characters.
std::string newSecret();
/// Seconds since the epoch.
int64_t nowSeconds();
/// The current time as RFC 3339 with milliseconds, e.g. 2026-01-02T03:04:05.678Z.
std::string nowTimestamp();
/// True when text is a lowercase UUID.
bool isUuid(const std::string& text);

}  // namespace emulator
