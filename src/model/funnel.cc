#include "model/funnel.h"

#include <algorithm>
#include <climits>
#include <unordered_map>

#include "base/strings.h"
#include "metrics/gharchive_metrics.h"
#include "model/rings.h"

namespace oscm::model {
namespace {

enum Step { kAudience = 0, kUser = 1, kContributor = 2, kCore = 3 };
constexpr const char* kStepIds[] = {"audience", "user", "contributor", "core"};
constexpr int64_t kYear = 365 * kSecondsPerDay;

// When a person first reached each step (INT64_MAX when never).
struct Journey {
  int64_t at[4] = {INT64_MAX, INT64_MAX, INT64_MAX, INT64_MAX};
  int64_t first() const { return *std::min_element(std::begin(at), std::end(at)); }
  // The step of the first appearance: the lowest step reached at the earliest time.
  int first_step() const {
    const int64_t t = first();
    for (int s = 0; s < 4; ++s) {
      if (at[s] == t) return s;
    }
    return kAudience;
  }
  // Reached a step after `from` within a year of the first appearance.
  bool advanced(int from, int64_t limit) const {
    for (int s = from + 1; s < 4; ++s) {
      if (at[s] != INT64_MAX && at[s] <= first() + kYear && at[s] <= limit) return true;
    }
    return false;
  }
};

void Reach(Journey* j, int step, int64_t time) { j->at[step] = std::min(j->at[step], time); }

}  // namespace

Funnel EvaluateFunnel(const ModelSpec& model, const metrics::CommunityActivity& a, int64_t as_of) {
  Funnel f;
  f.cohort_window = Previous(TrailingMonths(as_of, 12), 12);
  const int64_t limit = TrailingMonths(as_of, 12).end;

  // Git people, keyed by person index; GitHub-only people by lower-case login.
  std::vector<Journey> people(a.people.size());
  std::unordered_map<std::string, size_t> by_login;
  for (size_t p = 0; p < a.people.size(); ++p) {
    Reach(&people[p], kContributor, a.first_contribution[p]);
    if (!a.people_login[p].empty()) by_login.emplace(a.people_login[p], p);
  }
  // Core membership at each month end from the cohort's first month to as_of.
  for (MonthIndex m = MonthOf(f.cohort_window.begin); m <= MonthOf(as_of); ++m) {
    const int64_t end = std::min(as_of, MonthStart(m + 1) - kSecondsPerDay);
    for (int32_t p : CorePeople(a, TrailingMonths(end, 12), model.rings.core_share)) {
      Reach(&people[static_cast<size_t>(p)], kCore, end);
    }
  }
  // The first steps need GitHub events over the cohort year and the year after it.
  const bool gh = metrics::GhCovered(a, TimeWindow{f.cohort_window.begin, limit}, metrics::GhListing::kApiListed);
  if (gh) {
    for (const auto& e : a.gh_events) {
      if (e.actor < 0 || e.time >= limit) continue;
      int step = -1;
      switch (e.kind) {
        case GhKind::kStar:
        case GhKind::kFork: step = kAudience; break;
        case GhKind::kIssueOpened:
        case GhKind::kIssueComment: step = kUser; break;
        case GhKind::kPrOpened: step = kContributor; break;
        default: break;
      }
      if (step < 0) continue;
      const std::string login = AsciiLower(a.gh_actors[static_cast<size_t>(e.actor)]);
      auto [it, inserted] = by_login.emplace(login, people.size());
      if (inserted) people.emplace_back();
      Reach(&people[it->second], step, e.time);
    }
  }
  for (int s = kAudience; s < kCore; ++s) {
    FunnelStep step;
    step.from = kStepIds[s];
    step.to = kStepIds[s + 1];
    const bool measured = s == kContributor ? !a.repositories.empty() : gh;
    if (measured) {
      int64_t cohort = 0, reached = 0;
      for (const Journey& j : people) {
        if (j.first_step() != s || !f.cohort_window.Contains(j.first())) continue;
        ++cohort;
        reached += j.advanced(s, limit) ? 1 : 0;
      }
      step.cohort = cohort;
      step.reached = reached;
      if (cohort > 0) step.rate = static_cast<double>(reached) / static_cast<double>(cohort);
    }
    f.steps.push_back(step);
  }
  return f;
}

}  // namespace oscm::model
