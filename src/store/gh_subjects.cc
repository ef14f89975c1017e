#include "store/gh_subjects.h"

namespace oscm::store {

Result<GhSubjects> LoadGhSubjects(SqliteDb& db, int64_t repo_id) {
  GhSubjects subjects;
  OSCM_ASSIGN_OR_RETURN(auto q, db.Prepare(
      "SELECT number, type = 'PullRequestEvent' OR on_pull_request, subject_author, subject_created_at "
      "FROM gh_events WHERE repo_id = ? AND number != 0 AND type IN ('IssuesEvent', 'PullRequestEvent') "
      "ORDER BY created_at"));
  q.Bind(1, repo_id);
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, q.Step());
    if (!row) break;
    subjects.emplace(q.ColumnInt(0), GhSubject{q.ColumnInt(1) != 0, q.ColumnText(2), q.ColumnInt(3)});
  }
  return subjects;
}

void FillSubject(const GhSubjects& subjects, GhEvent* ev) {
  const auto it = subjects.find(ev->number);
  if (it == subjects.end()) return;
  ev->on_pull_request = ev->on_pull_request || it->second.pull_request;
  ev->subject_author = it->second.author;
  ev->subject_created_at = it->second.created_at;
}

}  // namespace oscm::store
