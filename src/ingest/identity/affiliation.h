// AffiliationResolver: the organisation a person worked for at a given date.
//
// Resolution order for an email at time t:
//   1. a user affiliation file in gitdm's developers_affiliations format:
//        Jane Doe: jane!example.com, jdoe!users.noreply.github.com
//        <TAB>Acme Corp until 2019-06-01
//        <TAB>Example Inc
//      (emails with '!' or '@'; each indented line is one period, in order; "until D" ends a period
//       the day before D; the last period without "until" is open-ended);
//   2. the email domain in the user domain map, then the built-in map (data/org_domains.txt),
//      matching the domain or any parent domain;
//   3. a webmail domain (data/webmail_domains.txt) -> "independent";
//   4. a GitHub noreply address or no usable domain -> "unknown";
//   5. otherwise the registrable domain itself is the organisation ("pingcap.com").
// Immutable after loading; Resolve is thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "oscm/status.h"

namespace oscm::ingest {

enum class OrgKind { kCompany, kIndependent, kUnknown };
std::string_view OrgKindName(OrgKind kind);

struct OrgRef {
  std::string name;
  OrgKind kind = OrgKind::kUnknown;
  bool operator==(const OrgRef&) const = default;
};

inline constexpr std::string_view kIndependentOrg = "independent";
inline constexpr std::string_view kUnknownOrg = "unknown";

class AffiliationResolver {
 public:
  // Built-in domain map and webmail list only.
  static AffiliationResolver Builtin();

  Status LoadAffiliationsFile(const std::string& path);  // gitdm developers_affiliations
  Status LoadDomainMapFile(const std::string& path);     // "domain Org Name" lines

  // Parses gitdm text; `origin` names it in "origin:line: reason" errors.
  Status AddAffiliations(std::string_view text, std::string_view origin);
  Status AddDomainMap(std::string_view text, std::string_view origin, bool user);

  OrgRef Resolve(std::string_view email, int64_t time) const;
  // True when Resolve's answer for `email` (case-folded) depends on the date: the affiliation
  // file gives it several periods, or one that ends.
  bool HasDatedPeriods(const std::string& email) const;

  // A stable digest of everything loaded, so a changed configuration can be detected.
  std::string Fingerprint() const;

 private:
  struct Period {
    std::string org;
    int64_t until = INT64_MAX;  // exclusive
  };
  const std::string* LookupDomain(std::string_view domain) const;

  std::unordered_map<std::string, std::vector<Period>> people_;  // email -> periods
  std::unordered_map<std::string, std::string> user_domains_;
  std::unordered_map<std::string, std::string> builtin_domains_;
  std::unordered_set<std::string> webmail_;
};

// The registrable part of a domain: "mail.pingcap.com" -> "pingcap.com",
// "dev.example.co.uk" -> "example.co.uk".
std::string RegistrableDomain(std::string_view domain);

}  // namespace oscm::ingest
