// ReplayServer: an HTTP/1.1 server on 127.0.0.1 (a free port) that answers GET requests from a
// scripted route table, on its own thread, and records what it was asked, so that tests of the
// GitHub source never touch the real network.
//
// A route is an exact request target (path and query). Its responses are given in turn, the
// last one repeatedly; "{base}" in a header or body becomes base_url(), for Link and Location
// headers. A response with an ETag header answers 304 to a request whose If-None-Match matches.
// An unknown target answers 404. Every connection is closed after one exchange.
// Thread-safe: routes may change while the server runs.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace oscm::testing {

struct ReplayResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

struct RecordedRequest {
  std::string target;
  std::vector<std::pair<std::string, std::string>> headers;  // lower-case names
  std::string Header(std::string_view lower_name) const;
};

class ReplayServer {
 public:
  ReplayServer();  // aborts the test binary when it cannot listen
  ~ReplayServer();
  ReplayServer(const ReplayServer&) = delete;
  ReplayServer& operator=(const ReplayServer&) = delete;

  const std::string& base_url() const { return base_url_; }  // "http://127.0.0.1:PORT"

  void Route(const std::string& target, std::vector<ReplayResponse> responses);
  void Route(const std::string& target, ReplayResponse response) { Route(target, std::vector{std::move(response)}); }

  std::vector<RecordedRequest> requests() const;
  void ClearRequests();

 private:
  void Serve();
  void Answer(int fd);

  int listen_fd_ = -1;
  std::string base_url_;
  std::atomic<bool> stop_{false};
  mutable std::mutex mu_;
  std::map<std::string, std::pair<std::vector<ReplayResponse>, size_t>> routes_;  // responses, next
  std::vector<RecordedRequest> requests_;
  std::thread thread_;
};

}  // namespace oscm::testing
