// Organisation evidence: which stored affiliations count as the organisations they name.
//
// An email domain that no map or list knows ("solo.dev") is only a candidate company (rule
// email-domain). Within one community it counts as a company when there is evidence of one:
//   - at least two different people (by name) commit from it ("shared domain"), or
//   - the public GitHub profile of one of its people names the same company ("github-profile").
// Otherwise it is a personal domain and its commits count as independent.
//
// A person whose address says nothing about an employer (webmail, a noreply address, no domain,
// a personal domain) takes the company of their GitHub profile, when one is stored. A profile
// states who employs someone now, not when a commit was made; it is therefore used only where the
// commit's own address gives no organisation, never to override one.
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/identity/affiliation.h"

namespace oscm::ingest {

// A comparison key for organisation names: lower-case letters and digits only, without legal
// suffixes ("Red Hat, Inc." -> "redhat", "@PingCAP" -> "pingcap"); for a domain, its first label
// ("synadia.com" -> "synadia").
std::string OrgNameKey(std::string_view name);

// A GitHub profile's company field as an organisation name ("@pingcap " -> "pingcap"), or "" when
// it names none.
std::string ProfileCompanyName(std::string_view company);

struct StoredOrg {
  std::string name;
  OrgKind kind = OrgKind::kUnknown;
};

// One (identity, organisation) pair of a community, with the rule recorded when it was resolved
// ("" for rows stored before rules were recorded).
struct OrgLink {
  int64_t identity_id = 0;
  int64_t org_id = 0;
  std::string rule;
  std::string source;
};

struct OrgPerson {
  std::string name;     // display name
  std::string login;    // lower-case GitHub login, or ""
  std::string company;  // from the stored GitHub profile, or ""
};

// What the metrics count a link as.
struct OrgDecision {
  std::string name;  // organisation name, "independent" or "unknown"
  OrgKind kind = OrgKind::kUnknown;
  std::string rule;      // the rule that decided (an OrgRuleName, or personal-domain, shared-domain, github-profile)
  std::string evidence;  // human-readable: "pingcap.com in data/org_domains.txt", "1 person", ...
};

struct OrgEvidence {
  std::map<int64_t, StoredOrg> orgs;       // by organisation id
  std::map<int64_t, OrgPerson> people;     // by identity id
  std::vector<OrgLink> links;
};

// The decision for every link of `evidence`, keyed by (identity_id, org_id).
std::map<std::pair<int64_t, int64_t>, OrgDecision> DecideOrganisations(const OrgEvidence& evidence);

}  // namespace oscm::ingest
