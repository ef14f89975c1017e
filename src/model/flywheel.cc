#include "model/flywheel.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <unordered_map>

#include "base/strings.h"
#include "metrics/gharchive_metrics.h"

namespace oscm::model {
namespace {

std::vector<double> Ranks(const std::vector<double>& v) {
  std::vector<size_t> order(v.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
  std::vector<double> ranks(v.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
    const double mid = (static_cast<double>(i) + static_cast<double>(j)) / 2 + 1;
    for (size_t k = i; k <= j; ++k) ranks[order[k]] = mid;
    i = j + 1;
  }
  return ranks;
}

std::optional<double> Growth(const std::vector<double>& v) {
  if (v.size() < 24) return std::nullopt;
  const double last = std::accumulate(v.end() - 12, v.end(), 0.0);
  const double before = std::accumulate(v.end() - 24, v.end() - 12, 0.0);
  if (before <= 0) return std::nullopt;
  return last / before - 1;
}

std::vector<double> Changes(const std::vector<double>& v) {
  std::vector<double> d;
  for (size_t i = 1; i < v.size(); ++i) d.push_back(v[i] - v[i - 1]);
  return d;
}

FlywheelLink Link(const FlywheelSeries& a, const FlywheelSeries& b, int max_lag) {
  FlywheelLink l;
  l.a = a.id;
  l.b = b.id;
  const auto da = Changes(a.values);
  const auto db = Changes(b.values);
  for (int lag = -max_lag; lag <= max_lag; ++lag) {
    std::vector<double> x, y;
    const size_t shift = static_cast<size_t>(lag < 0 ? -lag : lag);
    for (size_t t = 0; t + shift < da.size(); ++t) {
      x.push_back(lag >= 0 ? da[t] : da[t + shift]);
      y.push_back(lag >= 0 ? db[t + shift] : db[t]);
    }
    const auto rho = Spearman(x, y);
    if (rho && (!l.best_rho || *rho > *l.best_rho + 1e-12)) {
      l.best_rho = rho;
      l.best_lag = lag;
    }
    l.rho.push_back(rho);
  }
  return l;
}

}  // namespace

std::optional<double> Spearman(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size() || x.size() < 4) return std::nullopt;
  const auto rx = Ranks(x);
  const auto ry = Ranks(y);
  const double n = static_cast<double>(x.size());
  const double mean = (n + 1) / 2;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < rx.size(); ++i) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) * (rx[i] - mean);
    syy += (ry[i] - mean) * (ry[i] - mean);
  }
  if (sxx == 0 || syy == 0) return std::nullopt;
  return sxy / std::sqrt(sxx * syy);
}

Flywheel EvaluateFlywheel(const ModelSpec& model, const metrics::CommunityActivity& a, int64_t as_of) {
  Flywheel f;
  // The series end with the last month that is over: a month cut at as_of would read as a fall.
  const MonthIndex last = MonthStart(MonthOf(as_of) + 1) - kSecondsPerDay <= as_of ? MonthOf(as_of) : MonthOf(as_of) - 1;
  for (MonthIndex m = last - model.flywheel.months + 1; m <= last; ++m) f.months.push_back(m);
  const MonthIndex first = f.months.front();
  const size_t n = f.months.size();
  auto slot = [&](int64_t time) -> std::optional<size_t> {
    if (time > as_of) return std::nullopt;
    const MonthIndex m = MonthOf(time);
    if (m < first || m > last) return std::nullopt;
    return static_cast<size_t>(m - first);
  };

  // The organisation each git person mostly contributed for, to place GitHub users by login.
  std::unordered_map<std::string, int32_t> org_of_login;
  {
    std::vector<std::unordered_map<int32_t, int64_t>> per_person(a.people.size());
    for (const auto& c : a.contributions) {
      if (c.company()) ++per_person[static_cast<size_t>(c.person)][c.org];
    }
    for (size_t p = 0; p < a.people.size(); ++p) {
      if (a.people_login[p].empty() || per_person[p].empty()) continue;
      const auto best = std::max_element(per_person[p].begin(), per_person[p].end(), [](const auto& x, const auto& y) {
        return x.second < y.second || (x.second == y.second && x.first > y.first);
      });
      org_of_login[a.people_login[p]] = best->first;
    }
  }

  std::vector<std::set<int32_t>> orgs(n);
  std::vector<std::set<int32_t>> people(n);
  f.c.values.assign(n, 0);
  f.p.values.assign(n, 0);
  f.b.values.assign(n, 0);
  for (const auto& c : a.contributions) {
    if (auto s = slot(c.time)) {
      people[*s].insert(c.person);
      if (c.company()) orgs[*s].insert(c.org);
    }
  }
  // GitHub events stand for pull requests and issue activity only where they cover the months.
  const bool gh = metrics::GhCovered(a, TimeWindow{MonthStart(first), MonthStart(last + 1)}, metrics::GhListing::kApiListed);
  for (const auto& e : a.gh_events) {
    auto s = gh ? slot(e.time) : std::nullopt;
    if (!s) continue;
    if (e.kind == GhKind::kPrMerged) f.p.values[*s] += 1;
    if ((e.kind == GhKind::kIssueOpened || e.kind == GhKind::kIssueComment) && e.actor >= 0) {
      auto it = org_of_login.find(AsciiLower(a.gh_actors[static_cast<size_t>(e.actor)]));
      if (it != org_of_login.end()) orgs[*s].insert(it->second);
    }
  }
  if (!gh) {
    for (const auto& c : a.commits) {
      if (auto s = slot(c.time)) f.p.values[*s] += 1;
    }
  }
  // Only adopters with a declared start date: a list read from a file says nothing about when.
  for (const auto& fact : a.profile) {
    if (fact.kind != "adopter" || fact.since == 0) continue;
    if (auto s = slot(fact.since)) f.b.values[*s] += 1;
  }
  f.new_contributors.assign(n, 0);
  f.releases.assign(n, 0);
  for (size_t p = 0; p < a.first_contribution.size(); ++p) {
    if (auto s = slot(a.first_contribution[p])) f.new_contributors[*s] += 1;
  }
  for (const auto& r : a.versions) {
    if (auto s = slot(r.time)) f.releases[*s] += 1;
  }
  for (size_t i = 0; i < n; ++i) {
    f.b.values[i] += static_cast<double>(orgs[i].size());
    f.c.values[i] = static_cast<double>(people[i].size());
  }
  f.b.id = "b";
  f.b.basis = gh ? "organisations contributing or opening/commenting on issues, plus new adopters"
                       : "organisations contributing, plus new adopters";
  f.c.id = "c";
  f.c.basis = "active contributors";
  f.p.id = "p";
  f.p.basis = gh ? "merged pull requests" : "commits";
  double growth_sum = 0;
  int growth_n = 0;
  f.b.growth = Growth(f.b.values);
  f.c.growth = Growth(f.c.values);
  f.p.growth = Growth(f.p.values);
  for (const std::optional<double>& g : {f.b.growth, f.c.growth, f.p.growth}) {
    if (g) {
      growth_sum += *g;
      ++growth_n;
    }
  }
  if (growth_n > 0) f.momentum = growth_sum / growth_n;
  f.max_lag = model.flywheel.max_lag;
  f.links = {Link(f.b, f.c, f.max_lag), Link(f.c, f.p, f.max_lag), Link(f.p, f.b, f.max_lag)};
  return f;
}

}  // namespace oscm::model
