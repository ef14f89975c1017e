// Metrics from the community's profile (declared facts, each dated; see ingest/profile/profile.h)
// and from the ADOPTERS files of its repositories. A fact counts in a window once it holds: from
// its `since` date when declared, else from the date it was known on (`as_of`). Without a profile
// every one is unavailable (nullopt), except `adopters`, which repository files also give.
//
// Also the metrics that join the profile with git: the declared vendor's share of commits and the
// contributors from outside it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "metrics/activity.h"

namespace oscm::metrics {

std::optional<double> Adopters(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> AdopterIndustries(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> CommercialOfferings(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> CommercialVendors(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> BusinessModels(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> FoundationLevelMetric(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> EventsHeld(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> RoadmapPublished(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> VendorAgeYears(const CommunityActivity& a, const TimeWindow& w);

// A declared vendor's organisations matched against the community's: by name, case-insensitively,
// or by name key (see ingest::OrgNameKey: "Synadia" matches "synadia.com", "PingCAP Inc." matches
// "PingCAP"). A vendor matching nothing has its three closest organisations, for a warning.
struct VendorMatch {
  std::string declared;
  std::vector<int32_t> orgs;         // indexes into CommunityActivity::orgs
  std::vector<std::string> closest;  // when orgs is empty
};
std::vector<VendorMatch> MatchVendors(const CommunityActivity& a);

std::optional<double> VendorShare(const CommunityActivity& a, const TimeWindow& w);
std::optional<double> OutsideContributors(const CommunityActivity& a, const TimeWindow& w);

}  // namespace oscm::metrics
