// AffiliationResolver: the organisation a person worked for at a given date, with the rule that
// decided it.
//
// Resolution order for an email at time t (the first that applies):
//   1. a user affiliation file in gitdm's developers_affiliations format:
//        Jane Doe: jane!example.com, jdoe!users.noreply.github.com
//        <TAB>Acme Corp until 2019-06-01
//        <TAB>Example Inc
//      (emails with '!' or '@'; each indented line is one period, in order; "until D" ends a period
//       the day before D; the last period without "until" is open-ended);
//   2. a GitHub noreply address -> "unknown";
//   3. no registrable domain (an IP address, "localhost", "box.local", reserved names; see
//      public_suffix.h) -> "unknown";
//   4. the user domain map, then the built-in map (data/org_domains.txt) -> that company,
//      matching the domain or any parent domain;
//   5. the built-in foundation list (data/foundation_domains.txt) -> that foundation;
//   6. the built-in academic list (data/academic_domains.txt), or a registrable domain under an
//      academic public suffix (edu, edu.XX, ac.XX) -> that institution;
//   7. a webmail or ISP domain (data/webmail_domains.txt) -> "independent";
//   8. otherwise the registrable domain itself ("solo.dev"), kind company but *unverified*: it
//      counts as a company only with more evidence (see org_evidence.h), else as a personal domain.
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

// What kind of organisation an affiliation names. Commercial metrics count companies only.
enum class OrgKind { kCompany, kFoundation, kAcademic, kIndependent, kUnknown };
std::string_view OrgKindName(OrgKind kind);  // "company", "foundation", ...
OrgKind OrgKindFromName(std::string_view name);  // kUnknown for anything else

// Which rule decided an affiliation (stored with it, shown by `oscm orgs`).
enum class OrgRule {
  kAffiliationFile,  // a gitdm developers_affiliations file
  kDomainMap,        // the user's --domain-orgs file
  kBuiltinMap,       // data/org_domains.txt
  kFoundationList,   // data/foundation_domains.txt
  kAcademicList,     // data/academic_domains.txt
  kAcademicSuffix,   // edu, edu.XX, ac.XX
  kWebmail,          // data/webmail_domains.txt
  kEmailDomain,      // an unmapped registrable domain (unverified)
  kNoreply,          // a GitHub noreply address
  kNoDomain,         // no registrable domain
};
std::string_view OrgRuleName(OrgRule rule);  // "affiliation-file", "domain-map", ...

struct OrgRef {
  std::string name;
  OrgKind kind = OrgKind::kUnknown;
  OrgRule rule = OrgRule::kNoDomain;
  std::string source;  // the file, or the domain that matched ("pingcap.com")
  bool operator==(const OrgRef&) const = default;
};

inline constexpr std::string_view kIndependentOrg = "independent";
inline constexpr std::string_view kUnknownOrg = "unknown";

class AffiliationResolver {
 public:
  // Built-in domain maps and lists only.
  static AffiliationResolver Builtin();

  Status LoadAffiliationsFile(const std::string& path);  // gitdm developers_affiliations
  Status LoadDomainMapFile(const std::string& path);     // "domain Org Name" lines

  // Parses gitdm text; `origin` names it in "origin:line: reason" errors and in OrgRef::source.
  Status AddAffiliations(std::string_view text, std::string_view origin);
  Status AddDomainMap(std::string_view text, std::string_view origin, bool user);

  OrgRef Resolve(std::string_view email, int64_t time) const;
  // True when Resolve's answer for `email` (case-folded) depends on the date: the affiliation
  // file gives it several periods, or one that ends.
  bool HasDatedPeriods(const std::string& email) const;

  // A stable digest of everything loaded and of the rules' version, so that a changed
  // configuration (or a newer oscm) can be detected and stored rows re-resolved.
  std::string Fingerprint() const;

 private:
  struct Period {
    std::string org;
    int64_t until = INT64_MAX;  // exclusive
    std::string origin;
  };
  struct DomainEntry {
    std::string org;
    std::string origin;
  };
  using DomainMap = std::unordered_map<std::string, DomainEntry>;
  // The entry for `domain` or its nearest parent domain, and the domain that matched.
  static const DomainEntry* Lookup(const DomainMap& map, std::string_view domain, std::string* matched);

  std::unordered_map<std::string, std::vector<Period>> people_;  // email -> periods
  DomainMap user_domains_;
  DomainMap builtin_domains_;
  DomainMap foundations_;
  DomainMap academics_;
  std::unordered_set<std::string> webmail_;
};

}  // namespace oscm::ingest
