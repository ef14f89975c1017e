// HttpTransport: one HTTP exchange, no retries; CurlTransport is the libcurl implementation.
//
// The transport neither follows redirects nor interprets status codes: GitHubClient does both,
// so that renames, rate limits and retries are decided in one place and tested through this
// seam. Header names in a response are lower-cased. Not thread-safe: one transport per thread.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "oscm/status.h"

namespace oscm::ingest {

struct HttpRequest {
  std::string url;
  std::vector<std::string> headers;  // "Name: value"
};

struct HttpResponse {
  long status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // lower-case name, value
  std::string body;

  // The value of the first header named `lower_name`, or "" when absent.
  std::string_view Header(std::string_view lower_name) const;
};

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  // kIoError for network failures (DNS, refused connection, timeout, reset), kCancelled when
  // the cancel flag the transport watches was raised mid-transfer. Any HTTP status is a response.
  virtual Result<HttpResponse> Get(const HttpRequest& request) = 0;
};

struct CurlTransportOptions {
  long connect_timeout_seconds = 30;
  long stall_timeout_seconds = 60;  // a transfer slower than 1 byte/s for this long fails
  const std::atomic<bool>* cancel = nullptr;
};

// Creates a libcurl transport (kInternal when libcurl cannot initialise).
Result<std::unique_ptr<HttpTransport>> NewCurlTransport(const CurlTransportOptions& options);

}  // namespace oscm::ingest
