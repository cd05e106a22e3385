// The libcurl transport against a tiny cpp-httplib server in the test: User-Agent, header
// capture, connection reuse for reads and fresh connections for creates, refused connects.

#include <gtest/gtest.h>
#include <httplib.h>

#include <mutex>
#include <thread>

#include "pingone/http.h"

namespace pingplan::pingone {
namespace {

/// A loopback server on a free port that records each request's client port and User-Agent.
class LocalServer {
 public:
  LocalServer() {
    server_.Get("/x", [this](const httplib::Request& req, httplib::Response& res) {
      record(req);
      res.set_header("Retry-After", "7");
      res.set_content("{\"ok\":true}", "application/json");
    });
    server_.Post("/x", [this](const httplib::Request& req, httplib::Response& res) {
      record(req);
      res.status = 201;
      res.set_content(req.body, "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();  // a predicate, not a sleep
  }
  ~LocalServer() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/x"; }
  std::vector<int> ports() {
    std::lock_guard<std::mutex> lock(mutex_);
    return ports_;
  }
  std::string userAgent() {
    std::lock_guard<std::mutex> lock(mutex_);
    return userAgent_;
  }

 private:
  void record(const httplib::Request& req) {
    std::lock_guard<std::mutex> lock(mutex_);
    ports_.push_back(req.remote_port);
    userAgent_ = req.get_header_value("User-Agent");
  }
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::vector<int> ports_;
  std::string userAgent_;
};

TEST(CurlTransport, SendsUserAgentAndReadsStatusHeadersAndBody) {
  LocalServer server;
  auto transport = makeCurlTransport();
  HttpRequest get;
  get.url = server.url();
  auto res = transport->send(get);
  ASSERT_TRUE(res.ok()) << res.error().message;
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "{\"ok\":true}");
  EXPECT_EQ(res->headers["retry-after"], "7");
  EXPECT_EQ(res->headers["content-type"], "application/json");
  EXPECT_EQ(server.userAgent(), std::string("pingplan/") + PINGPLAN_VERSION_FOR_TEST);
}

TEST(CurlTransport, ReusesConnectionsForReadsButNeverForCreates) {
  LocalServer server;
  auto transport = makeCurlTransport();
  HttpRequest get;
  get.url = server.url();
  HttpRequest post;
  post.method = "POST";
  post.url = server.url();
  post.body = "{\"name\":\"n\"}";
  post.idempotent = false;
  ASSERT_TRUE(transport->send(get).ok());
  ASSERT_TRUE(transport->send(get).ok());
  auto created = transport->send(post);
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(created->status, 201);
  EXPECT_EQ(created->body, post.body);
  ASSERT_TRUE(transport->send(get).ok());
  auto ports = server.ports();
  ASSERT_EQ(ports.size(), 4u);
  EXPECT_EQ(ports[0], ports[1]);  // reused
  EXPECT_NE(ports[2], ports[1]);  // the create: a fresh connection...
  EXPECT_NE(ports[3], ports[2]);  // ...that was not kept for later requests
  EXPECT_EQ(ports[3], ports[1]);  // while the read connection still serves
}

TEST(CurlTransport, AConnectionRefusedIsNotSent) {
  int port = 0;
  {
    LocalServer gone;
    port = std::stoi(gone.url().substr(gone.url().rfind(':') + 1));
  }
  auto transport = makeCurlTransport();
  HttpRequest post;
  post.method = "POST";
  post.idempotent = false;
  post.url = "http://127.0.0.1:" + std::to_string(port) + "/x";
  auto res = transport->send(post);
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, TransportError::Kind::NotSent);
}

TEST(CurlTransport, RefusesOtherSchemes) {
  auto transport = makeCurlTransport();
  HttpRequest get;
  get.url = "file:///etc/passwd";
  auto res = transport->send(get);
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, TransportError::Kind::Fatal);
}

}  // namespace
}  // namespace pingplan::pingone
