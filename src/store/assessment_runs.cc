#include "store/assessment_runs.h"

#include <fmt/format.h>

namespace oscm::store {
namespace {

std::optional<std::string> OptionalText(const SqliteStatement& q, int column) {
  if (q.ColumnIsNull(column)) return std::nullopt;
  return q.ColumnText(column);
}

std::string JoinPossible(const std::vector<std::string>& quadrants) {
  std::string out;
  for (const auto& q : quadrants) out += (out.empty() ? "" : ",") + q;
  return out;
}

Result<std::vector<RunScore>> ScoresOf(SqliteDb& db, int64_t run_id) {
  OSCM_ASSIGN_OR_RETURN(auto q, db.Prepare(
      "SELECT s.dimension, s.value, s.low, s.high, s.coverage FROM assessment_scores s "
      "WHERE s.run_id = ? ORDER BY s.rowid"));
  q.Bind(1, run_id);
  std::vector<RunScore> scores;
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, q.Step());
    if (!row) break;
    RunScore s;
    s.dimension = q.ColumnText(0);
    if (!q.ColumnIsNull(1)) s.value = q.ColumnDouble(1);
    s.low = q.ColumnDouble(2);
    s.high = q.ColumnDouble(3);
    s.coverage = q.ColumnDouble(4);
    scores.push_back(std::move(s));
  }
  return scores;
}

}  // namespace

const RunScore* AssessmentRun::Score(std::string_view dimension) const {
  for (const RunScore& s : scores) {
    if (s.dimension == dimension) return &s;
  }
  return nullptr;
}

Result<bool> RecordAssessmentRun(Store& store, const AssessmentRun& run) {
  SqliteDb& db = store.db();
  OSCM_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db));
  OSCM_ASSIGN_OR_RETURN(const int64_t community_id, store.CommunityId(run.community));
  OSCM_ASSIGN_OR_RETURN(auto latest, db.Prepare(
      "SELECT id, stage, quadrant, quadrant_possible FROM assessment_runs WHERE community_id = ? AND as_of = ? AND model = ? "
      "AND model_version = ? AND landscape = ? ORDER BY recorded_at DESC, id DESC LIMIT 1"));
  latest.Bind(1, community_id).Bind(2, run.as_of).Bind(3, std::string_view(run.model))
      .Bind(4, std::string_view(run.model_version)).Bind(5, std::string_view(run.landscape));
  OSCM_ASSIGN_OR_RETURN(const bool has_latest, latest.Step());
  if (has_latest) {
    const int64_t id = latest.ColumnInt(0);
    const bool same_verdict = OptionalText(latest, 1) == run.stage && OptionalText(latest, 2) == run.quadrant &&
                              latest.ColumnText(3) == JoinPossible(run.quadrant_possible);
    latest.Reset();
    OSCM_ASSIGN_OR_RETURN(const std::vector<RunScore> scores, ScoresOf(db, id));
    if (same_verdict && scores == run.scores) return false;
  }
  OSCM_ASSIGN_OR_RETURN(auto insert, db.Prepare(
      "INSERT INTO assessment_runs (community_id, as_of, model, model_version, landscape, recorded_at, stage, quadrant, "
      "quadrant_possible) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  insert.Bind(1, community_id).Bind(2, run.as_of).Bind(3, std::string_view(run.model))
      .Bind(4, std::string_view(run.model_version)).Bind(5, std::string_view(run.landscape))
      .Bind(6, run.recorded_at).Bind(7, run.stage).Bind(8, run.quadrant);
  const std::string possible = JoinPossible(run.quadrant_possible);
  insert.Bind(9, std::string_view(possible));
  OSCM_RETURN_IF_ERROR(insert.Run());
  const int64_t run_id = db.LastInsertRowId();
  OSCM_ASSIGN_OR_RETURN(auto score, db.Prepare(
      "INSERT INTO assessment_scores (run_id, dimension, value, low, high, coverage) VALUES (?, ?, ?, ?, ?, ?)"));
  for (const RunScore& s : run.scores) {
    score.Bind(1, run_id).Bind(2, std::string_view(s.dimension));
    if (s.value) {
      score.BindDouble(3, *s.value);
    } else {
      score.BindNull(3);
    }
    score.BindDouble(4, s.low).BindDouble(5, s.high).BindDouble(6, s.coverage);
    OSCM_RETURN_IF_ERROR(score.Run());
  }
  OSCM_RETURN_IF_ERROR(txn.Commit());
  return true;
}

Result<std::vector<AssessmentRun>> AssessmentRuns(Store& store, const std::string& community) {
  SqliteDb& db = store.db();
  OSCM_ASSIGN_OR_RETURN(const int64_t community_id, store.CommunityId(community));
  OSCM_ASSIGN_OR_RETURN(auto q, db.Prepare(
      "SELECT id, as_of, model, model_version, landscape, recorded_at, stage, quadrant, quadrant_possible FROM assessment_runs "
      "WHERE community_id = ? ORDER BY as_of, recorded_at, id"));
  q.Bind(1, community_id);
  std::vector<std::pair<int64_t, AssessmentRun>> rows;
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, q.Step());
    if (!row) break;
    AssessmentRun r;
    r.community = community;
    r.as_of = q.ColumnInt(1);
    r.model = q.ColumnText(2);
    r.model_version = q.ColumnText(3);
    r.landscape = q.ColumnText(4);
    r.recorded_at = q.ColumnInt(5);
    r.stage = OptionalText(q, 6);
    r.quadrant = OptionalText(q, 7);
    const std::string possible = q.ColumnText(8);
    for (std::string_view rest = possible; !rest.empty();) {
      const size_t comma = rest.find(',');
      r.quadrant_possible.emplace_back(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    rows.emplace_back(q.ColumnInt(0), std::move(r));
  }
  std::vector<AssessmentRun> runs;
  for (auto& [id, r] : rows) {
    OSCM_ASSIGN_OR_RETURN(r.scores, ScoresOf(db, id));
    runs.push_back(std::move(r));
  }
  return runs;
}

}  // namespace oscm::store
