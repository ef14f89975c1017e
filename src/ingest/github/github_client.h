// GitHubClient: GET requests to the GitHub REST API with authentication, redirects, retries and
// rate limits handled, so that callers see either a usable response (200 or 304) or one error.
//
//   - Token: sent as "Authorization: Bearer" when non-empty, to the API host only; never part
//     of a URL, a message or anything stored. Without one, requests are anonymous (60/hour).
//   - Redirects (301, 302, 307, 308: a renamed or transferred repository) are followed, up to 5.
//   - Only https URLs are requested or followed (plain http only to 127.0.0.1, for tests): an
//     API URL, a redirect or a next-page link to anything else is an error (kInvalidArgument for
//     the URL asked for, kIoError for where a server pointed).
//   - What a server says (its error message, a URL it named) reaches error messages filtered:
//     control characters escaped, at most 200 bytes, the token replaced by "[token]".
//   - 5xx responses and network errors are retried after 1, 2, 4, 8... seconds (max_retries).
//   - Primary rate limit (403/429 with x-ratelimit-remaining: 0): waits until x-ratelimit-reset
//     through the Waiter, or fails with kIoError naming the reset time when `wait_for_reset` is
//     false.
//   - Secondary rate limits (403/429 with retry-after, or a message saying so): waits retry-after
//     seconds (60, doubling, without one) and retries, at most max_retries times.
//   - 401: kInvalidArgument (bad credentials); 404 and 410 (e.g. issues disabled): kNotFound;
//     other 4xx: kIoError with GitHub's message.
// Not thread-safe: one client per thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "ingest/github/http_client.h"
#include "oscm/status.h"

namespace oscm::ingest {

// How the client waits out a rate limit or a backoff. The CLI sleeps and shows a countdown;
// tests record. Returning an error (kCancelled on Ctrl-C) abandons the request.
class Waiter {
 public:
  virtual ~Waiter() = default;
  virtual Status Wait(int64_t seconds, std::string_view reason) = 0;
};

struct GitHubClientOptions {
  std::string api_url = "https://api.github.com";  // GitHub Enterprise: https://HOST/api/v3
  std::string token;                               // "" = anonymous
  bool wait_for_reset = true;                      // false: --no-wait
  int max_retries = 4;
};

struct GitHubClientStats {
  int64_t requests = 0;      // HTTP exchanges, retries included
  int64_t not_modified = 0;  // 304 answers to conditional requests
};

class GitHubClient {
 public:
  // `transport`, `waiter` and `clock` must outlive the client.
  GitHubClient(GitHubClientOptions options, HttpTransport& transport, Waiter& waiter, const Clock& clock);

  // GET `path_or_url` (a path such as "/repos/o/r" is joined to api_url; a full URL, as found
  // in Link headers, is used as is). A non-empty `etag` makes the request conditional: an
  // unchanged resource answers 304 with an empty body. `accept` overrides the media type.
  Result<HttpResponse> Get(std::string_view path_or_url, std::string_view etag = {},
                           std::string_view accept = {});

  const std::string& api_url() const { return options_.api_url; }
  const GitHubClientStats& stats() const { return stats_; }

 private:
  GitHubClientOptions options_;
  HttpTransport& transport_;
  Waiter& waiter_;
  const Clock& clock_;
  GitHubClientStats stats_;
};

// The URL of rel="next" in a Link header, or "" on the last page.
std::string NextPageUrl(std::string_view link_header);

}  // namespace oscm::ingest
