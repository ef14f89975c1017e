// Person keys: how a raw (name, email) from a source becomes one stable identity key.
//
// Rules, in order: GitHub noreply addresses ("12345+login@users.noreply.github.com" and the older
// "login@users.noreply.github.com") fold to "github:<login>"; other emails are case-folded and
// trimmed; an identity with no usable email falls back to "name:<case-folded name>" and is
// reported as malformed. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "oscm/records.h"

namespace oscm::ingest {

struct ResolvedPerson {
  std::string key;    // identities.key
  std::string name;   // sanitized display name
  std::string email;  // case-folded email ("" when none)
  std::optional<std::string> login;  // GitHub login when the email reveals it
  bool malformed = false;            // empty or unusable email, or invalid UTF-8 in the name
};

// The GitHub login in a noreply address, case-folded; nullopt for other addresses.
std::optional<std::string> NoreplyLogin(std::string_view email);

ResolvedPerson ResolvePerson(const PersonRef& person);

// The part after '@', case-folded; "" when there is none.
std::string EmailDomain(std::string_view email);

}  // namespace oscm::ingest
