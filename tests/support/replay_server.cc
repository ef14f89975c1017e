#include "support/replay_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "base/strings.h"

namespace oscm::testing {
namespace {

std::string Expand(const std::string& s, const std::string& base) {
  std::string out = s;
  for (size_t at = out.find("{base}"); at != std::string::npos; at = out.find("{base}", at + base.size())) {
    out.replace(at, 6, base);
  }
  return out;
}

const char* Reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 304: return "Not Modified";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 502: return "Bad Gateway";
    default: return "Status";
  }
}

}  // namespace

std::string RecordedRequest::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return {};
}

ReplayServer::ReplayServer() {
  listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof(addr);
  if (listen_fd_ < 0 || bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
      listen(listen_fd_, 16) != 0 || getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    std::perror("ReplayServer");
    std::abort();
  }
  base_url_ = fmt::format("http://127.0.0.1:{}", ntohs(addr.sin_port));
  thread_ = std::thread([this] { Serve(); });
}

ReplayServer::~ReplayServer() {
  stop_.store(true);
  thread_.join();
  close(listen_fd_);
}

void ReplayServer::Route(const std::string& target, std::vector<ReplayResponse> responses) {
  std::lock_guard<std::mutex> lock(mu_);
  routes_[target] = {std::move(responses), 0};
}

std::vector<RecordedRequest> ReplayServer::requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  return requests_;
}

void ReplayServer::ClearRequests() {
  std::lock_guard<std::mutex> lock(mu_);
  requests_.clear();
}

void ReplayServer::Serve() {
  while (!stop_.load()) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    const int fd = accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    Answer(fd);
    close(fd);
  }
}

void ReplayServer::Answer(int fd) {
  std::string in;
  char buf[4096];
  while (in.find("\r\n\r\n") == std::string::npos) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 5000) <= 0) return;
    const ssize_t n = read(fd, buf, sizeof(buf));
    if (n <= 0) return;
    in.append(buf, static_cast<size_t>(n));
  }
  RecordedRequest req;
  std::vector<std::string_view> lines = SplitLines(std::string_view(in).substr(0, in.find("\r\n\r\n")));
  if (lines.empty()) return;
  const std::string_view first = lines[0];  // "GET /target HTTP/1.1"
  const size_t sp1 = first.find(' ');
  const size_t sp2 = first.rfind(' ');
  if (sp1 == std::string_view::npos || sp2 <= sp1) return;
  req.target = std::string(first.substr(sp1 + 1, sp2 - sp1 - 1));
  for (size_t i = 1; i < lines.size(); ++i) {
    const size_t colon = lines[i].find(':');
    if (colon == std::string_view::npos) continue;
    req.headers.emplace_back(AsciiLower(Trim(lines[i].substr(0, colon))), std::string(Trim(lines[i].substr(colon + 1))));
  }
  ReplayResponse resp;
  {
    std::lock_guard<std::mutex> lock(mu_);
    requests_.push_back(req);
    auto it = routes_.find(req.target);
    if (it == routes_.end()) {
      resp = ReplayResponse{404, {}, R"({"message":"Not Found"})"};
    } else {
      auto& [responses, next] = it->second;
      resp = responses[std::min(next, responses.size() - 1)];
      ++next;
    }
  }
  for (auto& [name, value] : resp.headers) {
    value = Expand(value, base_url_);
    if (AsciiLower(name) == "etag" && !req.Header("if-none-match").empty() && req.Header("if-none-match") == value) {
      resp.status = 304;
      resp.body.clear();
    }
  }
  resp.body = Expand(resp.body, base_url_);
  std::string out = fmt::format("HTTP/1.1 {} {}\r\nContent-Length: {}\r\nConnection: close\r\n", resp.status,
                                Reason(resp.status), resp.body.size());
  if (!resp.body.empty()) out += "Content-Type: application/json; charset=utf-8\r\n";
  for (const auto& [name, value] : resp.headers) out += fmt::format("{}: {}\r\n", name, value);
  out += "\r\n" + resp.body;
  for (size_t done = 0; done < out.size();) {
    const ssize_t n = write(fd, out.data() + done, out.size() - done);
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

}  // namespace oscm::testing
