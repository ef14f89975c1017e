#include "metrics/openrank.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace oscm::metrics {
namespace {

template <typename Entry>
auto FindSorted(const std::vector<Entry>& v, const OpenRankKey& key) {
  const auto it = std::lower_bound(v.begin(), v.end(), key, [](const Entry& e, const OpenRankKey& k) { return e.first < k; });
  return it != v.end() && it->first == key ? it : v.end();
}

}  // namespace

const OpenRankValue* OpenRankResult::Find(const OpenRankKey& key) const {
  const auto it = FindSorted(values, key);
  return it == values.end() ? nullptr : &it->second;
}

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

void OpenRankGraph::Add(const ActivityRow& r) {
  if (has_pending_ && pending_.repo_id == r.repo_id && pending_.actor_id == r.actor_id) {
    pending_.issues_opened += r.issues_opened;
    pending_.issue_comments += r.issue_comments;
    pending_.issues_closed += r.issues_closed;
    pending_.review_comments += r.review_comments;
    pending_.prs_opened += r.prs_opened;
    pending_.pushes += r.pushes;
    return;
  }
  Flush();
  pending_ = r;
  has_pending_ = true;
}

void OpenRankGraph::Flush() {
  if (!has_pending_) return;
  has_pending_ = false;
  const double a = Activity(pending_, params_);
  if (a <= 0) return;
  if (repo_ids_.empty() || repo_ids_.back() != pending_.repo_id) repo_ids_.push_back(pending_.repo_id);
  user_ids_.push_back(pending_.actor_id);
  edges_.push_back(Edge{static_cast<uint32_t>(repo_ids_.size() - 1), 0, a});
}

OpenRankResult OpenRankGraph::Compute(const OpenRankPrior& prior) {
  Flush();
  const OpenRankParams& p = params_;
  std::vector<int64_t> users = user_ids_;
  std::sort(users.begin(), users.end());
  users.erase(std::unique(users.begin(), users.end()), users.end());
  for (size_t i = 0; i < edges_.size(); ++i) {
    edges_[i].user = static_cast<uint32_t>(std::lower_bound(users.begin(), users.end(), user_ids_[i]) - users.begin());
  }
  user_ids_ = {};

  // Node layout: repos, then users, then the background.
  const size_t nr = repo_ids_.size();
  const size_t nu = users.size();
  const size_t real = nr + nu;
  OpenRankResult result;
  const auto prior_of = [&](OpenRankKind kind, int64_t id) {
    const auto it = FindSorted(prior, OpenRankKey{kind, id});
    return it == prior.end() ? 0.0 : it->second;
  };
  if (real > 0) {
    std::vector<double> total(real, 0.0);  // a node's activity
    for (const Edge& e : edges_) {
      total[e.repo] += e.activity;
      total[nr + e.user] += e.activity;
    }
    std::vector<double> init(real + 1, 0.0);
    std::vector<double> retention(real + 1, p.background_retention);
    for (size_t i = 0; i < nr; ++i) {
      init[i] = prior_of(OpenRankKind::kRepo, repo_ids_[i]) * p.attenuation;
      retention[i] = p.repo_retention;
    }
    for (size_t i = 0; i < nu; ++i) {
      init[nr + i] = prior_of(OpenRankKind::kUser, users[i]) * p.attenuation +
                     1.0 / (1.0 + std::exp(p.sigmoid_slope * (p.sigmoid_mid - total[nr + i])));
      retention[nr + i] = p.user_retention;
    }
    const size_t bg = real;
    const double to_background = 1.0 - p.edge_share;
    const double from_background = 1.0 / static_cast<double>(real);
    std::vector<double> x = init;
    std::vector<double> in(real + 1, 0.0);
    int iterations = 0;
    while (iterations < p.max_iterations) {
      std::fill(in.begin(), in.end(), 0.0);
      for (const Edge& e : edges_) {
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
    result.values.reserve(real);
    for (size_t i = 0; i < nr; ++i) result.values.push_back({{OpenRankKind::kRepo, repo_ids_[i]}, {x[i] + share, false}});
    for (size_t i = 0; i < nu; ++i) result.values.push_back({{OpenRankKind::kUser, users[i]}, {x[nr + i] + share, false}});
    result.nodes = static_cast<int64_t>(real + 1);
    result.edges = static_cast<int64_t>(2 * edges_.size() + 2 * real);
    result.iterations = iterations;
  }
  // Last month's nodes without activity now fade (the active ones are sorted: repos, then users).
  const size_t active = result.values.size();
  for (const auto& [key, value] : prior) {
    if (value <= p.min_value) continue;
    const auto end = result.values.begin() + static_cast<std::ptrdiff_t>(active);
    const auto it = std::lower_bound(result.values.begin(), end, key,
                                     [](const auto& e, const OpenRankKey& k) { return e.first < k; });
    if (it == end || it->first != key) result.values.push_back({key, {value * p.attenuation, true}});
  }
  std::inplace_merge(result.values.begin(), result.values.begin() + static_cast<std::ptrdiff_t>(active),
                     result.values.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return result;
}

OpenRankResult ComputeOpenRank(std::vector<ActivityRow> rows, const OpenRankPrior& prior, const OpenRankParams& params) {
  std::sort(rows.begin(), rows.end(), [](const ActivityRow& a, const ActivityRow& b) {
    return std::tie(a.repo_id, a.actor_id) < std::tie(b.repo_id, b.actor_id);
  });
  OpenRankGraph graph(params);
  for (const ActivityRow& r : rows) graph.Add(r);
  rows = {};
  return graph.Compute(prior);
}

}  // namespace oscm::metrics
