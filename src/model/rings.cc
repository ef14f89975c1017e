#include "model/rings.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "base/strings.h"
#include "metrics/gharchive_metrics.h"

namespace oscm::model {
namespace {

struct PersonCount {
  int32_t person;
  int64_t contributions;
};

// People of the window by contributions, most first (ties by first contribution, then index).
std::vector<PersonCount> Ranked(const metrics::CommunityActivity& a, const TimeWindow& w, int64_t* total) {
  std::unordered_map<int32_t, int64_t> per_person;
  *total = 0;
  for (const auto& c : a.ContributionsIn(w)) {
    ++per_person[c.person];
    ++*total;
  }
  std::vector<PersonCount> ranked;
  for (const auto& [p, n] : per_person) ranked.push_back({p, n});
  std::sort(ranked.begin(), ranked.end(), [&](const PersonCount& x, const PersonCount& y) {
    if (x.contributions != y.contributions) return x.contributions > y.contributions;
    const int64_t fx = a.first_contribution[static_cast<size_t>(x.person)];
    const int64_t fy = a.first_contribution[static_cast<size_t>(y.person)];
    return fx != fy ? fx < fy : x.person < y.person;
  });
  return ranked;
}

size_t CoreSize(const std::vector<PersonCount>& ranked, int64_t total, double share) {
  int64_t sum = 0;
  for (size_t i = 0; i < ranked.size(); ++i) {
    sum += ranked[i].contributions;
    if (static_cast<double>(sum) >= share * static_cast<double>(total) - 1e-9) return i + 1;
  }
  return ranked.size();
}

}  // namespace

std::vector<int32_t> CorePeople(const metrics::CommunityActivity& a, const TimeWindow& w, double share) {
  int64_t total = 0;
  const auto ranked = Ranked(a, w, &total);
  std::vector<int32_t> core;
  for (size_t i = 0; i < CoreSize(ranked, total, share); ++i) core.push_back(ranked[i].person);
  std::sort(core.begin(), core.end());
  return core;
}

TalentRings EvaluateRings(const ModelSpec& model, const metrics::CommunityActivity& a, const TimeWindow& w) {
  TalentRings r;
  int64_t total = 0;
  const auto ranked = Ranked(a, w, &total);
  const size_t core = CoreSize(ranked, total, model.rings.core_share);
  std::unordered_map<int32_t, std::set<MonthIndex>> months;
  // person -> what they contributed for -> contributions; organisations by name, else
  // "independent" or "unknown" (see activity.h).
  std::unordered_map<int32_t, std::map<std::string, int64_t>> orgs;
  for (const auto& c : a.ContributionsIn(w)) {
    months[c.person].insert(MonthOf(c.time));
    if (c.org >= 0) {
      ++orgs[c.person][a.orgs[static_cast<size_t>(c.org)]];
    } else {
      ++orgs[c.person][c.affiliation == metrics::Affiliation::kIndependent ? "independent" : "unknown"];
    }
  }
  const double regular_limit = (model.rings.core_share + model.rings.regular_share) * static_cast<double>(total);
  int64_t sum = 0;
  std::map<std::string, int64_t> core_orgs;
  std::unordered_set<std::string> contributor_logins;
  for (size_t i = 0; i < ranked.size(); ++i) {
    const int32_t p = ranked[i].person;
    if (!a.people_login[static_cast<size_t>(p)].empty()) contributor_logins.insert(a.people_login[static_cast<size_t>(p)]);
    const bool within_regular = static_cast<double>(sum) < regular_limit - 1e-9;
    sum += ranked[i].contributions;
    if (i < core) {
      ++r.core;
      const auto& per_org = orgs[p];
      const auto best = std::max_element(per_org.begin(), per_org.end(),
                                         [](const auto& x, const auto& y) { return x.second < y.second; });
      ++core_orgs[best->first];
    } else if (within_regular && static_cast<int>(months[p].size()) >= model.rings.regular_min_months) {
      ++r.regular;
    } else {
      ++r.casual;
    }
  }
  for (const auto& [name, n] : core_orgs) r.core_orgs.push_back({name, n});
  std::sort(r.core_orgs.begin(), r.core_orgs.end(), [](const OrgPeople& x, const OrgPeople& y) {
    return x.people != y.people ? x.people > y.people : x.name < y.name;
  });
  if (metrics::GhCovered(a, w, metrics::GhListing::kApiListed)) {
    std::set<int32_t> users, audience, coders;
    for (const auto& e : a.GhEventsIn(w)) {
      if (e.actor < 0) continue;
      switch (e.kind) {
        case GhKind::kIssueOpened:
        case GhKind::kIssueComment: users.insert(e.actor); break;
        case GhKind::kStar:
        case GhKind::kFork: audience.insert(e.actor); break;
        case GhKind::kPrOpened:
        case GhKind::kReview: coders.insert(e.actor); break;
        default: break;
      }
    }
    auto is_coder = [&](int32_t actor) {
      return coders.count(actor) > 0 || contributor_logins.count(AsciiLower(a.gh_actors[static_cast<size_t>(actor)])) > 0;
    };
    int64_t nu = 0, na = 0;
    for (int32_t u : users) nu += is_coder(u) ? 0 : 1;
    for (int32_t x : audience) na += (is_coder(x) || users.count(x) > 0) ? 0 : 1;
    r.users = nu;
    r.audience = na;
  }
  return r;
}

}  // namespace oscm::model
