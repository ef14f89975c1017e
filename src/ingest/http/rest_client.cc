#include "ingest/http/rest_client.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <thread>

#include <fmt/format.h>

#include "base/strings.h"
#include "base/time.h"

namespace oscm::ingest {
namespace {

constexpr int kMaxRedirects = 5;
// A reset header below this is seconds from now, not a Unix time (which passed 1e9 in 2001).
constexpr int64_t kResetIsDelta = 1000000000;

int64_t HeaderInt(const HttpResponse& r, std::string_view name, int64_t fallback) {
  const std::string_view v = Trim(r.Header(name));
  int64_t out = 0;
  const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  return ec == std::errc() && ptr == v.data() + v.size() ? out : fallback;
}

// The service's explanation from an error body, or the start of the body when it has none; raw
// (RestClient::Shown filters it for a message).
std::string ErrorMessage(const HttpResponse& r) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(r.body).get(doc) == simdjson::SUCCESS && doc.is_object()) {
    std::string_view text;
    for (const char* key : {"message", "error", "detail", "error_message"}) {
      if (doc[key].get(text) == simdjson::SUCCESS) return std::string(text);
    }
    simdjson::dom::array errors;  // crates.io: {"errors":[{"detail":"..."}]}
    if (doc["errors"].get(errors) == simdjson::SUCCESS && errors.size() > 0 &&
        errors.at(0)["detail"].get(text) == simdjson::SUCCESS) {
      return std::string(text);
    }
  }
  return r.body.substr(0, 4096);
}

bool SaysRateLimited(std::string_view message) {
  const std::string lower = AsciiLower(message);
  return lower.find("rate limit") != std::string::npos || lower.find("abuse") != std::string::npos ||
         lower.find("too many requests") != std::string::npos;
}

}  // namespace

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

std::string_view UrlOrigin(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  const size_t path = url.find_first_of("/?#", scheme + 3);
  return url.substr(0, path);
}

std::string PercentEncode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

RestClient::RestClient(RestClientOptions options, HttpTransport& transport, Waiter& waiter, const Clock& clock)
    : options_(std::move(options)), transport_(transport), waiter_(waiter), clock_(clock) {
  while (!options_.base_url.empty() && options_.base_url.back() == '/') options_.base_url.pop_back();
}

std::string RestClient::Shown(std::string_view text) const {
  std::string s = Redact(text.substr(0, 4096));
  // The credential's value itself, should a server echo it anywhere.
  for (const std::string& credential : {options_.auth_header, options_.auth_query}) {
    const size_t sep = credential.find_last_of(" =");
    const std::string secret = sep == std::string::npos ? credential : credential.substr(sep + 1);
    if (secret.empty()) continue;
    for (size_t at = s.find(secret); at != std::string::npos; at = s.find(secret, at)) s.replace(at, secret.size(), "[token]");
  }
  s = SanitizeUtf8(EscapeControls(s));
  if (s.size() <= 200) return s;
  size_t cut = 200;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return s.substr(0, cut) + "\u2026";
}

std::string RestClient::Redact(std::string_view url) const {
  std::string out(url);
  if (options_.auth_query.empty()) return out;
  for (size_t at = out.find(options_.auth_query); at != std::string::npos; at = out.find(options_.auth_query)) {
    // Drop the parameter with the separator before it ("?x&access_token=..." or "?access_token=...&").
    size_t begin = at;
    size_t end = at + options_.auth_query.size();
    if (begin > 0 && out[begin - 1] == '&') {
      --begin;
    } else if (end < out.size() && out[end] == '&') {
      ++end;
    }
    out.erase(begin, end - begin);
  }
  if (!out.empty() && out.back() == '?') out.pop_back();
  return out;
}

