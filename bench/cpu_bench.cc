// CPU cost of load + validate + diff for a manifest of 10,000 objects: 1,250 custom resources,
// each with 2 attributes and 3 scopes, and 1,250 WORKER applications, each with one grant of
// its resource's scopes (the shape bench/gen-manifest.py writes). The live state is either
// equal to the manifest (a no-op plan) or empty apart from PingOne's built-ins (a plan of
// 10,000 creates). No network: this measures pingplan's own work. See bench/README.md.
//
// Peak memory: the counter peak_rss_MB is the process's maximum resident set so far; run one
// benchmark alone (--benchmark_filter) to read it for that benchmark.

#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "diff/diff.h"
#include "manifest/loader.h"
#include "plan/managed.h"

namespace {

using pingplan::model::Application;
using pingplan::model::Attribute;
using pingplan::model::DesiredState;
using pingplan::model::Grant;
using pingplan::model::Json;
using pingplan::model::LiveState;
using pingplan::model::Resource;
using pingplan::model::Scope;

constexpr int kResources = 1250;  // x 8 objects = 10,000
constexpr int kObjects = kResources * 8;

std::string number(int i) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04d", i);
  return buf;
}

/// The manifest text, as bench/gen-manifest.py writes it.
std::string manifestText(int count) {
  std::string t = "version: 1\n\nresources:\n";
  for (int i = 0; i < count; ++i) {
    std::string n = number(i), tag = "bench" + n;
    t += "  - name: Bench API " + n + "\n    description: Benchmark resource " + std::to_string(i) +
         "\n    audience: https://" + tag +
         ".bench.example.com\n    accessTokenValiditySeconds: 3600\n    attributes:\n"
         "      - name: tenant\n        value: " +
         tag + "\n      - name: email\n        value: ${user.email}\n    scopes:\n";
    for (const char* verb : {"read", "write", "admin"}) {
      t +=
          "      - name: " + tag + ":" + verb + "\n        description: " + verb + " " + tag + "\n";
    }
  }
  t += "\napplications:\n";
  for (int i = 0; i < count; ++i) {
    std::string n = number(i), tag = "bench" + n;
    t += "  - name: Bench App " + n + "\n    description: Benchmark client " + std::to_string(i) +
         "\n    type: WORKER\n    grantTypes: [CLIENT_CREDENTIALS]\n    grants:\n"
         "      - resource: Bench API " +
         n + "\n        scopes: [" + tag + ":read, " + tag + ":write, " + tag + ":admin]\n";
  }
  return t;
}

