#include "store/gh_event_writer.h"

namespace oscm::store {
namespace {

constexpr int kColumns = 21;

std::string InsertSql(size_t rows) {
  std::string sql =
      "INSERT OR IGNORE INTO gh_events(id, repo_id, type, created_at, actor, actor_is_bot, action, number, "
      "subject_author, subject_created_at, on_pull_request, merged, merged_at, ref_type, push_size, "
      "push_distinct, release_tag, prerelease, labels, member, title) VALUES ";
  for (size_t r = 0; r < rows; ++r) sql += r == 0 ? "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  return sql;
}

}  // namespace

Result<GhEventWriter> GhEventWriter::Create(SqliteDb& db) {
  OSCM_ASSIGN_OR_RETURN(auto insert, db.Prepare(InsertSql(1)));
  OSCM_ASSIGN_OR_RETURN(auto insert_many, db.Prepare(InsertSql(kRowsPerStatement)));
  return GhEventWriter(&db, std::move(insert), std::move(insert_many));
}

void GhEventWriter::BindRow(SqliteStatement& stmt, int first, const Row& row, std::string* labels) {
  const GhEvent& ev = *row.event;
  labels->clear();
  for (const auto& label : ev.labels) *labels += label + "\n";
  // The event's strings outlive the statement's run, so SQLite need not copy them.
  const int i = first - 1;
  stmt.BindStatic(i + 1, ev.id).Bind(i + 2, row.repo_id).BindStatic(i + 3, ev.type).Bind(i + 4, ev.created_at)
      .BindStatic(i + 5, ev.actor).Bind(i + 6, int64_t{row.actor_is_bot}).BindStatic(i + 7, ev.action)
      .Bind(i + 8, ev.number).BindStatic(i + 9, ev.subject_author).Bind(i + 10, ev.subject_created_at)
      .Bind(i + 11, int64_t{ev.on_pull_request}).Bind(i + 12, int64_t{ev.merged}).Bind(i + 13, ev.merged_at)
      .BindStatic(i + 14, ev.ref_type).Bind(i + 15, ev.push_size).Bind(i + 16, ev.push_distinct)
      .BindStatic(i + 17, ev.release_tag).Bind(i + 18, int64_t{ev.prerelease}).BindStatic(i + 19, *labels)
      .BindStatic(i + 20, ev.member).BindStatic(i + 21, ev.title);
}

Result<bool> GhEventWriter::Insert(int64_t repo_id, const GhEvent& ev, bool actor_is_bot) {
  BindRow(insert_, 1, Row{repo_id, &ev, actor_is_bot}, &labels_[0]);
  OSCM_RETURN_IF_ERROR(insert_.Run());
  return db_->Changes() > 0;
}

Result<int64_t> GhEventWriter::InsertAll(const std::vector<Row>& rows) {
  int64_t added = 0;
  size_t r = 0;
  for (; r + kRowsPerStatement <= rows.size(); r += kRowsPerStatement) {
    for (size_t k = 0; k < kRowsPerStatement; ++k) {
      BindRow(insert_many_, static_cast<int>(k) * kColumns + 1, rows[r + k], &labels_[k]);
    }
    OSCM_RETURN_IF_ERROR(insert_many_.Run());
    added += db_->Changes();
  }
  for (; r < rows.size(); ++r) {
    OSCM_ASSIGN_OR_RETURN(const bool stored, Insert(rows[r].repo_id, *rows[r].event, rows[r].actor_is_bot));
    added += stored ? 1 : 0;
  }
  return added;
}

}  // namespace oscm::store
