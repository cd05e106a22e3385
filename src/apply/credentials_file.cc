#include "apply/credentials_file.h"

#include "util/atomic_file.h"

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
  auto written = writeFileAtomically(path, credentialsJson(credentials).dump(2) + "\n", 0600);
  if (!written) return fail("cannot write " + path + ": " + written.error());
  return Ok{};
}

Status<std::string> checkCredentialsPath(const std::string& path) {
  auto writable = checkWritable(path);
  if (!writable) return fail("cannot write " + path + ": " + writable.error());
  return Ok{};
}

}  // namespace pingplan::apply
