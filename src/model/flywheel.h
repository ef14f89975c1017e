// The B-C-P flywheel (TiDB's model): enterprise users (B), talent (C) and product (P) as monthly
// series over the model's flywheel window, each one's growth, and how strongly each leads each
// other: Spearman rank correlations between month-over-month changes of one series and later
// changes of another, at lags -max_lag..max_lag months. These are associations, not causes.
//
//   B  organisations engaged in the month: organisations with a contribution, or whose people
//      opened or commented on issues (GitHub logins matched to git identities), plus adopters
//      that started using the project that month (profile adopters with a `since` date);
//   C  active contributors in the month (new contributors shown beside it);
//   P  merged changes in the month: merged pull requests when GH data is present, else commits
//      (releases shown beside it).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "metrics/activity.h"
#include "oscm/model_spec.h"

namespace oscm::model {

struct FlywheelSeries {
  std::string id;     // "b", "c", "p"
  std::string basis;  // what was counted
  std::vector<double> values;  // per month
  std::optional<double> growth;  // last 12 months' sum over the previous 12 months', minus 1
};

// Two series a and b. At lag k > 0, a's changes are compared with b's k months later (a leads);
// at k < 0, b leads by -k months; at 0 they move together.
struct FlywheelLink {
  std::string a, b;  // series ids
  // Per lag -max_lag..max_lag (index lag + max_lag); nullopt when too few points or no variation.
  std::vector<std::optional<double>> rho;
  std::optional<int> best_lag;  // the lag with the highest rho
  std::optional<double> best_rho;
};

struct Flywheel {
  std::vector<MonthIndex> months;
  FlywheelSeries b, c, p;
  std::vector<double> new_contributors;  // per month: people whose first contribution it was
  std::vector<double> releases;          // per month: versions first tagged (not pre-releases)
  int max_lag = 0;
  std::vector<FlywheelLink> links;  // b-c, c-p, p-b
  std::optional<double> momentum;   // mean growth of the series with one
};

Flywheel EvaluateFlywheel(const ModelSpec& model, const metrics::CommunityActivity& activity, int64_t as_of);

// Mid-ranks (1-based; ties share the mean of their ranks) of `v`.
std::vector<double> Ranks(const std::vector<double>& v);

// Spearman's rank correlation (average ranks for ties); nullopt for fewer than 4 pairs or a
// constant series. Exposed for tests.
std::optional<double> Spearman(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace oscm::model
