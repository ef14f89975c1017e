#include "metrics/git_metrics.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace oscm::metrics {

std::optional<double> HalfCoverCount(std::vector<int64_t> counts) {
  int64_t total = 0;
  for (int64_t c : counts) total += c;
  if (total == 0) return std::nullopt;
  std::sort(counts.begin(), counts.end(), std::greater<>());
  int64_t sum = 0;
  int n = 0;
  for (int64_t c : counts) {
    sum += c;
    ++n;
    if (2 * sum >= total) break;
  }
  return n;
}

std::optional<double> Commits(const CommunityActivity& a, const TimeWindow& w) {
  if (a.repositories.empty()) return std::nullopt;  // no git data: unavailable, not zero
  return static_cast<double>(a.CommitsIn(w).size());
}

namespace {

std::unordered_set<int32_t> PeopleIn(const CommunityActivity& a, const TimeWindow& w) {
  std::unordered_set<int32_t> people;
  for (const auto& c : a.ContributionsIn(w)) people.insert(c.person);
  return people;
}

}  // namespace

std::optional<double> ContributorsActive(const CommunityActivity& a, const TimeWindow& w) {
  if (a.repositories.empty()) return std::nullopt;  // no git data: unavailable, not zero
  return static_cast<double>(PeopleIn(a, w).size());
}

std::optional<double> ContributorsNew(const CommunityActivity& a, const TimeWindow& w) {
  if (a.repositories.empty()) return std::nullopt;  // no git data: unavailable, not zero
  int64_t n = 0;
  for (int32_t p : PeopleIn(a, w)) n += w.Contains(a.first_contribution[static_cast<size_t>(p)]) ? 1 : 0;
  return static_cast<double>(n);
}

std::optional<double> ContributorsRetained(const CommunityActivity& a, const TimeWindow& w) {
  if (a.repositories.empty()) return std::nullopt;  // no git data: unavailable, not zero
  const auto now = PeopleIn(a, w);
  const auto before = PeopleIn(a, Previous(w, 12));
  int64_t n = 0;
  for (int32_t p : now) n += before.count(p) > 0 ? 1 : 0;
  return static_cast<double>(n);
}

std::optional<double> OrgsActive(const CommunityActivity& a, const TimeWindow& w) {
  if (a.repositories.empty()) return std::nullopt;  // no git data: unavailable, not zero
  std::unordered_set<int32_t> orgs;
  for (const auto& c : a.ContributionsIn(w)) {
    if (c.org >= 0) orgs.insert(c.org);
  }
  return static_cast<double>(orgs.size());
}

namespace {

std::vector<int64_t> CommitsPerOrg(const CommunityActivity& a, const TimeWindow& w) {
  std::unordered_map<int32_t, int64_t> per_org;
  for (const auto& c : a.CommitsIn(w)) {
    if (c.org >= 0) ++per_org[c.org];
  }
  std::vector<int64_t> counts;
  for (const auto& [org, n] : per_org) counts.push_back(n);
  return counts;
}

}  // namespace

std::optional<double> TopOrgShare(const CommunityActivity& a, const TimeWindow& w) {
  const auto commits = a.CommitsIn(w);
  if (commits.empty()) return std::nullopt;
  const auto counts = CommitsPerOrg(a, w);
  const int64_t top = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
  return static_cast<double>(top) / static_cast<double>(commits.size());
}

std::optional<double> ElephantFactor(const CommunityActivity& a, const TimeWindow& w) {
  return HalfCoverCount(CommitsPerOrg(a, w));
}

std::optional<double> BusFactor(const CommunityActivity& a, const TimeWindow& w) {
  std::unordered_map<int32_t, int64_t> per_person;
  for (const auto& c : a.ContributionsIn(w)) ++per_person[c.person];
  std::vector<int64_t> counts;
  for (const auto& [p, n] : per_person) counts.push_back(n);
  return HalfCoverCount(std::move(counts));
}

