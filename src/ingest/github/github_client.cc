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

// Whether oscm may send a request to `url`: https, or plain http to the loopback address (the
// tests' replay servers). The host is what follows any "user@" part of the authority.
bool AllowedUrl(std::string_view url) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return false;
  const std::string scheme = AsciiLower(url.substr(0, scheme_end));
  std::string_view authority = url.substr(scheme_end + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  if (const size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (scheme == "https") return !authority.empty();
  if (scheme != "http") return false;
  const std::string_view host = StartsWith(authority, "[") ? authority.substr(0, authority.find(']') + 1)
                                                          : authority.substr(0, authority.find(':'));
  return host == "127.0.0.1" || host == "[::1]";
}

// Text from a server (a message, a URL it named) fit for an error message: the token replaced
// should the server echo it, control characters escaped, at most 200 bytes.
std::string ServerText(std::string_view text, const std::string& token) {
  std::string s(text.substr(0, 4096));
  if (!token.empty()) {
    for (size_t at = s.find(token); at != std::string::npos; at = s.find(token, at)) s.replace(at, token.size(), "[token]");
  }
  s = EscapeControls(s);
  if (s.size() <= 200) return s;
  size_t cut = 200;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return s.substr(0, cut) + "\u2026";
}

// GitHub's "message" from an error body, or the start of the body when it is not JSON.
std::string ErrorMessage(const HttpResponse& r, const std::string& token) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  std::string_view message;
  if (parser.parse(r.body).get(doc) == simdjson::SUCCESS && doc["message"].get(message) == simdjson::SUCCESS) {
    return ServerText(message, token);
  }
  return ServerText(r.body, token);
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
  if (!AllowedUrl(url)) {
    return InvalidArgumentError(fmt::format("{}: refused: only https URLs (plain http only to 127.0.0.1)",
                                            ServerText(url, options_.token)));
  }
  while (true) {
    const std::string shown = ServerText(url, options_.token);  // for messages
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
        return IoError(fmt::format("GET {}: {} without a usable Location", shown, status));
      }
      const std::string target =
          StartsWith(location, "/") ? std::string(Origin(url)) + std::string(location) : std::string(location);
      if (!AllowedUrl(target)) {
        return IoError(fmt::format("GET {}: redirect to {} refused: only https URLs (plain http only to 127.0.0.1)",
                                   shown, ServerText(target, options_.token)));
      }
      url = target;
      continue;
    }
    if (status >= 500) {
      if (retries >= options_.max_retries) {
        return IoError(fmt::format("GET {}: HTTP {} after {} retries", shown, status, retries));
      }
      OSCM_RETURN_IF_ERROR(waiter_.Wait(int64_t{1} << retries++, fmt::format("HTTP {}, retrying", status)));
      continue;
    }
    if (status == 403 || status == 429) {
      const int64_t retry_after = HeaderInt(r, "retry-after", -1);
      const std::string message = ErrorMessage(r, options_.token);
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
          return IoError(fmt::format("GET {}: secondary rate limit after {} retries: {}", shown, retries, message));
        }
        ++retries;
        const int64_t seconds = retry_after >= 0 ? retry_after : secondary_wait;
        if (retry_after < 0) secondary_wait *= 2;
        OSCM_RETURN_IF_ERROR(waiter_.Wait(seconds, "GitHub secondary rate limit"));
        continue;
      }
      return IoError(fmt::format("GET {}: HTTP {}: {}", shown, status, message));
    }
    if (status == 401) {
      return InvalidArgumentError(fmt::format("GET {}: HTTP 401 {}: check the token", shown, ErrorMessage(r, options_.token)));
    }
    if (status == 404 || status == 410) {
      return NotFoundError(fmt::format("GET {}: HTTP {} {}", shown, status, ErrorMessage(r, options_.token)));
    }
    return IoError(fmt::format("GET {}: HTTP {}: {}", shown, status, ErrorMessage(r, options_.token)));
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
