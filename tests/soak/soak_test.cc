// Fault soak: the real pingplan binary applies one manifest to the real pingone-emulator from
// random starting states while the emulator answers 20% of requests with 429, 5% with 503 and
// drops the answer of some committed writes. Each apply that fails partway (exit 3) is run again
// until one succeeds; then the environment must have converged (plan --detailed-exitcode exits
// 0, a further apply sends no write), hold no duplicate object, and every object the manifest
// does not manage must be exactly as it was.
//
// PINGPLAN_SOAK_ITERATIONS (default 3) sets the number of starting states, PINGPLAN_SOAK_SEED
// (default 20261122) the first PRNG seed; iteration i uses seed + i, so a failure names the
// seed that reproduces it.

#include <gtest/gtest.h>
#include <httplib.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "support/direct_api.h"
#include "support/emulator_process.h"
#include "support/pingplan_run.h"
#include "support/scratch_dir.h"

namespace pingplan::soak {
namespace {

using nlohmann::json;
using pingplan::testing::DirectApi;
using pingplan::testing::EmulatorProcess;
using pingplan::testing::runPingplan;
using pingplan::testing::RunResult;
using pingplan::testing::ScratchDir;

/// Reruns allowed after a partial apply before the soak calls it non-convergence.
constexpr int kMaxApplies = 8;

const char* const kManifest = R"(version: 1
resources:
  - name: Soak Orders API
    description: Orders for the soak
    audience: https://orders.soak.example.com
    accessTokenValiditySeconds: 3600
    attributes:
      - name: name
        value: orders
      - name: groups
        value: ${user.groups}
    scopes:
      - name: orders:read
        description: Read orders
      - name: orders:write
        description: Write orders
  - name: Soak Billing API
    description: Billing for the soak
    scopes:
      - name: billing:read
  - name: Soak Legacy API
    ensure: absent
applications:
  - name: Soak Worker
    description: Soak worker app
    type: WORKER
    grantTypes: [CLIENT_CREDENTIALS]
    adminOnly: true
    grants:
      - resource: Soak Orders API
        scopes: [orders:read, orders:write]
  - name: Soak Service
    type: SERVICE
    grantTypes: [CLIENT_CREDENTIALS]
    tokenEndpointAuthMethod: CLIENT_SECRET_POST
    grants:
      - resource: Soak Billing API
        scopes: [billing:read]
  - name: Soak Retired App
    ensure: absent
)";

const std::set<std::string> kManagedResources = {"Soak Orders API", "Soak Billing API",
                                                 "Soak Legacy API"};
const std::set<std::string> kManagedApplications = {"Soak Worker", "Soak Service",
                                                    "Soak Retired App"};

long envNumber(const char* name, long fallback) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return fallback;
  return std::strtol(value, nullptr, 10);
}

json application(const std::string& name, const std::string& type, bool enabled) {
  return {{"name", name},
          {"enabled", enabled},
          {"type", type},
          {"protocol", "OPENID_CONNECT"},
          {"grantTypes", {"CLIENT_CREDENTIALS"}},
          {"tokenEndpointAuthMethod", "CLIENT_SECRET_BASIC"}};
}

json grant(const std::string& resourceId, const std::vector<std::string>& scopeIds) {
  json scopes = json::array();
  for (const auto& id : scopeIds) scopes.push_back({{"id", id}});
  return {{"resource", {{"id", resourceId}}}, {"scopes", scopes}};
}

