#include "ingest/profile/profile_ingest.h"

#include <fmt/format.h>

#include "store/sqlite.h"

namespace oscm::ingest {

Result<ProfileIngestResult> IngestProfile(store::Store& store, const Profile& profile) {
  OSCM_ASSIGN_OR_RETURN(auto community, store.FindCommunity(profile.community));
  if (!community) {
    return NotFoundError(fmt::format("{}: unknown community '{}' (ingest its repositories first; "
                                     "`oscm communities` lists those in the store)",
                                     profile.path, profile.community));
  }
  store::SqliteDb& db = store.db();
  OSCM_ASSIGN_OR_RETURN(auto txn, store::Transaction::Begin(db));
  OSCM_ASSIGN_OR_RETURN(auto old_rows, db.Prepare(
      "SELECT kind, name, detail, since, source, as_of FROM profile_facts "
      "WHERE community_id = ? AND origin = 'profile' ORDER BY seq"));
  old_rows.Bind(1, *community);
  ProfileIngestResult r;
  size_t i = 0;
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, old_rows.Step());
    if (!row) break;
    const ProfileFact* f = i < profile.facts.size() ? &profile.facts[i] : nullptr;
    if (f == nullptr || old_rows.ColumnText(0) != f->kind || old_rows.ColumnText(1) != f->name ||
        old_rows.ColumnText(2) != f->detail || old_rows.ColumnInt(3) != f->since ||
        old_rows.ColumnText(4) != f->source || old_rows.ColumnInt(5) != f->as_of) {
      r.changed = true;
    }
    ++i;
  }
  r.changed = r.changed || i != profile.facts.size();
  r.facts = static_cast<int64_t>(profile.facts.size());
  if (!r.changed) return r;
  OSCM_ASSIGN_OR_RETURN(auto del, db.Prepare("DELETE FROM profile_facts WHERE community_id = ? AND origin = 'profile'"));
  del.Bind(1, *community);
  OSCM_RETURN_IF_ERROR(del.Run());
  OSCM_ASSIGN_OR_RETURN(auto insert, db.Prepare(
      "INSERT INTO profile_facts(community_id, origin, seq, kind, name, detail, since, source, as_of) "
      "VALUES (?, 'profile', ?, ?, ?, ?, ?, ?, ?)"));
  int64_t seq = 0;
  for (const ProfileFact& f : profile.facts) {
    insert.Bind(1, *community).Bind(2, seq++).Bind(3, std::string_view(f.kind)).Bind(4, std::string_view(f.name))
        .Bind(5, std::string_view(f.detail)).Bind(6, f.since)
        .Bind(7, std::string_view(f.source.empty() ? profile.path : f.source)).Bind(8, f.as_of);
    OSCM_RETURN_IF_ERROR(insert.Run());
  }
  OSCM_RETURN_IF_ERROR(txn.Commit());
  return r;
}

}  // namespace oscm::ingest
