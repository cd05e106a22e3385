#pragma once
// The --credentials-out file: {"applications": [{"name", "id", "clientId", "clientSecret",
// "environmentId"}]} for the applications an apply created or replaced. It holds secrets, so
// it is created with mode 0600 and written atomically (temporary file + rename).

#include <string>
#include <vector>

#include "apply/executor.h"
#include "util/result.h"

namespace pingplan::apply {

model::Json credentialsJson(const std::vector<Credentials>& credentials);

/// Writes `credentials` to `path`. The error names the path and never holds a secret.
Status<std::string> writeCredentialsFile(const std::string& path,
                                         const std::vector<Credentials>& credentials);

/// Checks, before an apply writes anything, that `path` can be written: it is not a
/// folder, and a file can be created (and is removed again) in its folder.
Status<std::string> checkCredentialsPath(const std::string& path);

}  // namespace pingplan::apply