/// A random mix of drifted managed objects, objects to delete and unmanaged objects.
void buildStartingState(DirectApi& api, std::mt19937& rng) {
  auto coin = [&rng](double p) { return std::bernoulli_distribution(p)(rng); };
  std::string ordersId;
  std::vector<std::string> orderScopes;
  if (coin(0.7)) {
    ordersId = api.create("/resources", {{"name", "Soak Orders API"},
                                         {"type", "CUSTOM"},
                                         {"description", "drifted"},
                                         {"audience", "https://drifted.example.com"},
                                         {"accessTokenValiditySeconds", 7200}});
    if (coin(0.5))
      api.create("/resources/" + ordersId + "/attributes",
                 {{"name", "name"}, {"value", "drifted"}});
    if (coin(0.5))
      api.create("/resources/" + ordersId + "/attributes",
                 {{"name", "legacy"}, {"value", "undeclared"}});
    if (coin(0.6))
      orderScopes.push_back(api.create("/resources/" + ordersId + "/scopes",
                                       {{"name", "orders:read"}, {"description", "old"}}));
    if (coin(0.6))
      orderScopes.push_back(
          api.create("/resources/" + ordersId + "/scopes", {{"name", "orders:delete"}}));
  }
  if (coin(0.5)) {
    std::string id = api.create("/resources", {{"name", "Soak Billing API"}, {"type", "CUSTOM"}});
    if (coin(0.5)) api.create("/resources/" + id + "/scopes", {{"name", "billing:read"}});
  }
  if (coin(0.5)) {
    std::string id = api.create("/resources", {{"name", "Soak Legacy API"}, {"type", "CUSTOM"}});
    api.create("/resources/" + id + "/scopes", {{"name", "legacy:read"}});
  }
  if (coin(0.6)) {
    std::string id = api.create("/applications", application("Soak Worker", "WORKER", coin(0.5)));
    if (!ordersId.empty() && !orderScopes.empty() && coin(0.7)) {
      api.create("/applications/" + id + "/grants", grant(ordersId, orderScopes));
    }
  }
  if (coin(0.5)) api.create("/applications", application("Soak Retired App", "SERVICE", true));

  int unmanagedResources = std::uniform_int_distribution<int>(1, 3)(rng);
  std::vector<std::pair<std::string, std::string>> unmanagedScopes;  // resource id, scope id
  for (int i = 0; i < unmanagedResources; ++i) {
    std::string name = "Unmanaged API " + std::to_string(i);
    std::string id = api.create("/resources", {{"name", name}, {"type", "CUSTOM"}});
    unmanagedScopes.emplace_back(id, api.create("/resources/" + id + "/scopes",
                                                {{"name", "unmanaged:" + std::to_string(i)}}));
    if (coin(0.5))
      api.create("/resources/" + id + "/attributes", {{"name", "tier"}, {"value", "x"}});
  }
  int unmanagedApps = std::uniform_int_distribution<int>(1, 2)(rng);
  for (int i = 0; i < unmanagedApps; ++i) {
    std::string id = api.create("/applications",
                                application("Unmanaged App " + std::to_string(i), "WORKER", true));
    const auto& [resourceId, scopeId] =
        unmanagedScopes[static_cast<size_t>(i) % unmanagedScopes.size()];
    api.create("/applications/" + id + "/grants", grant(resourceId, {scopeId}));
  }
}

/// Everything of the store that pingplan must not touch: unmanaged resources and apps with
/// their children, keyed by id.
json unmanagedPart(const json& state) {
  json out = json::object();
  std::set<std::string> resourceIds;
  std::set<std::string> applicationIds;
  for (const auto& r : state.at("resources")) {
    if (kManagedResources.count(r.at("name").get<std::string>()) > 0) continue;
    resourceIds.insert(r.at("id").get<std::string>());
    out["resource " + r.at("id").get<std::string>()] = r;
  }
  for (const auto& a : state.at("applications")) {
    if (kManagedApplications.count(a.at("name").get<std::string>()) > 0) continue;
    applicationIds.insert(a.at("id").get<std::string>());
    out["application " + a.at("id").get<std::string>()] = a;
  }
  for (const char* kind : {"attributes", "scopes"}) {
    for (const auto& child : state.value(kind, json::array())) {
      if (resourceIds.count(child.at("resource").at("id").get<std::string>()) > 0) {
        out[std::string(kind) + " " + child.at("id").get<std::string>()] = child;
      }
    }
  }
  for (const auto& g : state.value("grants", json::array())) {
    if (applicationIds.count(g.at("application").at("id").get<std::string>()) > 0) {
      out["grant " + g.at("id").get<std::string>()] = g;
    }
  }
  return out;
}

/// Names that occur more than once: top-level objects by name, children by parent and name.
std::vector<std::string> duplicates(const json& state) {
  std::map<std::string, int> seen;
  for (const auto& r : state.at("resources")) ++seen["resource " + r.at("name").get<std::string>()];
  for (const auto& a : state.at("applications")) {
    ++seen["application " + a.at("name").get<std::string>()];
  }
  for (const char* kind : {"attributes", "scopes"}) {
    for (const auto& c : state.value(kind, json::array())) {
      ++seen[std::string(kind) + " " + c.at("resource").at("id").get<std::string>() + "/" +
             c.at("name").get<std::string>()];
    }
  }
  for (const auto& g : state.value("grants", json::array())) {
    ++seen["grant " + g.at("application").at("id").get<std::string>() + "/" +
           g.at("resource").at("id").get<std::string>()];
  }
  std::vector<std::string> out;
  for (const auto& [key, count] : seen) {
    if (count > 1) out.push_back(key + " x" + std::to_string(count));
  }
  return out;
}

