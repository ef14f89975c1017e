// OpenRank: the influence of repositories and people in one month of GitHub activity, as
// OpenDigger computes its global OpenRank (X-lab; https://open-digger.cn/en/docs/user_docs/metrics/global_openrank,
// implementation src/cron/tasks/globalOpenrank.ts of X-lab2017/open-digger and the Pregel
// algorithm of X-lab2017/openrank-neo4j-gds).
//
// The graph of a month: a node per repository and per person with activity there, and one
// background node. Each (repository, person) pair with activity a (OpenDigger's weights:
// 22.235 per issue opened, 5.252 per issue comment, 9.712 per issue closed, 7.427 per review
// comment, 40.679 per pull request opened, 14.695 per push; a pair counts only with at least one
// event other than a push) gives two edges, repository -> person with weight 0.95 a / A(repo)
// and person -> repository with weight 0.95 a / A(person), A being a node's total activity.
// Every node gives 0.05 to the background node, which gives 1/(N-1) back to each of the N-1
// others, so every node's outgoing weights sum to 1.
//
// Each node has an initial value i (its own value last month times the attenuation 0.85, plus,
// for a person, 1 / (1 + exp(0.10425 (44.08 - A)))) and a retention factor r (person 0.5,
// repository 0.3, background 0.15). The values x are iterated, all at once, from x = i:
//   x'(v) = r(v) i(v) + (1 - r(v)) sum over edges u -> v of w(u, v) x(u)
// until no value moves by `tolerance` or more (0.01), at most `max_iterations` (100) times, as
// OpenDigger's Pregel run does. A node's OpenRank is its x plus the background's x / (N-1).
// Nodes of last month with no activity this month and a value above `min_value` (1) keep that
// value times the attenuation, marked legacy, so influence fades rather than vanishes.
//
// The result depends only on the month's activity rows and last month's values, taken in a
// fixed order (by id), so it is the same whichever files or processes the activity came from.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace oscm::metrics {

struct OpenRankParams {
  double weight_issue_opened = 22.235;
  double weight_issue_comment = 5.252;
  double weight_issue_closed = 9.712;
  double weight_review_comment = 7.427;
  double weight_pr_opened = 40.679;
  double weight_push = 14.695;
  double user_retention = 0.5;
  double repo_retention = 0.3;
  double background_retention = 0.15;
  double attenuation = 0.85;   // of last month's value, in the prior and for inactive nodes
  double min_value = 1.0;      // inactive nodes at or below it are dropped
  double sigmoid_slope = 0.10425;
  double sigmoid_mid = 44.08;  // half the upper quartile of people's monthly activity (OpenDigger)
  double edge_share = 0.95;    // of a node's value that flows along activity; the rest to the background
  double tolerance = 0.01;
  int max_iterations = 100;
};

// One (repository, person) pair of a month.
struct ActivityRow {
  int64_t repo_id = 0;
  int64_t actor_id = 0;
  int64_t issues_opened = 0;
  int64_t issue_comments = 0;
  int64_t issues_closed = 0;
  int64_t review_comments = 0;
  int64_t prs_opened = 0;
  int64_t pushes = 0;
};

enum class OpenRankKind : uint8_t { kRepo, kUser };
using OpenRankKey = std::pair<OpenRankKind, int64_t>;

// Last month's values, sorted by key, one entry per key.
using OpenRankPrior = std::vector<std::pair<OpenRankKey, double>>;

struct OpenRankValue {
  double value = 0;
  bool legacy = false;
};

struct OpenRankResult {
  std::vector<std::pair<OpenRankKey, OpenRankValue>> values;  // active and legacy nodes, by key
  int64_t nodes = 0;       // of the graph, the background included
  int64_t edges = 0;       // activity edges (two per pair) and background edges
  int iterations = 0;

  const OpenRankValue* Find(const OpenRankKey& key) const;
};

// The weighted activity of a row (0 when it does not count: no event other than pushes).
double Activity(const ActivityRow& row, const OpenRankParams& params);

// Builds a month's graph from its activity rows, streamed in (repo_id, actor_id) order (rows of
// the same pair in a row are added up), keeping 24 bytes per counted pair and nothing of the
// rows, then computes it. Memory: the graph of one month, never its events.
class OpenRankGraph {
 public:
  explicit OpenRankGraph(const OpenRankParams& params = {}) : params_(params) {}
  // REQUIRES: rows in non-decreasing (repo_id, actor_id) order.
  void Add(const ActivityRow& row);
  // Computes the month from what was added and last month's values.
  OpenRankResult Compute(const OpenRankPrior& prior);

 private:
  void Flush();
  struct Edge {
    uint32_t repo;
    uint32_t user;  // an index into user_ids_ until Compute makes it one into the sorted users
    double activity;
  };
  OpenRankParams params_;
  ActivityRow pending_;
  bool has_pending_ = false;
  std::vector<int64_t> repo_ids_;
  std::vector<int64_t> user_ids_;  // per edge until Compute
  std::vector<Edge> edges_;
};

// OpenRank of one month from its activity rows (any order; duplicates of a pair add up) and
// the previous month's values (empty for the first month).
OpenRankResult ComputeOpenRank(std::vector<ActivityRow> rows, const OpenRankPrior& prior,
                               const OpenRankParams& params = {});

}  // namespace oscm::metrics
