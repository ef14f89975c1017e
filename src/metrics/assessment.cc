#include "metrics/assessment.h"

#include <algorithm>
#include <map>

#include "metrics/gharchive_metrics.h"
#include "store/gh_coverage.h"

namespace oscm::metrics {

namespace {

std::vector<OrgCommits> OrgMix(const CommunityActivity& activity, const TimeWindow& w) {
  const auto commits = activity.CommitsIn(w);
  std::map<std::string, int64_t> counts;
  for (const auto& c : commits) {
    switch (c.affiliation) {
      case Affiliation::kCompany:
      case Affiliation::kFoundation:
      case Affiliation::kAcademic: ++counts[activity.orgs[static_cast<size_t>(c.org)]]; break;
      case Affiliation::kIndependent: ++counts["independent"]; break;
      case Affiliation::kUnknown: ++counts["unknown"]; break;
    }
  }
  std::vector<OrgCommits> mix;
  for (const auto& [name, n] : counts) {
    mix.push_back(OrgCommits{name, n, static_cast<double>(n) / static_cast<double>(commits.size())});
  }
  std::stable_sort(mix.begin(), mix.end(), [](const OrgCommits& a, const OrgCommits& b) { return a.commits > b.commits; });
  return mix;
}

}  // namespace

int64_t DefaultAsOf(const CommunityActivity& activity, int64_t now) {
  if (activity.last_commit == 0) return now;
  const TimeWindow recent = TrailingMonths(now, 12);
  if (activity.last_commit >= recent.begin) return now;
  return activity.last_commit;
}

Assessment Assess(const CommunityActivity& activity, int64_t as_of) {
  Assessment out;
  out.community = activity.name;
  out.repositories = activity.repositories;
  out.repository_remotes = activity.repository_remotes;
  out.as_of = FloorDiv(as_of, kSecondsPerDay) * kSecondsPerDay;
  out.window = TrailingMonths(out.as_of, 12);
  out.files = activity.files;
  out.org_mix = OrgMix(activity, out.window);
  out.first_commit = activity.first_commit;
  out.last_commit = activity.last_commit;
  if (activity.first_commit != 0 && activity.first_commit < out.window.end) {
    for (MonthIndex m = MonthOf(activity.first_commit); m <= MonthOf(out.as_of); ++m) out.months.push_back(m);
  }
  if (!out.months.empty() && MonthStart(out.months.back() + 1) != out.window.end) out.partial_month = out.months.back();
  out.gh.tracked_repositories = activity.gh_repos.size();
  out.gh.window_hours = (out.window.end - out.window.begin) / 3600;
  out.gh.archive_hours = store::CoveredSeconds(activity.gh_archive_hours, out.window) / 3600;
  out.gh.archive_share = GhCoverage(activity, out.window, GhListing::kArchiveOnly);
  if (!activity.gh_api_covered.empty()) out.gh.api_until = activity.gh_api_covered.back().end;
  for (const MetricDef& def : Registry()) {
    MetricResult r;
    r.def = &def;
    r.value = def.compute(activity, out.window);
    r.series.reserve(out.months.size());
    for (MonthIndex m : out.months) {
      TimeWindow w = MonthWindow(m);
      // The last month is cut at as_of so that the series never looks past the evaluation date.
      if (w.end > out.window.end) w.end = out.window.end;
      r.series.push_back(def.compute(activity, w));
    }
    out.metrics.push_back(std::move(r));
  }
  // Files that appeared after as_of are not part of this assessment.
  std::erase_if(out.files, [&](const FileFact& f) { return f.first_seen >= out.window.end; });
  return out;
}

}  // namespace oscm::metrics
