#include "metrics/git_metrics.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "metrics/gharchive_metrics.h"

namespace oscm::metrics {

size_t WindowMonthsCount(const std::set<MonthIndex>& months, const TimeWindow& w) {
  const MonthIndex first = MonthOf(w.begin);
  const MonthIndex last = MonthOf(w.end - 1);
  // A trailing window that starts mid-month touches one more calendar month than it is long: its
  // partial first and last months together make one month.
  if (first == last || MonthStart(first) == w.begin) return months.size();
  const bool ends = months.count(first) > 0 || months.count(last) > 0;
  return months.size() - months.count(first) - months.count(last) + (ends ? 1 : 0);
}

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
    if (c.company()) orgs.insert(c.org);
  }
  return static_cast<double>(orgs.size());
}

namespace {

std::vector<int64_t> CommitsPerOrg(const CommunityActivity& a, const TimeWindow& w) {
  std::unordered_map<int32_t, int64_t> per_org;
  for (const auto& c : a.CommitsIn(w)) {
    if (c.company()) ++per_org[c.org];
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

// The git history covers every window from the first commit to the walk, so a window without work
// is a measured 0 (nobody carries it), not missing data; before the first commit there is no history.
namespace {
bool HasHistoryIn(const CommunityActivity& a, const TimeWindow& w) {
  return !a.repositories.empty() && a.first_commit != 0 && a.first_commit < w.end;
}
}  // namespace

std::optional<double> ElephantFactor(const CommunityActivity& a, const TimeWindow& w) {
  if (!HasHistoryIn(a, w)) return std::nullopt;
  return HalfCoverCount(CommitsPerOrg(a, w)).value_or(0);
}

std::optional<double> BusFactor(const CommunityActivity& a, const TimeWindow& w) {
  if (!HasHistoryIn(a, w)) return std::nullopt;
  std::unordered_map<int32_t, int64_t> per_person;
  for (const auto& c : a.ContributionsIn(w)) ++per_person[c.person];
  std::vector<int64_t> counts;
  for (const auto& [p, n] : per_person) counts.push_back(n);
  return HalfCoverCount(std::move(counts)).value_or(0);
}

namespace {

// The versions released in the window (see ReleasedVersions). Without a git repository only
// GitHub releases say anything, and only over a window the GitHub events cover.
std::optional<std::vector<VersionRelease>> ReleasesIn(const CommunityActivity& a, const TimeWindow& w) {
  if (a.repositories.empty() && !GhCovered(a, w, GhListing::kApiListed)) return std::nullopt;
  auto lo = std::lower_bound(a.versions.begin(), a.versions.end(), w.begin,
                             [](const VersionRelease& r, int64_t t) { return r.time < t; });
  std::vector<VersionRelease> out;
  for (; lo != a.versions.end() && lo->time < w.end; ++lo) out.push_back(*lo);
  return out;
}

}  // namespace

std::optional<double> Releases(const CommunityActivity& a, const TimeWindow& w) {
  const auto in = ReleasesIn(a, w);
  if (!in) return std::nullopt;
  return static_cast<double>(in->size());
}

std::optional<double> ReleaseMonths(const CommunityActivity& a, const TimeWindow& w) {
  const auto in = ReleasesIn(a, w);
  if (!in) return std::nullopt;
  std::set<MonthIndex> months;
  for (const auto& r : *in) months.insert(MonthOf(r.time));
  return static_cast<double>(WindowMonthsCount(months, w));
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
  for (const auto& c : commits) n += c.affiliation == Affiliation::kCompany ? 1 : 0;
  return static_cast<double>(n) / static_cast<double>(commits.size());
}

std::optional<double> ActiveMonths(const CommunityActivity& a, const TimeWindow& w) {
  if (a.repositories.empty()) return std::nullopt;
  std::set<MonthIndex> months;
  for (const auto& c : a.CommitsIn(w)) months.insert(MonthOf(c.time));
  return static_cast<double>(WindowMonthsCount(months, w));
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
  // Whole months from the first commit to the last one up to the window's end: a community ages
  // only while it is active, so a dormant one does not gain maturity by waiting.
  const auto before_end = a.CommitsIn(TimeWindow{a.first_commit, w.end});
  const int64_t last = before_end.empty() ? a.first_commit : before_end.back().time;
  const int64_t last_day = std::min(w.end - kSecondsPerDay, last);
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
