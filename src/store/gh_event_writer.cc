#include "store/gh_event_writer.h"

namespace oscm::store {

Result<GhEventWriter> GhEventWriter::Create(SqliteDb& db) {
  OSCM_ASSIGN_OR_RETURN(auto insert, db.Prepare(
      "INSERT OR IGNORE INTO gh_events(id, repo_id, type, created_at, actor, actor_is_bot, action, number, "
      "subject_author, subject_created_at, on_pull_request, merged, merged_at, ref_type, push_size, "
      "push_distinct, release_tag, prerelease, labels, member, title) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  return GhEventWriter(&db, std::move(insert));
}

Result<bool> GhEventWriter::Insert(int64_t repo_id, const GhEvent& ev, bool actor_is_bot) {
  labels_.clear();
  for (const auto& label : ev.labels) labels_ += label + "\n";
  // The event's strings outlive Run(), so SQLite need not copy them.
  insert_.BindStatic(1, ev.id).Bind(2, repo_id).BindStatic(3, ev.type).Bind(4, ev.created_at)
      .BindStatic(5, ev.actor).Bind(6, int64_t{actor_is_bot}).BindStatic(7, ev.action).Bind(8, ev.number)
      .BindStatic(9, ev.subject_author).Bind(10, ev.subject_created_at).Bind(11, int64_t{ev.on_pull_request})
      .Bind(12, int64_t{ev.merged}).Bind(13, ev.merged_at).BindStatic(14, ev.ref_type).Bind(15, ev.push_size)
      .Bind(16, ev.push_distinct).BindStatic(17, ev.release_tag).Bind(18, int64_t{ev.prerelease})
      .BindStatic(19, labels_).BindStatic(20, ev.member).BindStatic(21, ev.title);
  OSCM_RETURN_IF_ERROR(insert_.Run());
  return db_->Changes() > 0;
}

}  // namespace oscm::store
