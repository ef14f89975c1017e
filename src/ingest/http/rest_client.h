// RestClient: GET requests to one JSON web API (GitHub, Gitee, the package registries) with
// authentication, redirects, retries, rate limits and pacing handled in one place, so that callers
// see either a usable response (200 or 304) or one error.
//
//   - Credentials: `auth_header` ("Authorization: Bearer T") and `auth_query` ("access_token=T",
//     appended to the query) go to the API's origin (scheme, host and port of base_url) only,
//     never to a host a redirect points at. They never appear in a message: URLs in errors have
//     `auth_query` removed.
//   - Redirects (301, 302, 307, 308: a renamed or moved resource) are followed, up to 5.
//   - Only https URLs are requested or followed (plain http only to 127.0.0.1, for tests): a URL
//     asked for, a redirect or a next-page link to anything else is an error (kInvalidArgument for
//     the URL asked for, kIoError for where a server pointed).
//   - What a server says (its error message, a URL it named) reaches error messages filtered:
//     control characters escaped, at most 200 bytes, the credential replaced by "[token]".
//   - 5xx responses and network errors are retried after 1, 2, 4, 8... seconds (max_retries).
//   - Exhausted quota (403/429 with x-ratelimit-remaining: 0, as GitHub and Gitee answer): waits
//     until x-ratelimit-reset (Unix seconds, or seconds from now when small, as some registries
//     send) through the Waiter, or fails with kIoError naming the reset time when
//     `wait_for_reset` is false.
//   - Other rate limits (429, or 403 with retry-after or a message saying so): waits retry-after
//     seconds (60, doubling, without one) and retries, at most max_retries times.
//   - 401: kInvalidArgument (bad credentials); 404 and 410: kNotFound; other 4xx: kIoError with
//     the service's message ("message", "error", "detail" or errors[0].detail of a JSON body).
//   - Pacing: at least `min_interval_ms` between the starts of two requests (crates.io asks
//     crawlers for one a second), measured on the monotonic clock.
// Not thread-safe: one client per thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "ingest/github/http_client.h"
#include "oscm/status.h"

namespace oscm::ingest {

// How a client waits out a rate limit or a backoff. The CLI sleeps and shows a countdown;
// tests record. Returning an error (kCancelled on Ctrl-C) abandons the request.
class Waiter {
 public:
  virtual ~Waiter() = default;
  virtual Status Wait(int64_t seconds, std::string_view reason) = 0;
};

struct RestClientOptions {
  std::string service = "API";  // names the service in messages: "GitHub API", "npm"...
  std::string base_url;         // a path starting with "/" is joined to it
  std::vector<std::string> headers;  // "Name: value", sent with every request
  std::string accept = "application/json";  // the default media type
  std::string auth_header;  // "" = none; sent to base_url's origin only
  std::string auth_query;   // "" = none; "name=value" added to base_url's origin's URLs only
  std::string token_hint;   // added to the exhausted-quota message when there is no credential
  bool wait_for_reset = true;  // false: --no-wait
  int max_retries = 4;
  int64_t min_interval_ms = 0;
};

struct RestClientStats {
  int64_t requests = 0;      // HTTP exchanges, retries included
  int64_t not_modified = 0;  // 304 answers to conditional requests
};

class RestClient {
 public:
  // `transport`, `waiter` and `clock` must outlive the client.
  RestClient(RestClientOptions options, HttpTransport& transport, Waiter& waiter, const Clock& clock);

  // GET `path_or_url` (a path starting with "/" is joined to base_url; a full URL, as found in
  // Link headers, is used as is). A non-empty `etag` makes the request conditional: an unchanged
  // resource answers 304 with an empty body. `accept` overrides the media type.
  Result<HttpResponse> Get(std::string_view path_or_url, std::string_view etag = {},
                           std::string_view accept = {});

  const std::string& base_url() const { return options_.base_url; }
  const RestClientStats& stats() const { return stats_; }

  // `url` as it may be shown: without the auth_query credential.
  std::string Redact(std::string_view url) const;
  // Text from a server or a URL as an error message may show it: redacted, the credential's value
  // replaced by "[token]", control characters escaped, at most 200 bytes.
  std::string Shown(std::string_view text) const;

 private:
  RestClientOptions options_;
  HttpTransport& transport_;
  Waiter& waiter_;
  const Clock& clock_;
  RestClientStats stats_;
  std::chrono::steady_clock::time_point last_request_{};
};

// Whether oscm may send a request to `url`: https, or plain http to the loopback address (the
// tests' replay servers). The host is what follows any "user@" part of the authority.
bool AllowedUrl(std::string_view url);

// "https://host:port" of a URL ("" when it has no scheme).
std::string_view UrlOrigin(std::string_view url);

// `s` percent-encoded for one path segment or query value (RFC 3986 unreserved characters kept).
std::string PercentEncode(std::string_view s);

}  // namespace oscm::ingest
