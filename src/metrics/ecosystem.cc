#include "metrics/ecosystem.h"

#include <algorithm>

#include <fmt/format.h>

namespace oscm::metrics {

Result<std::optional<double>> RepoMonthPercentile(store::SqliteDb& db, std::string_view metric,
                                                  std::string_view month, double value) {
  if (std::find(std::begin(kRepoMonthMetrics), std::end(kRepoMonthMetrics), metric) == std::end(kRepoMonthMetrics)) {
    return InvalidArgumentError(fmt::format("'{}' is not a metric of gh_repo_months", metric));
  }
  // `metric` is one of the column names above, so formatting it into the SQL is safe.
  OSCM_ASSIGN_OR_RETURN(auto q, db.Prepare(fmt::format(
      "SELECT COUNT(*), TOTAL({0} < ?1), TOTAL({0} = ?1) FROM gh_repo_months WHERE month = ?2", metric)));
  q.BindDouble(1, value).Bind(2, month);
  OSCM_ASSIGN_OR_RETURN(const bool row, q.Step());
  if (!row || q.ColumnInt(0) == 0) return std::optional<double>();
  const double n = static_cast<double>(q.ColumnInt(0));
  return std::optional<double>(100.0 * (q.ColumnDouble(1) + q.ColumnDouble(2) / 2) / n);
}

}  // namespace oscm::metrics
