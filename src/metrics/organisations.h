// Organisations: who a community's commits came from, with the rule or file that decided each
// mapping, so that a user can check the affiliations behind every organisation metric and
// correct them (--domain-orgs, --affiliations) where they are wrong.
//
// Pure function of the activity; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/time.h"
#include "metrics/activity.h"

namespace oscm::metrics {

struct OrgDecidedBy {
  std::string rule;      // builtin-map, email-domain, shared-domain, personal-domain, webmail, ...
  std::string evidence;  // "google.com", "solo.dev used by 1 person and in no map", ...
  int64_t people = 0;
};

struct OrgRow {
  std::string name;    // as counted: an organisation, "independent" or "unknown"
  std::string stored;  // the domain or name the addresses gave, when it differs ("solo.dev")
  Affiliation affiliation = Affiliation::kUnknown;
  int64_t people = 0;          // distinct people, all history
  int64_t commits_window = 0;  // authored commits in the window
  int64_t commits_all = 0;     // authored commits, all history
  std::vector<OrgDecidedBy> decided_by;  // most people first
};

std::string_view AffiliationName(Affiliation a);  // "company", "foundation", ...

// One row per organisation as counted (a personal domain is its own row, counted as
// independent), most commits in the window first, then most commits overall, then by name.
std::vector<OrgRow> OrganisationRows(const CommunityActivity& a, const TimeWindow& window);

}  // namespace oscm::metrics
