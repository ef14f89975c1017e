#include "ingest/github/github_client.h"

#include <string>

namespace oscm::ingest {
namespace {

RestClientOptions RestOptions(GitHubClientOptions o) {
  RestClientOptions r;
  r.service = "GitHub API";
  r.base_url = std::move(o.api_url);
  r.accept = "application/vnd.github+json";
  r.headers = {"X-GitHub-Api-Version: 2022-11-28"};
  if (!o.token.empty()) r.auth_header = "Authorization: Bearer " + o.token;
  r.token_hint = ", or with a token in GITHUB_TOKEN";
  r.wait_for_reset = o.wait_for_reset;
  r.max_retries = o.max_retries;
  return r;
}

}  // namespace

GitHubClient::GitHubClient(GitHubClientOptions options, HttpTransport& transport, Waiter& waiter,
                           const Clock& clock)
    : client_(RestOptions(std::move(options)), transport, waiter, clock) {}

Result<HttpResponse> GitHubClient::Get(std::string_view path_or_url, std::string_view etag,
                                       std::string_view accept) {
  return client_.Get(path_or_url, etag, accept);
}

std::string NextPageUrl(std::string_view link) {
  // <https://api.github.com/...&page=2>; rel="next", <...>; rel="last"
  while (!link.empty()) {
    const size_t open = link.find('<');
    const size_t close = link.find('>', open);
    if (open == std::string_view::npos || close == std::string_view::npos) return {};
    const std::string_view url = link.substr(open + 1, close - open - 1);
    const size_t comma = link.find(',', close);
    const std::string_view params = link.substr(close + 1, comma == std::string_view::npos ? link.npos : comma - close - 1);
    if (params.find("rel=\"next\"") != std::string_view::npos) return std::string(url);
    if (comma == std::string_view::npos) break;
    link = link.substr(comma + 1);
  }
  return {};
}

}  // namespace oscm::ingest
