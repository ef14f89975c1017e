#include "metrics/openrank.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>

namespace oscm::metrics {
namespace {

constexpr OpenRankKind kRepo = OpenRankKind::kRepo;
constexpr OpenRankKind kUser = OpenRankKind::kUser;

// A pair with `comments` issue comments and `prs` pull requests opened.
ActivityRow Pair(int64_t repo, int64_t actor, int64_t comments, int64_t prs = 0) {
  ActivityRow r;
  r.repo_id = repo;
  r.actor_id = actor;
  r.issue_comments = comments;
  r.prs_opened = prs;
  return r;
}

double Value(const OpenRankResult& r, OpenRankKind kind, int64_t id) {
  const OpenRankValue* v = r.Find({kind, id});
  return v == nullptr ? -1 : v->value;
}

// The fixed point of OpenDigger's equations, solved directly (dense Gaussian elimination) from
// the documented graph, independently of ComputeOpenRank's iteration.
std::map<OpenRankKey, double> Exact(const std::vector<ActivityRow>& rows, const OpenRankPrior& prior,
                                    const OpenRankParams& p) {
  std::vector<OpenRankKey> nodes;
  std::map<OpenRankKey, double> activity;
  std::map<std::pair<OpenRankKey, OpenRankKey>, double> pair_activity;
  for (const auto& r : rows) {
    const double a = Activity(r, p);
    if (a <= 0) continue;
    const OpenRankKey repo{kRepo, r.repo_id}, user{kUser, r.actor_id};
    activity[repo] += a;
    activity[user] += a;
    pair_activity[{repo, user}] += a;
  }
  for (const auto& [k, a] : activity) nodes.push_back(k);
  const size_t n = nodes.size() + 1;  // + background
  const size_t bg = n - 1;
  auto index = [&](const OpenRankKey& k) {
    return static_cast<size_t>(std::lower_bound(nodes.begin(), nodes.end(), k) - nodes.begin());
  };
  std::vector<std::vector<double>> w(n, std::vector<double>(n, 0.0));  // w[u][v]: u -> v
  for (const auto& [pair, a] : pair_activity) {
    const size_t r = index(pair.first), u = index(pair.second);
    w[r][u] += 0.95 * a / activity[pair.first];
    w[u][r] += 0.95 * a / activity[pair.second];
  }
  for (size_t v = 0; v < bg; ++v) {
    w[v][bg] = 0.05;
    w[bg][v] = 1.0 / static_cast<double>(bg);
  }
  std::vector<double> init(n, 0.0), ret(n, p.background_retention);
  for (size_t v = 0; v < bg; ++v) {
    const auto it = std::find_if(prior.begin(), prior.end(), [&](const auto& e) { return e.first == nodes[v]; });
    init[v] = (it == prior.end() ? 0 : it->second) * p.attenuation;
    const bool user = nodes[v].first == kUser;
    if (user) init[v] += 1 / (1 + std::exp(p.sigmoid_slope * (p.sigmoid_mid - activity[nodes[v]])));
    ret[v] = user ? p.user_retention : p.repo_retention;
  }
  // (I - (1-R) W^T) x = R init
  std::vector<std::vector<double>> m(n, std::vector<double>(n + 1, 0.0));
  for (size_t v = 0; v < n; ++v) {
    m[v][v] = 1;
    for (size_t u = 0; u < n; ++u) m[v][u] -= (1 - ret[v]) * w[u][v];
    m[v][n] = ret[v] * init[v];
  }
  for (size_t c = 0; c < n; ++c) {
    size_t pivot = c;
    for (size_t r = c + 1; r < n; ++r) {
      if (std::fabs(m[r][c]) > std::fabs(m[pivot][c])) pivot = r;
    }
    std::swap(m[c], m[pivot]);
    for (size_t r = 0; r < n; ++r) {
      if (r == c) continue;
      const double f = m[r][c] / m[c][c];
      for (size_t k = c; k <= n; ++k) m[r][k] -= f * m[c][k];
    }
  }
  std::map<OpenRankKey, double> out;
  const double share = m[bg][n] / m[bg][bg] / static_cast<double>(bg);
  for (size_t v = 0; v < bg; ++v) out[nodes[v]] = m[v][n] / m[v][v] + share;
  return out;
}

TEST(OpenRankTest, MatchesTheExactFixedPointOfOpenDiggersEquations) {
  std::mt19937 rng(7);
  std::vector<ActivityRow> rows;
  std::set<std::pair<int64_t, int64_t>> seen;  // one row per pair, as the store holds them
  for (int i = 0; i < 40; ++i) {
    ActivityRow r = Pair(100 + rng() % 6, 1 + rng() % 15, rng() % 5, rng() % 3);
    if (!seen.insert({r.repo_id, r.actor_id}).second) continue;
    r.issues_opened = rng() % 2;
    r.issues_closed = rng() % 2;
    r.review_comments = rng() % 4;
    r.pushes = rng() % 3;
    rows.push_back(r);
  }
  const OpenRankPrior prior = {{{kRepo, 101}, 12.0}, {{kUser, 3}, 4.5}, {{kUser, 999}, 2.0}};
  OpenRankParams p;
  p.tolerance = 1e-13;
  p.max_iterations = 10000;
  const OpenRankResult got = ComputeOpenRank(rows, prior, p);
  const auto exact = Exact(rows, prior, p);
  ASSERT_FALSE(exact.empty());
  for (const auto& [key, value] : exact) {
    const OpenRankValue* v = got.Find(key);
    ASSERT_NE(v, nullptr) << key.second;
    EXPECT_NEAR(v->value, value, 1e-9) << key.second;
    EXPECT_FALSE(v->legacy);
  }
  // User 999 was not active: last month's value, attenuated, marked legacy.
  ASSERT_NE(got.Find({kUser, 999}), nullptr);
  EXPECT_DOUBLE_EQ(got.Find({kUser, 999})->value, 2.0 * 0.85);
  EXPECT_TRUE(got.Find({kUser, 999})->legacy);
  EXPECT_TRUE(std::is_sorted(got.values.begin(), got.values.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; }));
  EXPECT_EQ(got.nodes, static_cast<int64_t>(exact.size()) + 1);
}

TEST(OpenRankTest, SymmetricRepositoriesRankEqually) {
  const OpenRankResult r = ComputeOpenRank({Pair(1, 10, 3), Pair(2, 20, 3)}, {});
  EXPECT_GT(Value(r, kRepo, 1), 0);
  EXPECT_DOUBLE_EQ(Value(r, kRepo, 1), Value(r, kRepo, 2));
  EXPECT_DOUBLE_EQ(Value(r, kUser, 10), Value(r, kUser, 20));
}

TEST(OpenRankTest, KnownRankings) {
  // Repository 1 has five active people, 2 has one as active as each of them, 3 has one
  // barely active person: 1 > 2 > 3.
  std::vector<ActivityRow> rows = {Pair(2, 50, 4), Pair(3, 60, 1)};
  for (int64_t u = 10; u < 15; ++u) rows.push_back(Pair(1, u, 4));
  const OpenRankResult r = ComputeOpenRank(rows, {});
  EXPECT_GT(Value(r, kRepo, 1), Value(r, kRepo, 2));
  EXPECT_GT(Value(r, kRepo, 2), Value(r, kRepo, 3));
  EXPECT_GT(Value(r, kUser, 50), Value(r, kUser, 60));  // more activity, more influence

  // Influence flows: repositories 4 and 5 each get the same activity from one person, but 4's is
  // an influential developer (a high value last month): 4 ranks above 5, and its person above 5's.
  const OpenRankResult flow =
      ComputeOpenRank({Pair(4, 70, 2), Pair(5, 80, 2)}, {{{kUser, 70}, 40.0}, {{kUser, 80}, 0.5}});
  EXPECT_GT(Value(flow, kRepo, 4), Value(flow, kRepo, 5));
  EXPECT_GT(Value(flow, kUser, 70), Value(flow, kUser, 80));

  // Long-termism: with last month's value as prior, an otherwise identical repository ranks higher.
  const OpenRankResult with_prior = ComputeOpenRank({Pair(1, 10, 3), Pair(2, 20, 3)}, {{{kRepo, 2}, 50.0}});
  EXPECT_GT(Value(with_prior, kRepo, 2), Value(with_prior, kRepo, 1));
}

TEST(OpenRankTest, PushOnlyPairsAndInactivePriorsBelowTheMinimumAreLeftOut) {
  ActivityRow push_only;
  push_only.repo_id = 9;
  push_only.actor_id = 90;
  push_only.pushes = 10;
  const OpenRankResult r = ComputeOpenRank({Pair(1, 10, 1), push_only}, {{{kRepo, 7}, 0.9}, {{kRepo, 8}, 1.5}});
  EXPECT_EQ(r.Find({kRepo, 9}), nullptr);
  EXPECT_EQ(r.Find({kUser, 90}), nullptr);
  EXPECT_EQ(r.Find({kRepo, 7}), nullptr);
  EXPECT_DOUBLE_EQ(Value(r, kRepo, 8), 1.5 * 0.85);
  EXPECT_EQ(Activity(push_only, OpenRankParams{}), 0);
  EXPECT_TRUE(ComputeOpenRank({}, {}).values.empty());
}

TEST(OpenRankTest, RowsMergeInAnyOrderToTheSameValues) {
  // Activity split across files (or processes) and read in any order gives identical values.
  std::mt19937 rng(11);
  std::vector<ActivityRow> whole;
  for (int i = 0; i < 200; ++i) whole.push_back(Pair(rng() % 20, rng() % 60, 1 + rng() % 4, rng() % 2));
  std::vector<ActivityRow> split;
  for (const auto& r : whole) {
    ActivityRow a = r, b = r;
    a.issue_comments = r.issue_comments / 2;
    b.issue_comments = r.issue_comments - a.issue_comments;
    b.prs_opened = 0;
    split.push_back(a);
    split.push_back(b);
  }
  std::shuffle(split.begin(), split.end(), rng);
  const OpenRankResult one = ComputeOpenRank(whole, {});
  const OpenRankResult other = ComputeOpenRank(split, {});
  ASSERT_EQ(one.values.size(), other.values.size());
  for (const auto& [key, v] : one.values) EXPECT_EQ(other.Find(key)->value, v.value);  // bit for bit
  EXPECT_EQ(one.iterations, other.iterations);
}

}  // namespace
}  // namespace oscm::metrics
