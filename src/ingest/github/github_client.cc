#include "ingest/github/github_client.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "base/strings.h"
#include "base/time.h"

namespace oscm::ingest {
namespace {

constexpr int kMaxRedirects = 5;

// "https://host:port" of a URL.
std::string_view Origin(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  const size_t path = url.find('/', scheme + 3);
  return url.substr(0, path);
}

int64_t HeaderInt(const HttpResponse& r, std::string_view name, int64_t fallback) {
  const std::string_view v = Trim(r.Header(name));
  int64_t out = 0;
  const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  return ec == std::errc() && ptr == v.data() + v.size() ? out : fallback;
}

// GitHub's "message" from an error body, or the start of the body when it is not JSON.
std::string ErrorMessage(const HttpResponse& r) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  std::string_view message;
  if (parser.parse(r.body).get(doc) == simdjson::SUCCESS && doc["message"].get(message) == simdjson::SUCCESS) {
    return std::string(message);
  }
  return SanitizeUtf8(r.body.substr(0, 120));
}

}  // namespace

GitHubClient::GitHubClient(GitHubClientOptions options, HttpTransport& transport, Waiter& waiter,
                           const Clock& clock)
    : options_(std::move(options)), transport_(transport), waiter_(waiter), clock_(clock) {
  while (!options_.api_url.empty() && options_.api_url.back() == '/') options_.api_url.pop_back();
}

Result<HttpResponse> GitHubClient::Get(std::string_view path_or_url, std::string_view etag,
                                       std::string_view accept) {
  std::string url = StartsWith(path_or_url, "/") ? options_.api_url + std::string(path_or_url)
                                                  : std::string(path_or_url);
  int redirects = 0;
  int retries = 0;
  int64_t secondary_wait = 60;
  while (true) {
    HttpRequest req;
    req.url = url;
    req.headers.push_back(fmt::format("Accept: {}", accept.empty() ? "application/vnd.github+json" : accept));
    req.headers.push_back("X-GitHub-Api-Version: 2022-11-28");
    // The token goes to the API's host only, never to a host a redirect points at.
    if (!options_.token.empty() && Origin(url) == Origin(options_.api_url)) {
      req.headers.push_back("Authorization: Bearer " + options_.token);
    }
    if (!etag.empty()) req.headers.push_back(fmt::format("If-None-Match: {}", etag));
    ++stats_.requests;
    Result<HttpResponse> got = transport_.Get(req);
    if (!got) {
      if (got.error().code() != StatusCode::kIoError || retries >= options_.max_retries) return got.error();
      OSCM_RETURN_IF_ERROR(waiter_.Wait(int64_t{1} << retries++, "network error, retrying"));
      continue;
    }
    HttpResponse& r = *got;
    const long status = r.status;
    if (status == 200 || status == 304) {
      if (status == 304) ++stats_.not_modified;
      return std::move(r);
    }
    if (status == 301 || status == 302 || status == 307 || status == 308) {
      const std::string_view location = r.Header("location");
      if (location.empty() || ++redirects > kMaxRedirects) {
        return IoError(fmt::format("GET {}: {} without a usable Location", url, status));
      }
      url = StartsWith(location, "/") ? std::string(Origin(url)) + std::string(location) : std::string(location);
      continue;
    }
    if (status >= 500) {
      if (retries >= options_.max_retries) {
        return IoError(fmt::format("GET {}: HTTP {} after {} retries", url, status, retries));
      }
      OSCM_RETURN_IF_ERROR(waiter_.Wait(int64_t{1} << retries++, fmt::format("HTTP {}, retrying", status)));
      continue;
    }
    if (status == 403 || status == 429) {
      const int64_t retry_after = HeaderInt(r, "retry-after", -1);
      const std::string message = ErrorMessage(r);
      if (retry_after < 0 && r.Header("x-ratelimit-remaining") == "0") {
        const int64_t reset = HeaderInt(r, "x-ratelimit-reset", clock_.NowUnix() + 60);
        const int64_t seconds = std::max<int64_t>(reset - clock_.NowUnix(), 0) + 1;
        if (!options_.wait_for_reset) {
          return IoError(fmt::format("GitHub API rate limit exhausted until {} ({} s); run again then{}",
                                     FormatTimestamp(reset), seconds,
                                     options_.token.empty() ? ", or with a token in GITHUB_TOKEN" : ""));
        }
        OSCM_RETURN_IF_ERROR(waiter_.Wait(seconds, fmt::format("GitHub rate limit, resets at {}", FormatTimestamp(reset))));
        continue;
      }
      if (retry_after >= 0 || status == 429 || message.find("secondary rate limit") != std::string::npos ||
          message.find("abuse") != std::string::npos) {
        if (retries >= options_.max_retries) {
          return IoError(fmt::format("GET {}: secondary rate limit after {} retries: {}", url, retries, message));
        }
        ++retries;
        const int64_t seconds = retry_after >= 0 ? retry_after : secondary_wait;
        if (retry_after < 0) secondary_wait *= 2;
        OSCM_RETURN_IF_ERROR(waiter_.Wait(seconds, "GitHub secondary rate limit"));
        continue;
      }
      return IoError(fmt::format("GET {}: HTTP {}: {}", url, status, message));
    }
    if (status == 401) {
      return InvalidArgumentError(fmt::format("GET {}: HTTP 401 {}: check the token", url, ErrorMessage(r)));
    }
    if (status == 404 || status == 410) {
      return NotFoundError(fmt::format("GET {}: HTTP {} {}", url, status, ErrorMessage(r)));
    }
    return IoError(fmt::format("GET {}: HTTP {}: {}", url, status, ErrorMessage(r)));
  }
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
