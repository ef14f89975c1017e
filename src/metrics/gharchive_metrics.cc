#include "metrics/gharchive_metrics.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "store/gh_coverage.h"

namespace oscm::metrics {

double GhCoverage(const CommunityActivity& a, const TimeWindow& w, GhListing listing) {
  if (w.end <= w.begin) return 0;
  const double seconds = static_cast<double>(w.end - w.begin);
  const int64_t archive = store::CoveredSeconds(a.gh_archive_hours, w);
  if (listing == GhListing::kArchiveOnly || a.gh_api_covered.empty()) return static_cast<double>(archive) / seconds;
  // Either source covers an instant; the API's ranges and the archive's hours may overlap.
  std::vector<TimeWindow> both = a.gh_archive_hours;
  both.insert(both.end(), a.gh_api_covered.begin(), a.gh_api_covered.end());
  std::sort(both.begin(), both.end(), [](const TimeWindow& x, const TimeWindow& y) { return x.begin < y.begin; });
  std::vector<TimeWindow> merged;
  for (const auto& r : both) {
    if (!merged.empty() && r.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, r.end);
    } else {
      merged.push_back(r);
    }
  }
  return static_cast<double>(store::CoveredSeconds(merged, w)) / seconds;
}

bool GhCovered(const CommunityActivity& a, const TimeWindow& w, GhListing listing) {
  return GhCoverage(a, w, listing) + 1e-9 >= kMinGhCoverage;
}

namespace {

std::optional<double> CountKind(const CommunityActivity& a, const TimeWindow& w, GhKind kind, bool people_only) {
  // Stars, issues, pull requests and releases are what the GitHub API lists in full; forks are not.
  if (!GhCovered(a, w, kind == GhKind::kFork ? GhListing::kArchiveOnly : GhListing::kApiListed)) return std::nullopt;
  int64_t n = 0;
  for (const auto& e : a.GhEventsIn(w)) n += (e.kind == kind && (!people_only || e.actor >= 0)) ? 1 : 0;
  return static_cast<double>(n);
}

std::optional<double> DistinctActors(const CommunityActivity& a, const TimeWindow& w, GhKind kind) {
  // The API lists reviews only as review comments (approvals without one are missing).
  if (!GhCovered(a, w, kind == GhKind::kReview ? GhListing::kArchiveOnly : GhListing::kApiListed)) return std::nullopt;
  std::unordered_set<int32_t> actors;
  for (const auto& e : a.GhEventsIn(w)) {
    if (e.kind == kind && e.actor >= 0) actors.insert(e.actor);
  }
  return static_cast<double>(actors.size());
}

constexpr double kHour = 3600.0;

}  // namespace

std::optional<double> Median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

std::optional<double> Stars(const CommunityActivity& a, const TimeWindow& w) { return CountKind(a, w, GhKind::kStar, false); }

std::optional<double> StarsTotal(const CommunityActivity& a, const TimeWindow& w) {
  // Every star ever: only the API's stargazer listing reaches back to the repository's creation.
  if (a.gh_api_covered.empty() || a.gh_api_covered.front().begin > w.begin) return std::nullopt;
  if (!GhCovered(a, TimeWindow{a.gh_api_covered.front().begin, w.end}, GhListing::kApiListed)) return std::nullopt;
  int64_t n = 0;
  for (const auto& e : a.GhEventsIn(TimeWindow{INT64_MIN, w.end})) n += e.kind == GhKind::kStar ? 1 : 0;
  return static_cast<double>(n);
}

std::optional<double> Forks(const CommunityActivity& a, const TimeWindow& w) { return CountKind(a, w, GhKind::kFork, false); }
std::optional<double> IssuesOpened(const CommunityActivity& a, const TimeWindow& w) { return CountKind(a, w, GhKind::kIssueOpened, true); }
std::optional<double> IssuesClosed(const CommunityActivity& a, const TimeWindow& w) { return CountKind(a, w, GhKind::kIssueClosed, false); }
std::optional<double> IssueAuthors(const CommunityActivity& a, const TimeWindow& w) { return DistinctActors(a, w, GhKind::kIssueOpened); }
std::optional<double> PrsOpened(const CommunityActivity& a, const TimeWindow& w) { return CountKind(a, w, GhKind::kPrOpened, true); }
std::optional<double> PrsMerged(const CommunityActivity& a, const TimeWindow& w) { return CountKind(a, w, GhKind::kPrMerged, false); }
std::optional<double> PrAuthors(const CommunityActivity& a, const TimeWindow& w) { return DistinctActors(a, w, GhKind::kPrOpened); }
std::optional<double> Reviewers(const CommunityActivity& a, const TimeWindow& w) { return DistinctActors(a, w, GhKind::kReview); }
std::optional<double> ReleasesPublished(const CommunityActivity& a, const TimeWindow& w) { return CountKind(a, w, GhKind::kRelease, false); }