namespace {

// Versions (not pre-releases) first tagged in the window, with the date of their first tag.
// Multi-module repositories tag one release many times (v3.6.1, api/v3.6.1, client/v3.6.1...):
// a release is a distinct version, dated by its first tag.
std::map<std::string_view, int64_t> ReleasesIn(const CommunityActivity& a, const TimeWindow& w) {
  std::set<std::string_view> seen_before;
  std::map<std::string_view, int64_t> in_window;
  for (const auto& r : a.releases) {  // time order
    if (r.version.empty() || r.prerelease || r.time >= w.end) continue;
    if (r.time < w.begin) {
      seen_before.insert(r.version);
    } else if (seen_before.count(r.version) == 0) {
      in_window.emplace(r.version, r.time);
    }
  }
  return in_window;
}

}  // namespace

std::optional<double> Releases(const CommunityActivity& a, const TimeWindow& w) {
  if (a.repositories.empty()) return std::nullopt;  // no git data: unavailable, not zero
  return static_cast<double>(ReleasesIn(a, w).size());
}

std::optional<double> ReleaseMonths(const CommunityActivity& a, const TimeWindow& w) {
  if (a.repositories.empty()) return std::nullopt;
  std::set<MonthIndex> months;
  for (const auto& [version, time] : ReleasesIn(a, w)) months.insert(MonthOf(time));
  return static_cast<double>(months.size());
}

std::optional<double> ContributorRetention(const CommunityActivity& a, const TimeWindow& w) {
  if (a.repositories.empty()) return std::nullopt;
  const auto before = PeopleIn(a, Previous(w, 12));
  if (before.empty()) return std::nullopt;
  const auto now = PeopleIn(a, w);
  int64_t n = 0;
  for (int32_t p : before) n += now.count(p) > 0 ? 1 : 0;
  return static_cast<double>(n) / static_cast<double>(before.size());
}

std::optional<double> OrgCommitShare(const CommunityActivity& a, const TimeWindow& w) {
  const auto commits = a.CommitsIn(w);
  if (commits.empty()) return std::nullopt;
  int64_t n = 0;
  for (const auto& c : commits) n += c.affiliation == Affiliation::kOrganisation ? 1 : 0;
  return static_cast<double>(n) / static_cast<double>(commits.size());
}

std::optional<double> ActiveMonths(const CommunityActivity& a, const TimeWindow& w) {
  if (a.repositories.empty()) return std::nullopt;
  std::set<MonthIndex> months;
  for (const auto& c : a.CommitsIn(w)) months.insert(MonthOf(c.time));
  return static_cast<double>(months.size());
}

std::optional<double> DocLanguages(const CommunityActivity& a, const TimeWindow& w) {
  if (a.repositories.empty()) return std::nullopt;
  std::set<std::string_view> languages;
  for (const auto& f : a.files) {
    if (!f.language.empty() && f.first_seen < w.end) languages.insert(f.language);
  }
  return static_cast<double>(languages.size());
}

std::optional<double> AgeMonths(const CommunityActivity& a, const TimeWindow& w) {
  if (a.first_commit == 0 || a.first_commit >= w.end) return std::nullopt;
  // Whole months from the first commit to the end of the window.
  const int64_t last_day = w.end - kSecondsPerDay;
  const CivilDate from = CivilFromDays(FloorDiv(a.first_commit, kSecondsPerDay));
  const CivilDate to = CivilFromDays(FloorDiv(last_day, kSecondsPerDay));
  int64_t months = (static_cast<int64_t>(to.year) - from.year) * 12 + (to.month - from.month);
  if (to.day < from.day) --months;
  return static_cast<double>(std::max<int64_t>(months, 0));
}

std::optional<double> CommunityFiles(const CommunityActivity& a, const TimeWindow& w) {
  if (a.repositories.empty()) return std::nullopt;  // no git data: unavailable, not zero
  std::set<std::string_view> kinds;
  for (const auto& f : a.files) {
    if (f.first_seen < w.end) kinds.insert(f.kind);
  }
  return static_cast<double>(kinds.size());
}

}  // namespace oscm::metrics
