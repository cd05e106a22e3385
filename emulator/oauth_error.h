#pragma once
// A refused token request: thrown inside the token endpoint and answered in the OAuth form
// {"error", "error_description"} with its status.

#include <string>

namespace emulator {

struct OAuthError {
  int status;
  std::string error;
  std::string description;
};

}  // namespace emulator
