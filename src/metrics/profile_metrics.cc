#include "metrics/profile_metrics.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "base/strings.h"
#include "ingest/identity/org_evidence.h"
#include "ingest/profile/profile.h"

namespace oscm::metrics {
namespace {

template <typename Fn>
void ForFacts(const CommunityActivity& a, std::string_view kind, const TimeWindow& w, Fn fn) {
  for (const auto& f : a.profile) {
    if (f.kind == kind && f.effective() < w.end) fn(f);
  }
}

std::optional<double> CountDistinctNames(const CommunityActivity& a, std::string_view kind, const TimeWindow& w) {
  if (!a.has_profile) return std::nullopt;
  std::set<std::string> names;
  ForFacts(a, kind, w, [&](const ProfileFactRow& f) { names.insert(AsciiLower(f.name)); });
  return static_cast<double>(names.size());
}

// Index of the organisation with the most commits in the window, or -1.
int32_t TopOrg(const CommunityActivity& a, const TimeWindow& w) {
  std::unordered_map<int32_t, int64_t> per_org;
  for (const auto& c : a.CommitsIn(w)) {
    if (c.company()) ++per_org[c.org];
  }
  int32_t top = -1;
  int64_t best = 0;
  for (const auto& [org, n] : per_org) {
    if (n > best || (n == best && org < top)) {
      best = n;
      top = org;
    }
  }
  return top;
}

// The organisations of the declared primary vendors, as declared; empty when none is.
std::vector<std::string> VendorOrganisations(const CommunityActivity& a) {
  std::vector<std::string> names;
  for (const auto& f : a.profile) {
    if (f.kind != "vendor") continue;
    for (std::string_view line : SplitLines(f.detail)) names.emplace_back(line);
  }
  return names;
}

// Per organisation index: whether it is one of the declared vendors'.
std::vector<bool> VendorOrgMask(const CommunityActivity& a) {
  std::vector<bool> mask(a.orgs.size(), false);
  for (const auto& m : MatchVendors(a)) {
    for (int32_t i : m.orgs) mask[static_cast<size_t>(i)] = true;
  }
  return mask;
}

size_t EditDistance(const std::string& x, const std::string& y) {
  std::vector<size_t> row(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[y.size()];
}

}  // namespace

std::vector<VendorMatch> MatchVendors(const CommunityActivity& a) {
  std::vector<VendorMatch> out;
  for (const std::string& declared : VendorOrganisations(a)) {
    VendorMatch m;
    m.declared = declared;
    const std::string key = ingest::OrgNameKey(declared);
    std::vector<std::pair<size_t, std::string>> near;
    for (size_t i = 0; i < a.orgs.size(); ++i) {
      const std::string org_key = ingest::OrgNameKey(a.orgs[i]);
      if (IEquals(a.orgs[i], declared) || (!key.empty() && org_key == key)) {
        m.orgs.push_back(static_cast<int32_t>(i));
      } else {
        near.emplace_back(EditDistance(key, org_key), a.orgs[i]);
      }
    }
    if (m.orgs.empty()) {
      std::sort(near.begin(), near.end());
      for (size_t i = 0; i < near.size() && i < 3; ++i) m.closest.push_back(near[i].second);
    }
    out.push_back(std::move(m));
  }
  return out;
}

namespace {

// Whether any adopter is declared at all: a profile that names none says nothing about adopters
// (ZooKeeper's lists vendors, not users), so the count is no data rather than 0.
bool DeclaresAdopters(const CommunityActivity& a) {
  return std::any_of(a.profile.begin(), a.profile.end(), [](const ProfileFactRow& f) { return f.kind == "adopter"; });
}

}  // namespace

std::optional<double> Adopters(const CommunityActivity& a, const TimeWindow& w) {
  if (!DeclaresAdopters(a)) return std::nullopt;
  std::set<std::string> names;
  ForFacts(a, "adopter", w, [&](const ProfileFactRow& f) { names.insert(AsciiLower(f.name)); });
  return static_cast<double>(names.size());
}

std::optional<double> AdopterIndustries(const CommunityActivity& a, const TimeWindow& w) {
  // Industries come from a profile's adopters; adopters named without one (an ADOPTERS file's,
  // or a profile that gives none) say nothing about industries, so the count is no data, not 0.
  const bool declares_industries = std::any_of(a.profile.begin(), a.profile.end(), [](const ProfileFactRow& f) {
    return f.kind == "adopter" && !f.detail.empty();
  });
  if (!a.has_profile || !declares_industries) return std::nullopt;
  std::set<std::string> industries;
  ForFacts(a, "adopter", w, [&](const ProfileFactRow& f) {
    if (!f.detail.empty()) industries.insert(AsciiLower(f.detail));
  });
  return static_cast<double>(industries.size());
}

std::optional<double> CommercialOfferings(const CommunityActivity& a, const TimeWindow& w) {
  return CountDistinctNames(a, "offering", w);
}

std::optional<double> CommercialVendors(const CommunityActivity& a, const TimeWindow& w) {
  if (!a.has_profile) return std::nullopt;
  std::set<std::string> vendors;
  ForFacts(a, "commercial_vendor", w, [&](const ProfileFactRow& f) { vendors.insert(AsciiLower(f.name)); });
  ForFacts(a, "offering", w, [&](const ProfileFactRow& f) {
    const size_t nl = f.detail.find('\n');
    if (nl != std::string::npos && nl + 1 < f.detail.size()) vendors.insert(AsciiLower(f.detail.substr(nl + 1)));
  });
  return static_cast<double>(vendors.size());
}

std::optional<double> BusinessModels(const CommunityActivity& a, const TimeWindow& w) {
  return CountDistinctNames(a, "business_model", w);
}

std::optional<double> FoundationLevelMetric(const CommunityActivity& a, const TimeWindow& w) {
  if (!a.has_profile) return std::nullopt;
  int level = 0;
  ForFacts(a, "foundation", w, [&](const ProfileFactRow& f) { level = std::max(level, ingest::FoundationLevel(f.detail)); });
  return level;
}

std::optional<double> EventsHeld(const CommunityActivity& a, const TimeWindow& w) {
  if (!a.has_profile) return std::nullopt;
  int64_t n = 0;
  for (const auto& f : a.profile) n += (f.kind == "event" && w.Contains(f.since)) ? 1 : 0;
  return static_cast<double>(n);
}

std::optional<double> RoadmapPublished(const CommunityActivity& a, const TimeWindow& w) {
  if (!a.has_profile) return std::nullopt;
  bool published = false;
  ForFacts(a, "roadmap", w, [&](const ProfileFactRow&) { published = true; });
  return published ? 1.0 : 0.0;
}

std::optional<double> VendorAgeYears(const CommunityActivity& a, const TimeWindow& w) {
  int64_t founded = 0;
  for (const auto& f : a.profile) {
    if (f.kind == "vendor" && f.since != 0 && (founded == 0 || f.since < founded)) founded = f.since;
  }
  if (founded == 0 || founded >= w.end) return std::nullopt;
  return static_cast<double>(w.end - founded) / (365.25 * kSecondsPerDay);
}


std::optional<double> VendorShare(const CommunityActivity& a, const TimeWindow& w) {
  const auto commits = a.CommitsIn(w);
  if (commits.empty() || VendorOrganisations(a).empty()) return std::nullopt;
  const auto mask = VendorOrgMask(a);
  // A declared vendor that matches no organisation of the history is a naming problem (warned
  // about, see MatchVendors), not evidence that the vendor wrote nothing.
  if (std::find(mask.begin(), mask.end(), true) == mask.end()) return std::nullopt;
  int64_t n = 0;
  for (const auto& c : commits) n += (c.company() && mask[static_cast<size_t>(c.org)]) ? 1 : 0;
  return static_cast<double>(n) / static_cast<double>(commits.size());
}

std::optional<double> OutsideContributors(const CommunityActivity& a, const TimeWindow& w) {
  if (a.repositories.empty()) return std::nullopt;
  std::vector<bool> inside = VendorOrgMask(a);
  const int32_t top = VendorOrganisations(a).empty() ? TopOrg(a, w) : -1;
  if (top >= 0) inside[static_cast<size_t>(top)] = true;
  std::unordered_set<int32_t> insiders;
  std::unordered_map<int32_t, int64_t> people;
  for (const auto& c : a.ContributionsIn(w)) {
    ++people[c.person];
    if (c.company() && inside[static_cast<size_t>(c.org)]) insiders.insert(c.person);
  }
  // Without a vendor or any company, the founding team is the most active person: an author is
  // never an outside contributor to their own project.
  if (VendorOrganisations(a).empty() && top < 0 && !people.empty()) {
    const auto founder = std::max_element(people.begin(), people.end(), [](const auto& x, const auto& y) {
      return x.second != y.second ? x.second < y.second : x.first > y.first;
    });
    insiders.insert(founder->first);
  }
  return static_cast<double>(people.size() - insiders.size());
}

}  // namespace oscm::metrics
