#include "metrics/openrank_store.h"

#include <fmt/format.h>

#include "base/time.h"

namespace oscm::metrics {
namespace {

using store::SqliteDb;

Result<MonthIndex> ParseMonth(const std::string& month) {
  OSCM_ASSIGN_OR_RETURN(const int64_t t, ParseDate(month + "-01"));
  return MonthOf(t);
}

const char* KindName(OpenRankKind kind) { return kind == OpenRankKind::kRepo ? "repo" : "user"; }

Result<OpenRankMonthStats> ComputeMonth(SqliteDb& db, const std::string& month, const OpenRankParams& params) {
  OSCM_ASSIGN_OR_RETURN(const MonthIndex m, ParseMonth(month));
  const std::string previous = FormatMonth(m - 1);
  // Both read in primary-key order: the prior sorted by (kind, id), the activity by (repo, actor),
  // so that neither is sorted or held here beyond what the graph keeps.
  OpenRankPrior prior;
  OSCM_ASSIGN_OR_RETURN(auto load_prior, db.Prepare("SELECT kind, id, value FROM gh_openrank WHERE month = ? ORDER BY kind, id"));
  load_prior.Bind(1, std::string_view(previous));
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, load_prior.Step());
    if (!row) break;
    const OpenRankKind kind = load_prior.ColumnText(0) == "repo" ? OpenRankKind::kRepo : OpenRankKind::kUser;
    prior.push_back({{kind, load_prior.ColumnInt(1)}, load_prior.ColumnDouble(2)});
  }
  OpenRankGraph graph(params);
  OSCM_ASSIGN_OR_RETURN(auto load, db.Prepare(
      "SELECT repo_id, actor_id, issues_opened, issue_comments, issues_closed, review_comments, prs_opened, pushes "
      "FROM gh_activity WHERE month = ? ORDER BY repo_id, actor_id"));
  load.Bind(1, std::string_view(month));
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, load.Step());
    if (!row) break;
    graph.Add(ActivityRow{load.ColumnInt(0), load.ColumnInt(1), load.ColumnInt(2), load.ColumnInt(3),
                          load.ColumnInt(4), load.ColumnInt(5), load.ColumnInt(6), load.ColumnInt(7)});
  }
  const OpenRankResult result = graph.Compute(prior);
  prior = {};

  OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db));
  OSCM_ASSIGN_OR_RETURN(auto clear, db.Prepare("DELETE FROM gh_openrank WHERE month = ?"));
  clear.Bind(1, std::string_view(month));
  OSCM_RETURN_IF_ERROR(clear.Run());
  OSCM_ASSIGN_OR_RETURN(auto put, db.Prepare("INSERT INTO gh_openrank(month, kind, id, value, legacy) VALUES (?,?,?,?,?)"));
  for (const auto& [key, v] : result.values) {
    put.Bind(1, std::string_view(month)).Bind(2, std::string_view(KindName(key.first))).Bind(3, key.second)
        .BindDouble(4, v.value).Bind(5, int64_t{v.legacy});
    OSCM_RETURN_IF_ERROR(put.Run());
  }
  OSCM_ASSIGN_OR_RETURN(auto done, db.Prepare(
      "UPDATE gh_openrank_months SET dirty = 0, nodes = ?, edges = ?, iterations = ? WHERE month = ?"));
  done.Bind(1, result.nodes).Bind(2, result.edges).Bind(3, int64_t{result.iterations}).Bind(4, std::string_view(month));
  OSCM_RETURN_IF_ERROR(done.Run());
  OSCM_RETURN_IF_ERROR(txn.Commit());
  return OpenRankMonthStats{month, result.nodes, result.edges, result.iterations};
}

}  // namespace

Result<std::vector<OpenRankMonthStats>> UpdateOpenRank(SqliteDb& db, ProgressSink& progress,
                                                       const std::atomic<bool>* cancel, const OpenRankParams& params) {
  std::vector<std::string> months;
  {
    OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db));
    OSCM_ASSIGN_OR_RETURN(auto first, db.Prepare("SELECT MIN(month) FROM gh_openrank_months WHERE dirty = 1"));
    OSCM_ASSIGN_OR_RETURN(const bool row, first.Step());
    if (!row || first.ColumnIsNull(0)) return std::vector<OpenRankMonthStats>();
    const std::string from = first.ColumnText(0);
    OSCM_ASSIGN_OR_RETURN(auto mark, db.Prepare("UPDATE gh_openrank_months SET dirty = 1 WHERE month >= ?"));
    mark.Bind(1, std::string_view(from));
    OSCM_RETURN_IF_ERROR(mark.Run());
    OSCM_ASSIGN_OR_RETURN(auto list, db.Prepare("SELECT month FROM gh_openrank_months WHERE dirty = 1 ORDER BY month"));
    while (true) {
      OSCM_ASSIGN_OR_RETURN(const bool more, list.Step());
      if (!more) break;
      months.push_back(list.ColumnText(0));
    }
    OSCM_RETURN_IF_ERROR(txn.Commit());
  }
  std::vector<OpenRankMonthStats> done;
  for (size_t i = 0; i < months.size(); ++i) {
    if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) return CancelledError("interrupted");
    progress.Update(fmt::format("OpenRank {}", months[i]), i, months.size(), ProgressUnit::kItems);
    OSCM_ASSIGN_OR_RETURN(OpenRankMonthStats s, ComputeMonth(db, months[i], params));
    done.push_back(std::move(s));
  }
  progress.Done();
  return done;
}

Result<std::optional<double>> RepoOpenRank(SqliteDb& db, int64_t repo_id, std::string_view month) {
  OSCM_ASSIGN_OR_RETURN(auto computed, db.Prepare("SELECT dirty FROM gh_openrank_months WHERE month = ?"));
  computed.Bind(1, month);
  OSCM_ASSIGN_OR_RETURN(const bool row, computed.Step());
  if (!row) return std::optional<double>();
  OSCM_ASSIGN_OR_RETURN(auto q, db.Prepare("SELECT value FROM gh_openrank WHERE month = ? AND kind = 'repo' AND id = ?"));
  q.Bind(1, month).Bind(2, repo_id);
  OSCM_ASSIGN_OR_RETURN(const bool found, q.Step());
  return std::optional<double>(found ? q.ColumnDouble(0) : 0.0);
}

}  // namespace oscm::metrics
