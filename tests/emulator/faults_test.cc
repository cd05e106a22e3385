// Fault injection through flags and the control endpoint: latency, 429/503/500 rates with a
// seeded PRNG, dropped answers after committed writes, 404s after create.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "emulator_client.h"

namespace emulator_test {
namespace {

using pingplan::testing::EmulatorProcess;

TEST(Faults, SettingsMergeAndValidate) {
  EmulatorProcess emulator;
  json defaults = emulator.control("GET", "/emulator/faults");
  EXPECT_EQ(defaults["pageSize"], 3);
  EXPECT_EQ(defaults["rate429"], 0);
  json merged = emulator.control("POST", "/emulator/faults", {{"latencyMs", 5}, {"rate503", 0.25}});
  EXPECT_EQ(merged["latencyMs"], 5);
  EXPECT_EQ(merged["rate503"], 0.25);
  EXPECT_EQ(merged["pageSize"], 3);
  EXPECT_THROW(emulator.control("POST", "/emulator/faults", {{"rate500", 2}}), std::runtime_error);
  EXPECT_THROW(emulator.control("POST", "/emulator/faults", {{"bogus", 1}}), std::runtime_error);
  EXPECT_EQ(emulator.control("GET", "/emulator/faults")["rate500"], 0);
}

TEST(Faults, Rate429AnswersWithRetryAfterAndRequestLimited) {
  EmulatorProcess emulator({"--rate-429", "1", "--retry-after", "7"});
  Api api(emulator);
  Reply token = api.tokenRequest("grant_type=client_credentials");
  EXPECT_EQ(token.status, 429);  // the token endpoint is subject to faults too
  EXPECT_EQ(token.header("Retry-After"), "7");
  emulator.setFaults({{"rate429", 0}});
  api.fetchToken();
  emulator.setFaults({{"rate429", 1}, {"retryAfterSeconds", 2}});
  Reply reply = api.get(api.env("/resources"));
  EXPECT_EQ(reply.status, 429);
  EXPECT_EQ(reply.body["code"], "REQUEST_LIMITED");
  EXPECT_EQ(reply.header("Retry-After"), "2");
  // The control endpoint is never faulted.
  EXPECT_EQ(emulator.control("GET", "/emulator/faults")["rate429"], 1);
}

TEST(Faults, Rate503And500) {
  EmulatorProcess emulator;
  Api api(emulator);
  api.fetchToken();
  emulator.setFaults({{"rate503", 1}});
  Reply unavailable = api.post(api.env("/resources"), {{"name", "never"}});
  EXPECT_EQ(unavailable.status, 503);
  emulator.setFaults({{"rate503", 0}, {"rate500", 1}});
  Reply error = api.get(api.env("/resources"));
  EXPECT_EQ(error.status, 500);
  EXPECT_EQ(error.body["code"], "UNEXPECTED_ERROR");
  EXPECT_EQ(emulator.control("GET", "/emulator/state")["resources"].size(), 2u);
}

TEST(Faults, RandomFaultsAreReproducibleWithTheSameSeed) {
  auto run = [](const std::string& seed) {
    EmulatorProcess emulator({"--seed", seed});
    Api api(emulator);
    api.fetchToken();
    emulator.setFaults({{"rate429", 0.3}, {"rate503", 0.2}});
    std::string statuses;
    for (int i = 0; i < 40; ++i)
      statuses += std::to_string(api.get(api.env("/resources")).status) + " ";
    return statuses;
  };
  std::string first = run("42");
  EXPECT_EQ(first, run("42"));
  EXPECT_NE(first.find("429"), std::string::npos);
  EXPECT_NE(first.find("503"), std::string::npos);
  EXPECT_NE(first.find("200"), std::string::npos);
  EXPECT_NE(first, run("43"));
}

TEST(Faults, LatencyIsAddedToEveryFaultedRequest) {
  EmulatorProcess emulator({"--latency-ms", "30"});
  Api api(emulator);
  api.fetchToken();
  api.get(api.env("/resources"));
  for (const auto& r : emulator.requests()) EXPECT_GE(r["durationMs"].get<double>(), 30.0);
}

TEST(Faults, DropAfterCommitClosesTheConnectionUnansweredButKeepsTheWrite) {
  EmulatorProcess emulator;
  Api api(emulator);
  api.fetchToken();
  emulator.setFaults({{"dropAfterCommit", 1}});
  Reply dropped = api.post(api.env("/resources"), {{"name", "Committed"}});
  EXPECT_EQ(dropped.status, 0);  // no response at all
  json state = emulator.control("GET", "/emulator/state");
  ASSERT_EQ(state["resources"].size(), 3u);
  EXPECT_EQ(state["resources"][2]["name"], "Committed");
  json requests = emulator.requests();
  EXPECT_EQ(requests.back()["dropped"], true);
  EXPECT_EQ(requests.back()["status"], 201);
  EXPECT_EQ(emulator.control("GET", "/emulator/faults")["dropAfterCommit"], 0);
  // The next write is answered normally.
  EXPECT_EQ(api.post(api.env("/resources"), {{"name", "Answered"}}).status, 201);
}

TEST(Faults, DropAfterCommitIsVisibleToARawSocketAsZeroBytes) {
  EmulatorProcess emulator({"--drop-after-commit", "1"});
  Api api(emulator);
  api.fetchToken();
  std::string body = "{\"name\":\"Raw\"}";
  std::string request =
      "POST " + api.env("/resources") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
      "Authorization: Bearer " + api.fetchToken() +
      "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
      "\r\n\r\n" + body;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(emulator.port()));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(send(fd, request.data(), request.size(), 0), static_cast<ssize_t>(request.size()));
  char buffer[256];
  ssize_t received = recv(fd, buffer, sizeof buffer, 0);
  close(fd);
  EXPECT_LE(received, 0);  // EOF (or reset), never a byte of an answer
  EXPECT_EQ(emulator.control("GET", "/emulator/state")["resources"].size(), 3u);
}

TEST(Faults, NotFoundAfterCreateHidesNewObjectsFromTheirFirstGets) {
  EmulatorProcess emulator({"--not-found-after-create", "2"});
  Api api(emulator);
  api.fetchToken();
  json r = api.create(api.env("/resources"), {{"name", "Shy"}});
  std::string path = api.env("/resources/" + r["id"].get<std::string>());
  EXPECT_EQ(api.get(path).status, 404);
  EXPECT_EQ(api.get(path).status, 404);
  EXPECT_EQ(api.get(path).status, 200);
  EXPECT_EQ(api.get(path).status, 200);
  // Lists are not affected, and neither are objects that existed before.
  std::string openid = api.env("/resources/" + api.resourceId("openid"));
  EXPECT_EQ(api.get(openid).status, 200);
  emulator.setFaults({{"notFoundAfterCreate", 0}});
  json app = api.create(api.env("/applications"), workerBody("Visible"));
  EXPECT_EQ(api.get(api.env("/applications/" + app["id"].get<std::string>())).status, 200);
}

}  // namespace
}  // namespace emulator_test
