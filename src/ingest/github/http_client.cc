#include "ingest/github/http_client.h"

// libcurl's functions are called through pointers (see CurlLib), which its type-checking macros
// for curl_easy_setopt and curl_easy_getinfo would rewrite.
#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>

#include <mutex>

#include <fmt/format.h>

#include "base/shared_library.h"
#include "base/strings.h"

namespace oscm::ingest {

std::string_view HttpResponse::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return {};
}

namespace {

// libcurl (and the thirty libraries under it: GnuTLS, OpenSSL, Kerberos, LDAP, ...) is loaded
// the first time a transport is made, not when oscm starts: loading and relocating them took
// about 10 ms of every start, a thirtieth of what an hour of GH Archive costs to ingest (see
// bench/RESULTS.md, issue #17). Every libcurl function is called through this table.
#define OSCM_CURL_FUNCTIONS(X)                                                                   \
  X(curl_global_init) X(curl_easy_init) X(curl_easy_cleanup) X(curl_easy_reset) X(curl_easy_setopt) \
  X(curl_easy_perform) X(curl_easy_getinfo) X(curl_easy_strerror) X(curl_slist_append)            \
  X(curl_slist_free_all)

struct CurlLib {
#define OSCM_CURL_MEMBER(name) decltype(&::name) name = nullptr;
  OSCM_CURL_FUNCTIONS(OSCM_CURL_MEMBER)
#undef OSCM_CURL_MEMBER
};

// Loaded once, until exit, by the SONAME of the libcurl whose headers this was built with (the
// build finds it); its global init runs once.
Result<const CurlLib*> LoadCurl() {
  static CurlLib lib;
  static Status status;
  static std::once_flag once;
  std::call_once(once, [] {
    auto so = SharedLibrary::Open(OSCM_CURL_SONAME);
    if (!so) {
      status = so.error();
      return;
    }
#define OSCM_CURL_LOAD(name) \
  if (status.ok()) status = so->Find(#name, &lib.name);
    OSCM_CURL_FUNCTIONS(OSCM_CURL_LOAD)
#undef OSCM_CURL_LOAD
    if (!status.ok()) return;
    if (const CURLcode rc = lib.curl_global_init(CURL_GLOBAL_DEFAULT); rc != CURLE_OK) {
      status = InternalError(lib.curl_easy_strerror(rc));
    }
  });
  if (!status.ok()) return status.WithContext("libcurl");
  return &lib;
}

const CurlLib& Curl() { return **LoadCurl(); }  // REQUIRES: LoadCurl() succeeded

struct CurlEasyDeleter {
  void operator()(CURL* c) const { Curl().curl_easy_cleanup(c); }
};
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;

struct CurlSlistDeleter {
  void operator()(curl_slist* l) const { Curl().curl_slist_free_all(l); }
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
    const CurlLib& lib = Curl();
    CURL* c = curl_.get();
    lib.curl_easy_reset(c);
    HttpResponse response;
    CurlSlist headers;
    for (const auto& h : request.headers) {
      // Appending returns the list's head, which is the same list once it has one element.
      curl_slist* head = lib.curl_slist_append(headers.get(), h.c_str());
      if (head == nullptr) return InternalError("curl_slist_append failed");
      if (!headers) headers.reset(head);
    }
    lib.curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
    lib.curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    lib.curl_easy_setopt(c, CURLOPT_USERAGENT, "oscm/0.1.0");
    lib.curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode
    lib.curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    lib.curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    // Never file://, ftp:// or the like, whatever URL reaches here.
    lib.curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    lib.curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, options_.connect_timeout_seconds);
    lib.curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    lib.curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, options_.stall_timeout_seconds);
    lib.curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnBody);
    lib.curl_easy_setopt(c, CURLOPT_WRITEDATA, &response);
    lib.curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, OnHeader);
    lib.curl_easy_setopt(c, CURLOPT_HEADERDATA, &response);
    lib.curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    lib.curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, OnProgress);
    lib.curl_easy_setopt(c, CURLOPT_XFERINFODATA, options_.cancel);
    const CURLcode rc = lib.curl_easy_perform(c);
    if (rc == CURLE_ABORTED_BY_CALLBACK) return CancelledError("interrupted");
    // The URL is safe to show; the headers (which carry the token) never are.
    if (rc != CURLE_OK) return IoError(fmt::format("GET {}: {}", EscapeControls(request.url), lib.curl_easy_strerror(rc)));
    lib.curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
  }

 private:
  CurlEasy curl_;
  CurlTransportOptions options_;
};

}  // namespace

Result<std::unique_ptr<HttpTransport>> NewCurlTransport(const CurlTransportOptions& options) {
  OSCM_ASSIGN_OR_RETURN(const CurlLib* lib, LoadCurl());
  CurlEasy curl(lib->curl_easy_init());
  if (!curl) return InternalError("libcurl: curl_easy_init failed");
  return std::unique_ptr<HttpTransport>(std::make_unique<CurlTransport>(std::move(curl), options));
}

}  // namespace oscm::ingest
