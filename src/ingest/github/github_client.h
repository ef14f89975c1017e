// GitHubClient: GET requests to the GitHub REST API through a RestClient (rest_client.h: redirects,
// retries, rate limits), with GitHub's media type, API version and token.
//
//   - Token: sent as "Authorization: Bearer" when non-empty, to the API host only; never part
//     of a URL, a message or anything stored. Without one, requests are anonymous (60/hour).
//   - Rate limits, redirects, retries and errors: as RestClient handles them; an exhausted quota
//     with `wait_for_reset` false fails naming the reset time and GITHUB_TOKEN.
// Not thread-safe: one client per thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "ingest/github/http_client.h"
#include "ingest/http/rest_client.h"
#include "oscm/status.h"

namespace oscm::ingest {

struct GitHubClientOptions {
  std::string api_url = "https://api.github.com";  // GitHub Enterprise: https://HOST/api/v3
  std::string token;                               // "" = anonymous
  bool wait_for_reset = true;                      // false: --no-wait
  int max_retries = 4;
};

using GitHubClientStats = RestClientStats;

class GitHubClient {
 public:
  // `transport`, `waiter` and `clock` must outlive the client.
  GitHubClient(GitHubClientOptions options, HttpTransport& transport, Waiter& waiter, const Clock& clock);

  // GET `path_or_url` (a path such as "/repos/o/r" is joined to api_url; a full URL, as found
  // in Link headers, is used as is). A non-empty `etag` makes the request conditional: an
  // unchanged resource answers 304 with an empty body. `accept` overrides the media type.
  Result<HttpResponse> Get(std::string_view path_or_url, std::string_view etag = {},
                           std::string_view accept = {});

  const std::string& api_url() const { return client_.base_url(); }
  const GitHubClientStats& stats() const { return client_.stats(); }

 private:
  RestClient client_;
};

// The URL of rel="next" in a Link header, or "" on the last page.
std::string NextPageUrl(std::string_view link_header);

}  // namespace oscm::ingest
