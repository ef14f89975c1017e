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
  insert_.Bind(1, std::string_view(ev.id)).Bind(2, repo_id).Bind(3, std::string_view(ev.type))
      .Bind(4, ev.created_at).Bind(5, std::string_view(ev.actor)).Bind(6, int64_t{actor_is_bot})
      .Bind(7, std::string_view(ev.action)).Bind(8, ev.number).Bind(9, std::string_view(ev.subject_author))
      .Bind(10, ev.subject_created_at).Bind(11, int64_t{ev.on_pull_request}).Bind(12, int64_t{ev.merged})
      .Bind(13, ev.merged_at).Bind(14, std::string_view(ev.ref_type)).Bind(15, ev.push_size)
      .Bind(16, ev.push_distinct).Bind(17, std::string_view(ev.release_tag)).Bind(18, int64_t{ev.prerelease})
      .Bind(19, std::string_view(labels_)).Bind(20, std::string_view(ev.member))
      .Bind(21, std::string_view(ev.title));
  OSCM_RETURN_IF_ERROR(insert_.Run());
  return db_->Changes() > 0;
}

}  // namespace oscm::store
