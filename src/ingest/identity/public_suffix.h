// Email domains against the Public Suffix List (libpsl's built-in copy, so the answer does not
// depend on the machine's data files).
//
// RegistrableDomain gives the part of a host name an organisation registers: "mail.pingcap.com"
// -> "pingcap.com", "cs.tsinghua.edu.cn" -> "tsinghua.edu.cn", "dev.example.co.uk" ->
// "example.co.uk". It is empty for names nobody can register: IP addresses, names whose top-level
// label is not a public suffix ("localhost", "box.local", "router.lan", a bare host name), names
// reserved for examples and tests (RFC 2606/6761: .example, .invalid, .test, .localhost and
// example.com/.net/.org), and malformed names. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace oscm::ingest {

// REQUIRES: `domain` is lower-case.
std::string RegistrableDomain(std::string_view domain);

// The public suffix under which `registrable` was registered ("edu.cn" for "tsinghua.edu.cn"),
// or "" when `registrable` is not a registrable domain.
std::string PublicSuffixOf(std::string_view registrable);

}  // namespace oscm::ingest