/// Injected faults the emulator counted, over the whole soak.
struct FaultTally {
  long requests = 0;
  long rejected429 = 0;
  long rejected503 = 0;
  long dropped = 0;
};

/// One starting state, applied under faults until it converges. Returns the applies it took.
int soakOnce(unsigned seed, FaultTally& faultsSeen) {
  std::mt19937 rng(seed);
  EmulatorProcess emulator({"--seed", std::to_string(seed)});
  DirectApi api(emulator);
  buildStartingState(api, rng);
  json before = unmanagedPart(emulator.control("GET", "/emulator/state"));

  ScratchDir scratch;
  std::string manifest = scratch.write("pingplan.yaml", kManifest);
  std::map<std::string, std::string> env = emulator.exports();
  env["NO_COLOR"] = "1";
  auto pingplan = [&](const std::vector<std::string>& args) {
    return runPingplan(args, env, scratch);
  };

  int applies = 0;
  RunResult last;
  while (applies < kMaxApplies) {
    emulator.setFaults({{"rate429", 0.2},
                        {"rate503", 0.05},
                        {"retryAfterSeconds", 0},
                        {"dropAfterCommit", std::uniform_int_distribution<int>(0, 2)(rng)}});
    last = pingplan({"apply", manifest, "--auto-approve"});
    ++applies;
    if (last.exitCode == 0) break;
    EXPECT_EQ(last.exitCode, 3) << "seed " << seed << ": apply " << applies << " exited "
                                << last.exitCode << "\n"
                                << last.err;
    if (last.exitCode != 3) break;
  }
  json counters = emulator.control("GET", "/emulator/counters");
  faultsSeen.rejected429 += counters["byStatus"].value("429", 0);
  faultsSeen.rejected503 += counters["byStatus"].value("503", 0);
  faultsSeen.dropped += counters.value("dropped", 0);
  faultsSeen.requests += counters.value("total", 0);
  emulator.setFaults({{"rate429", 0}, {"rate503", 0}, {"dropAfterCommit", 0}});
  EXPECT_EQ(last.exitCode, 0) << "seed " << seed << ": no successful apply in " << applies
                              << " runs\n"
                              << last.out << last.err;

  RunResult plan = pingplan({"plan", manifest, "--detailed-exitcode"});
  EXPECT_EQ(plan.exitCode, 0) << "seed " << seed << ": not converged\n" << plan.out << plan.err;

  emulator.clearRequests();
  RunResult again = pingplan({"apply", manifest, "--auto-approve"});
  EXPECT_EQ(again.exitCode, 0) << "seed " << seed << "\n" << again.err;
  EXPECT_EQ(emulator.writeCount(), 0) << "seed " << seed << ": a converged apply wrote";

  json state = emulator.control("GET", "/emulator/state");
  EXPECT_EQ(duplicates(state), std::vector<std::string>{}) << "seed " << seed;
  EXPECT_EQ(unmanagedPart(state), before) << "seed " << seed << ": an unmanaged object changed";
  return applies;
}

TEST(Soak, AppliesConvergeUnderFaultsFromRandomStates) {
  const long iterations = envNumber("PINGPLAN_SOAK_ITERATIONS", 3);
  const auto firstSeed = static_cast<unsigned>(envNumber("PINGPLAN_SOAK_SEED", 20261122));
  std::map<int, int> appliesNeeded;  // applies -> starting states
  FaultTally faults;
  for (long i = 0; i < iterations && !::testing::Test::HasFailure(); ++i) {
    ++appliesNeeded[soakOnce(firstSeed + static_cast<unsigned>(i), faults)];
  }
  std::printf(
      "soak: %ld requests (setup included): %ld answered 429, %ld answered 503, %ld dropped\n",
      faults.requests, faults.rejected429, faults.rejected503, faults.dropped);
  for (const auto& [applies, count] : appliesNeeded) {
    std::printf("soak: %d starting state(s) converged after %d apply run(s)\n", count, applies);
  }
}

}  // namespace
}  // namespace pingplan::soak