/// A fixture file in the temporary directory, removed at exit.
class ManifestFile {
 public:
  ManifestFile() {
    path_ = (std::filesystem::temp_directory_path() /
             ("pingplan-cpu-bench-" + std::to_string(getpid()) + ".yaml"))
                .string();
    std::ofstream(path_, std::ios::binary) << manifestText(kResources);
  }
  ~ManifestFile() { std::filesystem::remove(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

const ManifestFile& manifestFile() {
  static const ManifestFile file;
  return file;
}

/// Ids as PingOne hands them out; the value only has to be unique.
std::string newId(const char* kind, std::size_t n) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s-0000-4000-8000-%012zu", kind, n);
  return buf;
}

/// The raw JSON of a live object, roughly as the API returns it (the plan digests it).
Json rawOf(const std::string& id, const std::string& name) {
  return {{"_links", {{"self", {{"href", "https://api.pingone.com/v1/x/" + id}}}}},
          {"id", id},
          {"name", name},
          {"environment", {{"id", "env"}}},
          {"createdAt", "2026-01-01T00:00:00.000Z"}};
}

/// PingOne's built-ins and system apps, present in every environment.
LiveState builtIns() {
  LiveState live;
  live.environmentId = "00000000-0000-4000-8000-000000000000";
  Resource openid;
  openid.id = newId("b", 1);
  openid.name = "openid";
  openid.type = "OPENID_CONNECT";
  openid.attributes.emplace();
  openid.scopes.emplace();
  for (const char* s : {"openid", "profile", "email", "address", "phone"}) {
    openid.scopes->push_back({newId("s", openid.scopes->size()), s, "", rawOf("s", s)});
  }
  Resource api;
  api.id = newId("b", 2);
  api.name = "PingOne API";
  api.type = "PINGONE_API";
  api.attributes.emplace();
  api.scopes.emplace();
  live.resources = {openid, api};
  Application console;
  console.id = newId("a", 1);
  console.name = "PingOne Admin Console";
  console.type = "PING_ONE_ADMIN_CONSOLE";
  console.grants.emplace();
  Application worker;
  worker.id = newId("a", 2);
  worker.name = "Worker";
  worker.type = "WORKER";
  worker.grantTypes = {"CLIENT_CREDENTIALS"};
  worker.grants.emplace();
  live.applications = {console, worker};
  return live;
}

/// The live state after a successful apply of `desired`: every object with an id, raw JSON
/// and the CORE `sub` PingOne adds to each custom resource.
LiveState equalLive(const DesiredState& desired) {
  LiveState live = builtIns();
  std::size_t n = 0;
  for (Resource r : desired.resources) {
    r.id = newId("r", ++n);
    r.raw = rawOf(r.id, r.name);
    r.origin.clear();
    for (auto& a : *r.attributes) {
      a.id = newId("t", ++n);
      a.type = "CUSTOM";
      a.raw = rawOf(a.id, a.name);
    }
    Attribute sub{newId("t", ++n), pingplan::plan::kSubAttribute, pingplan::plan::kDefaultSubValue,
                  "CORE", Json()};
    r.attributes->push_back(sub);
    for (auto& s : *r.scopes) {
      s.id = newId("s", ++n);
      s.raw = rawOf(s.id, s.name);
    }
    live.resources.push_back(std::move(r));
  }
  for (Application a : desired.applications) {
    a.id = newId("a", ++n);
    a.raw = rawOf(a.id, a.name);
    a.origin.clear();
    for (auto& g : *a.grants) {
      g.id = newId("g", ++n);
      g.raw = rawOf(g.id, g.resource);
      for (const auto& r : live.resources) {
        if (r.name != g.resource) continue;
        g.resourceId = r.id;
        for (const auto& scopeName : g.scopes) {
          for (const auto& s : *r.scopes) {
            if (s.name == scopeName) g.scopeIds.push_back(s.id);
          }
        }
      }
    }
    live.applications.push_back(std::move(a));
  }
  return live;
}

DesiredState loadOrDie(benchmark::State& state) {
  auto loaded = pingplan::manifest::loadManifest(manifestFile().path());
  if (!loaded.ok()) {
    state.SkipWithError(("manifest does not load: " + loaded.diagnostics.front().str()).c_str());
  }
  return std::move(loaded.state);
}

/// Checks that the plan has the expected number of changes, else skips with an error.
bool expectChanges(benchmark::State& state, const DesiredState& desired, const LiveState& live,
                   std::size_t expected) {
  auto plan = pingplan::diff::makePlan(desired, live);
  if (!plan.ok()) {
    state.SkipWithError(("makePlan failed: " + plan.error().front().message).c_str());
    return false;
  }
  if (plan->changes.size() != expected) {
    state.SkipWithError(("the plan has " + std::to_string(plan->changes.size()) +
                         " changes, expected " + std::to_string(expected))
                            .c_str());
    return false;
  }
  return true;
}

void report(benchmark::State& state) {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["objects"] = kObjects;
  state.counters["peak_rss_MB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;  // kB on Linux
}

void BM_LoadValidate(benchmark::State& state) {
  for (auto _ : state) {
    auto loaded = pingplan::manifest::loadManifest(manifestFile().path());
    if (!loaded.ok()) state.SkipWithError("manifest does not load");
    benchmark::DoNotOptimize(loaded);
  }
  report(state);
}

/// Receives yaml-cpp's parse events and does nothing with them.
class IgnoreEvents : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// The floor under BM_LoadValidate: yaml-cpp parsing the same text with a handler that does
// nothing. No loader of pingplan's can be faster than this while it uses yaml-cpp.
void BM_YamlCppParseOnly(benchmark::State& state) {
  std::ifstream file(manifestFile().path());
  std::stringstream buffer;
  buffer << file.rdbuf();
  const std::string text = buffer.str();
  for (auto _ : state) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    IgnoreEvents ignore;
    while (parser.HandleNextDocument(ignore)) {
    }
  }
  state.counters["bytes"] = static_cast<double>(text.size());
  report(state);
}

void diffOnly(benchmark::State& state, bool equal) {
  DesiredState desired = loadOrDie(state);
  LiveState live = equal ? equalLive(desired) : builtIns();
  if (!expectChanges(state, desired, live, equal ? 0 : kObjects)) return;
  for (auto _ : state) {
    auto plan = pingplan::diff::makePlan(desired, live);
    benchmark::DoNotOptimize(plan);
  }
  report(state);
}

void loadValidateDiff(benchmark::State& state, bool equal) {
  DesiredState reference = loadOrDie(state);
  LiveState live = equal ? equalLive(reference) : builtIns();
  if (!expectChanges(state, reference, live, equal ? 0 : kObjects)) return;
  for (auto _ : state) {
    auto loaded = pingplan::manifest::loadManifest(manifestFile().path());
    auto plan = pingplan::diff::makePlan(loaded.state, live);
    benchmark::DoNotOptimize(plan);
  }
  report(state);
}

void BM_DiffEqual(benchmark::State& state) { diffOnly(state, true); }
void BM_DiffEmpty(benchmark::State& state) { diffOnly(state, false); }
void BM_LoadValidateDiffEqual(benchmark::State& state) { loadValidateDiff(state, true); }
void BM_LoadValidateDiffEmpty(benchmark::State& state) { loadValidateDiff(state, false); }

BENCHMARK(BM_YamlCppParseOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadValidate)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DiffEqual)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DiffEmpty)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadValidateDiffEqual)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadValidateDiffEmpty)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
