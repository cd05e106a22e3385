// The libcurl transport. A share handle holds the connection cache, DNS cache and TLS sessions
// for every request of the process's client; easy handles are pooled and reset between uses.

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>

#include "pingone/curl_errors.h"
#include "pingone/http.h"

#ifndef PINGPLAN_VERSION
#define PINGPLAN_VERSION "0.0.0"
#endif

namespace pingplan::pingone {
namespace {

constexpr const char* kUserAgent = "pingplan/" PINGPLAN_VERSION;
constexpr const char* kAcceptEncoding = "gzip";

void globalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t onBody(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
  auto* response = static_cast<HttpResponse*>(user);
  std::string line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {
    response->headers.clear();  // a new status line (after 100 Continue, or a proxy CONNECT)
    return size * count;
  }
  auto colon = line.find(':');
  if (colon == std::string::npos) return size * count;
  std::string name = line.substr(0, colon);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string value = line.substr(colon + 1);
  auto notSpace = [](unsigned char c) { return !std::isspace(c); };
  value.erase(value.begin(), std::find_if(value.begin(), value.end(), notSpace));
  value.erase(std::find_if(value.rbegin(), value.rend(), notSpace).base(), value.end());
  response->headers[name] = value;
  return size * count;
}

/// The share handle and its locks: connections, DNS and TLS sessions for all threads.
class Share {
 public:
  Share() : handle_(curl_share_init()) {
    curl_share_setopt(handle_, CURLSHOPT_LOCKFUNC, &Share::lock);
    curl_share_setopt(handle_, CURLSHOPT_UNLOCKFUNC, &Share::unlock);
    curl_share_setopt(handle_, CURLSHOPT_USERDATA, this);
    curl_share_setopt(handle_, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
    curl_share_setopt(handle_, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(handle_, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  }
  ~Share() { curl_share_cleanup(handle_); }
  Share(const Share&) = delete;
  Share& operator=(const Share&) = delete;
  CURLSH* handle() const { return handle_; }

 private:
  static void lock(CURL*, curl_lock_data data, curl_lock_access, void* user) {
    static_cast<Share*>(user)->mutexFor(data).lock();
  }
  static void unlock(CURL*, curl_lock_data data, void* user) {
    static_cast<Share*>(user)->mutexFor(data).unlock();
  }
  std::mutex& mutexFor(curl_lock_data data) {
    auto index = static_cast<std::size_t>(data);
    return mutexes_[index < mutexes_.size() ? index : 0];
  }

  CURLSH* handle_;
  std::array<std::mutex, CURL_LOCK_DATA_LAST + 1> mutexes_;
};

class CurlTransport final : public Transport {
 public:
  CurlTransport() { globalInit(); }
  ~CurlTransport() override {
    for (CURL* easy : idle_) curl_easy_cleanup(easy);
  }
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  HttpResult send(const HttpRequest& request) override {
    CURL* easy = take();
    HttpResponse response;
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers) {
      headers = curl_slist_append(headers, (name + ": " + value).c_str());
    }
    // An empty Expect: keeps libcurl from waiting for 100 Continue on larger bodies.
    headers = curl_slist_append(headers, "Expect:");

    curl_easy_setopt(easy, CURLOPT_SHARE, share_.handle());
    curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy, CURLOPT_USERAGENT, kUserAgent);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT, kConnectTimeoutSeconds);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT, kRequestTimeoutSeconds);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    // gzip only: "" would offer every encoding libcurl knows, Brotli included, which costs
    // a server far more CPU per answer than it saves on the wire (bench/README.md).
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, kAcceptEncoding);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &response);
    if (request.method == "GET") {
      curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    } else {
      curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
      curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.c_str());
      curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE,
                       static_cast<curl_off_t>(request.body.size()));
    }
    if (!request.idempotent) {
      // libcurl re-sends a request by itself when a reused connection dies before the
      // answer; for a create that already committed, that is a duplicate. A fresh
      // connection that is not kept afterwards leaves it no such chance.
      curl_easy_setopt(easy, CURLOPT_FRESH_CONNECT, 1L);
      curl_easy_setopt(easy, CURLOPT_FORBID_REUSE, 1L);
    }

    CURLcode code = curl_easy_perform(easy);
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    curl_off_t connectMicros = 0;
    curl_easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connectMicros);
    curl_slist_free_all(headers);
    give(easy);
    if (code != CURLE_OK) return fail(classifyCurlError(code, connectMicros > 0));
    response.status = static_cast<int>(status);
    return response;
  }

 private:
  CURL* take() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!idle_.empty()) {
        CURL* easy = idle_.back();
        idle_.pop_back();
        return easy;
      }
    }
    return curl_easy_init();
  }
  void give(CURL* easy) {
    curl_easy_reset(easy);
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(easy);
  }

  Share share_;
  std::mutex mutex_;
  std::vector<CURL*> idle_;
};

}  // namespace

std::unique_ptr<Transport> makeCurlTransport() { return std::make_unique<CurlTransport>(); }

}  // namespace pingplan::pingone