Result<HttpResponse> RestClient::Get(std::string_view path_or_url, std::string_view etag, std::string_view accept) {
  std::string url = StartsWith(path_or_url, "/") ? options_.base_url + std::string(path_or_url)
                                                  : std::string(path_or_url);
  const std::string_view api_origin = UrlOrigin(options_.base_url);
  int redirects = 0;
  int retries = 0;
  int64_t limited_wait = 60;
  if (!AllowedUrl(url)) {
    return InvalidArgumentError(fmt::format("{}: refused: only https URLs (plain http only to 127.0.0.1)", Shown(url)));
  }
  while (true) {
    // The credentials go to the API's own origin only, never to a host a redirect points at.
    const bool own = !api_origin.empty() && UrlOrigin(url) == api_origin;
    HttpRequest req;
    req.url = url;
    if (own && !options_.auth_query.empty()) {
      req.url += (url.find('?') == std::string::npos ? "?" : "&") + options_.auth_query;
    }
    req.headers.push_back(fmt::format("Accept: {}", accept.empty() ? std::string_view(options_.accept) : accept));
    for (const auto& h : options_.headers) req.headers.push_back(h);
    if (own && !options_.auth_header.empty()) req.headers.push_back(options_.auth_header);
    if (!etag.empty()) req.headers.push_back(fmt::format("If-None-Match: {}", etag));
    if (options_.min_interval_ms > 0) {
      const auto next = last_request_ + std::chrono::milliseconds(options_.min_interval_ms);
      if (std::chrono::steady_clock::now() < next) std::this_thread::sleep_until(next);
      last_request_ = std::chrono::steady_clock::now();
    }
    ++stats_.requests;
    Result<HttpResponse> got = transport_.Get(req);
    if (!got) {
      if (got.error().code() != StatusCode::kIoError || retries >= options_.max_retries) {
        return Status(got.error().code(), Shown(got.error().message()));
      }
      OSCM_RETURN_IF_ERROR(waiter_.Wait(int64_t{1} << retries++, "network error, retrying"));
      continue;
    }
    HttpResponse& r = *got;
    const long status = r.status;
    const std::string shown = Shown(url);
    if (status == 200 || status == 304) {
      if (status == 304) ++stats_.not_modified;
      return std::move(r);
    }
    if (status == 301 || status == 302 || status == 307 || status == 308) {
      const std::string_view location = r.Header("location");
      if (location.empty() || ++redirects > kMaxRedirects) {
        return IoError(fmt::format("GET {}: {} without a usable Location", shown, status));
      }
      std::string target =
          StartsWith(location, "/") ? std::string(UrlOrigin(url)) + std::string(location) : std::string(location);
      if (!AllowedUrl(target)) {
        return IoError(fmt::format("GET {}: redirect to {} refused: only https URLs (plain http only to 127.0.0.1)",
                                   shown, Shown(target)));
      }
      url = std::move(target);
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
      const std::string message = Shown(ErrorMessage(r));
      if (retry_after < 0 && r.Header("x-ratelimit-remaining") == "0") {
        int64_t reset = HeaderInt(r, "x-ratelimit-reset", clock_.NowUnix() + 60);
        if (reset < kResetIsDelta) reset += clock_.NowUnix();
        const int64_t seconds = std::max<int64_t>(reset - clock_.NowUnix(), 0) + 1;
        if (!options_.wait_for_reset) {
          return IoError(fmt::format("{} rate limit exhausted until {} ({} s); run again then{}", options_.service,
                                     FormatTimestamp(reset), seconds,
                                     options_.auth_header.empty() && options_.auth_query.empty()
                                         ? options_.token_hint
                                         : ""));
        }
        OSCM_RETURN_IF_ERROR(waiter_.Wait(
            seconds, fmt::format("{} rate limit, resets at {}", options_.service, FormatTimestamp(reset))));
        continue;
      }
      if (retry_after >= 0 || status == 429 || SaysRateLimited(message)) {
        if (retries >= options_.max_retries) {
          return IoError(fmt::format("GET {}: rate limited after {} retries: {}", shown, retries, message));
        }
        ++retries;
        const int64_t seconds = retry_after >= 0 ? retry_after : limited_wait;
        if (retry_after < 0) limited_wait *= 2;
        OSCM_RETURN_IF_ERROR(waiter_.Wait(seconds, fmt::format("{} rate limit", options_.service)));
        continue;
      }
      return IoError(fmt::format("GET {}: HTTP {}: {}", shown, status, message));
    }
    if (status == 401) {
      return InvalidArgumentError(fmt::format("GET {}: HTTP 401 {}: check the token", shown, Shown(ErrorMessage(r))));
    }
    if (status == 404 || status == 410) {
      return NotFoundError(fmt::format("GET {}: HTTP {} {}", shown, status, Shown(ErrorMessage(r))));
    }
    return IoError(fmt::format("GET {}: HTTP {}: {}", shown, status, Shown(ErrorMessage(r))));
  }
}

}  // namespace oscm::ingest
