#include "metrics/openrank.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace oscm::metrics {

double Activity(const ActivityRow& r, const OpenRankParams& p) {
  // OpenDigger keeps a pair only when it has an event other than a push (its valid_count).
  const int64_t valid = r.issues_opened + r.issue_comments + r.issues_closed + r.review_comments + r.prs_opened;
  if (valid <= 0) return 0;
  return p.weight_issue_opened * static_cast<double>(r.issues_opened) +
         p.weight_issue_comment * static_cast<double>(r.issue_comments) +
         p.weight_issue_closed * static_cast<double>(r.issues_closed) +
         p.weight_review_comment * static_cast<double>(r.review_comments) +
         p.weight_pr_opened * static_cast<double>(r.prs_opened) + p.weight_push * static_cast<double>(r.pushes);
}

OpenRankResult ComputeOpenRank(const std::vector<ActivityRow>& input, const std::map<OpenRankKey, double>& prior,
                               const OpenRankParams& p) {
  // Pairs in (repo, actor) order, duplicates merged: the order of the sums below is fixed.
  std::vector<ActivityRow> rows = input;
  std::sort(rows.begin(), rows.end(), [](const ActivityRow& a, const ActivityRow& b) {
    return std::tie(a.repo_id, a.actor_id) < std::tie(b.repo_id, b.actor_id);
  });
  std::vector<ActivityRow> merged;
  for (const ActivityRow& r : rows) {
    if (!merged.empty() && merged.back().repo_id == r.repo_id && merged.back().actor_id == r.actor_id) {
      ActivityRow& m = merged.back();
      m.issues_opened += r.issues_opened;
      m.issue_comments += r.issue_comments;
      m.issues_closed += r.issues_closed;
      m.review_comments += r.review_comments;
      m.prs_opened += r.prs_opened;
      m.pushes += r.pushes;
    } else {
      merged.push_back(r);
    }
  }

  struct Edge {
    uint32_t repo;
    uint32_t user;
    double activity;
  };
  std::vector<int64_t> repo_ids;
  std::vector<int64_t> user_ids;
  std::vector<Edge> edges;
  for (const ActivityRow& r : merged) {
    const double a = Activity(r, p);
    if (a <= 0) continue;
    if (repo_ids.empty() || repo_ids.back() != r.repo_id) repo_ids.push_back(r.repo_id);
    user_ids.push_back(r.actor_id);
    edges.push_back(Edge{static_cast<uint32_t>(repo_ids.size() - 1), 0, a});
  }
  std::vector<int64_t> users_sorted = user_ids;
  std::sort(users_sorted.begin(), users_sorted.end());
  users_sorted.erase(std::unique(users_sorted.begin(), users_sorted.end()), users_sorted.end());
  for (size_t i = 0; i < edges.size(); ++i) {
    edges[i].user = static_cast<uint32_t>(std::lower_bound(users_sorted.begin(), users_sorted.end(), user_ids[i]) -
                                          users_sorted.begin());
  }

  // Node layout: repos, then users, then the background.
  const size_t nr = repo_ids.size();
  const size_t nu = users_sorted.size();
  const size_t real = nr + nu;
  OpenRankResult result;
  const auto prior_of = [&](OpenRankKind kind, int64_t id) {
    const auto it = prior.find({kind, id});
    return it == prior.end() ? 0.0 : it->second;
  };
  if (real > 0) {
    std::vector<double> total(real, 0.0);  // a node's activity
    for (const Edge& e : edges) {
      total[e.repo] += e.activity;
      total[nr + e.user] += e.activity;
    }
    std::vector<double> init(real + 1, 0.0);
    std::vector<double> retention(real + 1, p.background_retention);
    for (size_t i = 0; i < nr; ++i) {
      init[i] = prior_of(OpenRankKind::kRepo, repo_ids[i]) * p.attenuation;
      retention[i] = p.repo_retention;
    }
    for (size_t i = 0; i < nu; ++i) {
      const double a = total[nr + i];
      init[nr + i] = prior_of(OpenRankKind::kUser, users_sorted[i]) * p.attenuation +
                     1.0 / (1.0 + std::exp(p.sigmoid_slope * (p.sigmoid_mid - a)));
      retention[nr + i] = p.user_retention;
    }
    const size_t bg = real;
    const double to_background = 1.0 - p.edge_share;
    const double from_background = 1.0 / static_cast<double>(real);
    std::vector<double> x = init;
    std::vector<double> in(real + 1, 0.0);
    int iterations = 0;
    for (; iterations < p.max_iterations;) {
      std::fill(in.begin(), in.end(), 0.0);
      for (const Edge& e : edges) {
        const size_t u = nr + e.user;
        in[u] += p.edge_share * e.activity / total[e.repo] * x[e.repo];
        in[e.repo] += p.edge_share * e.activity / total[u] * x[u];
      }
      double to_bg = 0;
      for (size_t v = 0; v < real; ++v) {
        in[v] += from_background * x[bg];
        to_bg += to_background * x[v];
      }
      in[bg] = to_bg;
      double moved = 0;
      for (size_t v = 0; v <= real; ++v) {
        const double next = retention[v] * init[v] + (1.0 - retention[v]) * in[v];
        moved = std::max(moved, std::fabs(next - x[v]));
        x[v] = next;
      }
      ++iterations;
      if (moved < p.tolerance) break;
    }
    const double share = x[bg] * from_background;
    for (size_t i = 0; i < nr; ++i) result.values[{OpenRankKind::kRepo, repo_ids[i]}] = {x[i] + share, false};
    for (size_t i = 0; i < nu; ++i) result.values[{OpenRankKind::kUser, users_sorted[i]}] = {x[nr + i] + share, false};
    result.nodes = static_cast<int64_t>(real + 1);
    result.edges = static_cast<int64_t>(2 * edges.size() + 2 * real);
    result.iterations = iterations;
  }
  for (const auto& [key, value] : prior) {
    if (value > p.min_value && result.values.count(key) == 0) {
      result.values[key] = {value * p.attenuation, true};
    }
  }
  return result;
}

}  // namespace oscm::metrics
