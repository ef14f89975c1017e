#include "ingest/github/http_client.h"

#include <curl/curl.h>

#include <mutex>

#include <fmt/format.h>

#include "base/strings.h"

namespace oscm::ingest {

std::string_view HttpResponse::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return {};
}

namespace {

struct CurlEasyDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;

struct CurlSlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using CurlSlist = std::unique_ptr<curl_slist, CurlSlistDeleter>;

size_t OnBody(char* data, size_t size, size_t n, void* user) {
  static_cast<HttpResponse*>(user)->body.append(data, size * n);
  return size * n;
}

size_t OnHeader(char* data, size_t size, size_t n, void* user) {
  auto* r = static_cast<HttpResponse*>(user);
  const std::string_view line(data, size * n);
  // A new status line (after a 100 Continue) starts a new set of headers.
  if (StartsWith(line, "HTTP/")) {
    r->headers.clear();
  } else if (const size_t colon = line.find(':'); colon != std::string_view::npos) {
    r->headers.emplace_back(AsciiLower(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1))));
  }
  return size * n;
}

int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* cancel = static_cast<const std::atomic<bool>*>(user);
  return cancel != nullptr && cancel->load(std::memory_order_relaxed) ? 1 : 0;
}

class CurlTransport final : public HttpTransport {
 public:
  CurlTransport(CurlEasy curl, const CurlTransportOptions& options)
      : curl_(std::move(curl)), options_(options) {}

  Result<HttpResponse> Get(const HttpRequest& request) override {
    CURL* c = curl_.get();
    curl_easy_reset(c);
    HttpResponse response;
    CurlSlist headers;
    for (const auto& h : request.headers) {
      // Appending returns the list's head, which is the same list once it has one element.
      curl_slist* head = curl_slist_append(headers.get(), h.c_str());
      if (head == nullptr) return InternalError("curl_slist_append failed");
      if (!headers) headers.reset(head);
    }
    curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_USERAGENT, "oscm/0.1.0");
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    // Never file://, ftp:// or the like, whatever URL reaches here.
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, options_.connect_timeout_seconds);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, options_.stall_timeout_seconds);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &response);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &response);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, OnProgress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, options_.cancel);
    const CURLcode rc = curl_easy_perform(c);
    if (rc == CURLE_ABORTED_BY_CALLBACK) return CancelledError("interrupted");
    // The URL is safe to show; the headers (which carry the token) never are.
    if (rc != CURLE_OK) return IoError(fmt::format("GET {}: {}", EscapeControls(request.url), curl_easy_strerror(rc)));
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
  }

 private:
  CurlEasy curl_;
  CurlTransportOptions options_;
};

}  // namespace

Result<std::unique_ptr<HttpTransport>> NewCurlTransport(const CurlTransportOptions& options) {
  static std::once_flag once;
  static CURLcode global = CURLE_OK;
  std::call_once(once, [] { global = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (global != CURLE_OK) return InternalError(fmt::format("libcurl: {}", curl_easy_strerror(global)));
  CurlEasy curl(curl_easy_init());
  if (!curl) return InternalError("libcurl: curl_easy_init failed");
  return std::unique_ptr<HttpTransport>(std::make_unique<CurlTransport>(std::move(curl), options));
}

}  // namespace oscm::ingest