std::optional<double> IssueFirstResponseHours(const CommunityActivity& a, const TimeWindow& w) {
  if (!GhCovered(a, w, GhListing::kApiListed)) return std::nullopt;
  // Issues opened in the window, then the first comment by another person up to the window's
  // end (never later: the metric must not look past the evaluation date).
  struct Open {
    int64_t time;
    int32_t author;
    int64_t first_response = 0;
  };
  std::map<std::pair<int32_t, int64_t>, Open> open;
  for (const auto& e : a.GhEventsIn(w)) {
    if (e.kind == GhKind::kIssueOpened && e.actor >= 0 && e.number != 0) {
      open.emplace(std::make_pair(e.repo, e.number), Open{e.time, e.actor});
    } else if (e.kind == GhKind::kIssueComment && e.actor >= 0) {
      auto it = open.find({e.repo, e.number});
      if (it != open.end() && it->second.first_response == 0 && e.actor != it->second.author) {
        it->second.first_response = e.time;
      }
    }
  }
  std::vector<double> hours;
  for (const auto& [key, o] : open) {
    if (o.first_response != 0) hours.push_back(static_cast<double>(o.first_response - o.time) / kHour);
  }
  return Median(std::move(hours));
}

std::optional<double> IssueCloseHours(const CommunityActivity& a, const TimeWindow& w) {
  if (!GhCovered(a, w, GhListing::kApiListed)) return std::nullopt;
  std::vector<double> hours;
  for (const auto& e : a.GhEventsIn(w)) {
    if (e.kind == GhKind::kIssueClosed && e.subject_created_at > 0 && e.time >= e.subject_created_at) {
      hours.push_back(static_cast<double>(e.time - e.subject_created_at) / kHour);
    }
  }
  return Median(std::move(hours));
}

std::optional<double> PrMergeHours(const CommunityActivity& a, const TimeWindow& w) {
  if (!GhCovered(a, w, GhListing::kApiListed)) return std::nullopt;
  std::vector<double> hours;
  for (const auto& e : a.GhEventsIn(w)) {
    if (e.kind != GhKind::kPrMerged || e.subject_created_at <= 0) continue;
    const int64_t merged = e.merged_at != 0 ? e.merged_at : e.time;
    if (merged >= e.subject_created_at) hours.push_back(static_cast<double>(merged - e.subject_created_at) / kHour);
  }
  return Median(std::move(hours));
}

std::optional<double> ActiveActors(const CommunityActivity& a, const TimeWindow& w) {
  // Every kind of event counts, and the API does not list pushes or forks.
  if (!GhCovered(a, w, GhListing::kArchiveOnly)) return std::nullopt;
  std::unordered_set<int32_t> actors;
  for (const auto& e : a.GhEventsIn(w)) {
    if (e.actor >= 0) actors.insert(e.actor);
  }
  return static_cast<double>(actors.size());
}

std::optional<double> NewActors(const CommunityActivity& a, const TimeWindow& w) {
  if (!GhCovered(a, w, GhListing::kArchiveOnly)) return std::nullopt;
  std::unordered_set<int32_t> actors;
  for (const auto& e : a.GhEventsIn(w)) {
    if (e.actor >= 0 && w.Contains(a.gh_first_seen[static_cast<size_t>(e.actor)])) actors.insert(e.actor);
  }
  return static_cast<double>(actors.size());
}

std::optional<double> TitleLanguages(const CommunityActivity& a, const TimeWindow& w) {
  if (!GhCovered(a, w, GhListing::kApiListed)) return std::nullopt;
  int64_t per_language[4] = {0, 0, 0, 0};
  int64_t total = 0;
  for (const auto& e : a.GhEventsIn(w)) {
    if (e.title_language == TextLanguage::kNone) continue;
    ++per_language[static_cast<int>(e.title_language)];
    ++total;
  }
  if (total == 0) return std::nullopt;
  int n = 0;
  for (int64_t c : per_language) n += c * 10 >= total && c > 0 ? 1 : 0;
  return n;
}

}  // namespace oscm::metrics
