#include "ingest/identity/public_suffix.h"

#include <arpa/inet.h>

#include <array>

#include <libpsl.h>

#include "base/strings.h"

namespace oscm::ingest {
namespace {

const psl_ctx_t* Psl() {
  // The built-in list is fixed for a libpsl build; psl_latest would read /usr/share and let two
  // machines classify the same address differently.
  static const psl_ctx_t* const ctx = psl_builtin() != nullptr ? psl_builtin() : psl_latest(nullptr);
  return ctx;
}

bool IsIpAddress(const std::string& d) {
  std::array<unsigned char, 16> buf{};
  return inet_pton(AF_INET, d.c_str(), buf.data()) == 1 || inet_pton(AF_INET6, d.c_str(), buf.data()) == 1;
}

bool HasValidLabels(std::string_view d) {
  if (d.empty() || d.size() > 253 || d.front() == '.' || d.back() == '.') return false;
  size_t label = 0;
  for (char c : d) {
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
      continue;
    }
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || ++label > 63) return false;
  }
  return true;
}

bool IsReserved(std::string_view d) {
  for (std::string_view tld : {".example", ".invalid", ".test", ".localhost", ".local", ".localdomain",
                               ".lan", ".internal", ".home", ".corp"}) {
    if (EndsWith(d, tld) || d == tld.substr(1)) return true;
  }
  for (std::string_view name : {"example.com", "example.net", "example.org"}) {
    if (d == name || EndsWith(d, std::string(".") + std::string(name))) return true;
  }
  return false;
}

}  // namespace

std::string RegistrableDomain(std::string_view domain) {
  const std::string d(domain);
  if (!HasValidLabels(d) || IsIpAddress(d) || IsReserved(d)) return {};
  const size_t dot = d.rfind('.');
  if (dot == std::string::npos) return {};  // a bare host name
  // The top-level label must be a listed suffix: libpsl's implicit "*" rule would otherwise make
  // "router.lan" registrable.
  if (psl_is_public_suffix2(Psl(), d.c_str() + dot + 1, PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE) == 0) return {};
  const char* r = psl_registrable_domain(Psl(), d.c_str());
  return r == nullptr ? std::string() : std::string(r);
}

std::string PublicSuffixOf(std::string_view registrable) {
  const size_t dot = registrable.find('.');
  if (dot == std::string_view::npos || RegistrableDomain(registrable) != registrable) return {};
  return std::string(registrable.substr(dot + 1));
}

}  // namespace oscm::ingest
