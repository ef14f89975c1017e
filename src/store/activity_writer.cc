#include "store/activity_writer.h"

#include <fmt/format.h>

namespace oscm::store {

Result<ActivityWriter> ActivityWriter::Create(SqliteDb& db) {
  ActivityWriter w(&db);
  auto prep = [&](std::optional<SqliteStatement>* slot, const char* sql) -> Status {
    OSCM_ASSIGN_OR_RETURN(auto stmt, db.Prepare(sql));
    slot->emplace(std::move(stmt));
    return Status::Ok();
  };
  OSCM_RETURN_IF_ERROR(prep(&w.insert_identity_,
      "INSERT OR IGNORE INTO identities(key, name, email, login, is_bot) VALUES (?, ?, ?, ?, ?)"));
  OSCM_RETURN_IF_ERROR(prep(&w.select_identity_, "SELECT id, is_bot FROM identities WHERE key = ?"));
  OSCM_RETURN_IF_ERROR(prep(&w.update_bot_, "UPDATE identities SET is_bot = ? WHERE id = ?"));
  OSCM_RETURN_IF_ERROR(prep(&w.insert_alias_,
      "INSERT OR IGNORE INTO identity_aliases(name, email, identity_id) VALUES (?, ?, ?)"));
  OSCM_RETURN_IF_ERROR(prep(&w.insert_org_, "INSERT INTO organisations(name, kind) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET kind = excluded.kind "
      "WHERE kind != excluded.kind"));
  OSCM_RETURN_IF_ERROR(prep(&w.select_org_, "SELECT id FROM organisations WHERE name = ?"));
  OSCM_RETURN_IF_ERROR(prep(&w.insert_identity_org_,
                            "INSERT OR REPLACE INTO identity_orgs(identity_id, org_id, rule, source) VALUES (?, ?, ?, ?)"));
  OSCM_RETURN_IF_ERROR(prep(&w.insert_commit_,
      "INSERT OR IGNORE INTO commits(repo_id, oid, author_id, committer_id, author_time, author_offset, "
      "committer_time, committer_offset, parents, parent_count, org_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
  OSCM_RETURN_IF_ERROR(prep(&w.insert_contributor_,
      "INSERT OR IGNORE INTO commit_contributors(commit_id, identity_id, role, org_id) VALUES (?,?,?,?)"));
  OSCM_RETURN_IF_ERROR(prep(&w.insert_file_,
      "INSERT OR IGNORE INTO commit_files(commit_id, path, added, deleted) VALUES (?,?,?,?)"));
  OSCM_RETURN_IF_ERROR(prep(&w.insert_numstat_done_,
      "INSERT OR IGNORE INTO numstat_done(commit_id) VALUES (?)"));
  return w;
}

Result<int64_t> ActivityWriter::IdentityId(const IdentityRow& row, std::string_view raw_name,
                                           std::string_view raw_email) {
  int64_t id = 0;
  if (auto it = identities_.find(row.key); it != identities_.end()) {
    id = it->second.id;
    if (it->second.is_bot != row.is_bot) {
      update_bot_->Bind(1, int64_t{row.is_bot}).Bind(2, id);
      OSCM_RETURN_IF_ERROR(update_bot_->Run());
      it->second.is_bot = row.is_bot;
    }
  } else {
    insert_identity_->Bind(1, std::string_view(row.key)).Bind(2, std::string_view(row.name))
        .Bind(3, std::string_view(row.email)).Bind(4, row.login).Bind(5, int64_t{row.is_bot});
    OSCM_RETURN_IF_ERROR(insert_identity_->Run());
    select_identity_->Bind(1, std::string_view(row.key));
    OSCM_ASSIGN_OR_RETURN(const bool found, select_identity_->Step());
    OSCM_ASSERT(found, "identity row just inserted");
    id = select_identity_->ColumnInt(0);
    const bool stored_bot = select_identity_->ColumnInt(1) != 0;
    select_identity_->Reset();
    if (stored_bot != row.is_bot) {
      update_bot_->Bind(1, int64_t{row.is_bot}).Bind(2, id);
      OSCM_RETURN_IF_ERROR(update_bot_->Run());
    }
    identities_.emplace(row.key, CachedIdentity{id, row.is_bot});
  }
  std::string alias_key;
  alias_key.reserve(raw_name.size() + raw_email.size() + 1);
  alias_key.append(raw_name).push_back('\0');
  alias_key.append(raw_email);
  if (aliases_.insert(alias_key).second) {
    insert_alias_->Bind(1, raw_name).Bind(2, raw_email).Bind(3, id);
    OSCM_RETURN_IF_ERROR(insert_alias_->Run());
  }
  return id;
}

Result<int64_t> ActivityWriter::OrganisationId(const std::string& name, std::string_view kind) {
  if (auto it = orgs_.find(name); it != orgs_.end()) return it->second;
  insert_org_->Bind(1, std::string_view(name)).Bind(2, kind);
  OSCM_RETURN_IF_ERROR(insert_org_->Run());
  select_org_->Bind(1, std::string_view(name));
  OSCM_ASSIGN_OR_RETURN(const bool found, select_org_->Step());
  OSCM_ASSERT(found, "organisation row just inserted");
  const int64_t id = select_org_->ColumnInt(0);
  select_org_->Reset();
  orgs_.emplace(name, id);
  return id;
}

Status ActivityWriter::RecordIdentityOrg(int64_t identity_id, int64_t org_id, std::string_view rule,
                                         std::string_view source) {
  if (!identity_orgs_.emplace(identity_id, org_id).second) return Status::Ok();
  insert_identity_org_->Bind(1, identity_id).Bind(2, org_id).Bind(3, rule).Bind(4, source);
  return insert_identity_org_->Run();
}

Result<std::optional<int64_t>> ActivityWriter::InsertCommit(int64_t repo_id, const CommitRecord& c,
                                                            int64_t author_id, int64_t committer_id,
                                                            int64_t org_id) {
  std::string parents;
  for (const auto& p : c.parents) {
    if (!parents.empty()) parents += ' ';
    parents += p;
  }
  insert_commit_->Bind(1, repo_id).Bind(2, std::string_view(c.oid)).Bind(3, author_id)
      .Bind(4, committer_id).Bind(5, c.author.time).Bind(6, int64_t{c.author.offset_minutes})
      .Bind(7, c.committer.time).Bind(8, int64_t{c.committer.offset_minutes})
      .Bind(9, std::string_view(parents)).Bind(10, static_cast<int64_t>(c.parents.size())).Bind(11, org_id);
  OSCM_RETURN_IF_ERROR(insert_commit_->Run());
  if (db_->Changes() == 0) return std::optional<int64_t>();
  return std::optional<int64_t>(db_->LastInsertRowId());
}

Status ActivityWriter::InsertContributor(int64_t commit_id, int64_t identity_id, std::string_view role,
                                         int64_t org_id) {
  insert_contributor_->Bind(1, commit_id).Bind(2, identity_id).Bind(3, role).Bind(4, org_id);
  return insert_contributor_->Run();
}

Status ActivityWriter::InsertFileChanges(int64_t commit_id, const std::vector<FileChange>& files) {
  for (const auto& f : files) {
    insert_file_->Bind(1, commit_id).Bind(2, std::string_view(f.path));
    if (f.missing) {
      insert_file_->BindNull(3).BindNull(4);
    } else {
      insert_file_->Bind(3, f.added).Bind(4, f.deleted);
    }
    OSCM_RETURN_IF_ERROR(insert_file_->Run());
  }
  insert_numstat_done_->Bind(1, commit_id);
  return insert_numstat_done_->Run();
}

Status ActivityWriter::ReplaceReleases(int64_t repo_id, const std::vector<ReleaseRecord>& releases) {
  OSCM_ASSIGN_OR_RETURN(auto del, db_->Prepare("DELETE FROM releases WHERE repo_id = ?"));
  del.Bind(1, repo_id);
  OSCM_RETURN_IF_ERROR(del.Run());
  OSCM_ASSIGN_OR_RETURN(auto ins, db_->Prepare(
      "INSERT INTO releases(repo_id, tag, target_oid, released_at, annotated, major, minor, patch, "
      "prerelease_label, is_prerelease) VALUES (?,?,?,?,?,?,?,?,?,?)"));
  for (const auto& r : releases) {
    ins.Bind(1, repo_id).Bind(2, std::string_view(r.tag)).Bind(3, std::string_view(r.target_oid))
        .Bind(4, r.time).Bind(5, int64_t{r.annotated});
    if (r.version) {
      ins.Bind(6, r.version->major).Bind(7, r.version->minor).Bind(8, r.version->patch)
          .Bind(9, std::string_view(r.version->prerelease));
    } else {
      ins.BindNull(6).BindNull(7).BindNull(8).BindNull(9);
    }
    ins.Bind(10, int64_t{r.prerelease});
    OSCM_RETURN_IF_ERROR(ins.Run());
  }
  return Status::Ok();
}

Status ActivityWriter::ReplaceRepoAdopters(int64_t community_id, const std::string& location,
                                           const std::vector<CommunityFileRecord>& files) {
  const std::string prefix = "repo:" + location + ":";
  OSCM_ASSIGN_OR_RETURN(auto del, db_->Prepare(
      "DELETE FROM profile_facts WHERE community_id = ? AND substr(origin, 1, length(?)) = ?"));
  del.Bind(1, community_id).Bind(2, std::string_view(prefix)).Bind(3, std::string_view(prefix));
  OSCM_RETURN_IF_ERROR(del.Run());
  OSCM_ASSIGN_OR_RETURN(auto insert, db_->Prepare(
      "INSERT INTO profile_facts(community_id, origin, seq, kind, name, detail, since, source, as_of) "
      "VALUES (?, ?, ?, 'adopter', ?, '', ?, ?, ?)"));
  for (const auto& f : files) {
    const std::string origin = prefix + f.path;
    for (size_t i = 0; i < f.adopters.size(); ++i) {
      const int64_t since = i < f.adopters_since.size() ? f.adopters_since[i] : 0;
      insert.Bind(1, community_id).Bind(2, std::string_view(origin)).Bind(3, static_cast<int64_t>(i))
          .Bind(4, std::string_view(f.adopters[i])).Bind(5, since)
          .Bind(6, std::string_view(location + ":" + f.path)).Bind(7, f.listed_at);
      OSCM_RETURN_IF_ERROR(insert.Run());
    }
  }
  return Status::Ok();
}

Status ActivityWriter::ReplaceCommunityFiles(int64_t repo_id, const std::vector<CommunityFileRecord>& files) {
  OSCM_RETURN_IF_ERROR(db_->Exec("CREATE TEMP TABLE IF NOT EXISTS keep_paths(path TEXT PRIMARY KEY); DELETE FROM keep_paths;"));
  OSCM_ASSIGN_OR_RETURN(auto keep, db_->Prepare("INSERT OR IGNORE INTO keep_paths(path) VALUES (?)"));
  OSCM_ASSIGN_OR_RETURN(auto insert, db_->Prepare(
      "INSERT INTO community_files(repo_id, path, kind, spdx, language, first_seen, first_oid) "
      "VALUES (?,?,?,?,?,?,?) ON CONFLICT(repo_id, path) DO UPDATE SET kind = excluded.kind, "
      "spdx = excluded.spdx, language = excluded.language"));
  for (const auto& f : files) {
    keep.Bind(1, std::string_view(f.path));
    OSCM_RETURN_IF_ERROR(keep.Run());
    insert.Bind(1, repo_id).Bind(2, std::string_view(f.path)).Bind(3, std::string_view(f.kind))
        .Bind(4, std::string_view(f.spdx)).Bind(5, std::string_view(f.language))
        .Bind(6, f.first_seen).Bind(7, std::string_view(f.first_oid));
    OSCM_RETURN_IF_ERROR(insert.Run());
  }
  OSCM_ASSIGN_OR_RETURN(auto del, db_->Prepare(
      "DELETE FROM community_files WHERE repo_id = ? AND path NOT IN (SELECT path FROM keep_paths)"));
  del.Bind(1, repo_id);
  return del.Run();
}

Status ActivityWriter::ReplaceRefs(int64_t repo_id, const std::vector<std::pair<std::string, std::string>>& refs) {
  OSCM_ASSIGN_OR_RETURN(auto del, db_->Prepare("DELETE FROM repo_refs WHERE repo_id = ?"));
  del.Bind(1, repo_id);
  OSCM_RETURN_IF_ERROR(del.Run());
  OSCM_ASSIGN_OR_RETURN(auto ins, db_->Prepare("INSERT INTO repo_refs(repo_id, ref, oid) VALUES (?,?,?)"));
  for (const auto& [ref, oid] : refs) {
    ins.Bind(1, repo_id).Bind(2, std::string_view(ref)).Bind(3, std::string_view(oid));
    OSCM_RETURN_IF_ERROR(ins.Run());
  }
  return Status::Ok();
}

Status ActivityWriter::SetIdentityConfig(int64_t repo_id, const std::string& digest) {
  OSCM_ASSIGN_OR_RETURN(auto stmt, db_->Prepare("UPDATE repositories SET identity_config = ? WHERE id = ?"));
  stmt.Bind(1, std::string_view(digest)).Bind(2, repo_id);
  return stmt.Run();
}

Status ActivityWriter::LogIngest(int64_t repo_id, const IngestLogRow& row) {
  OSCM_ASSIGN_OR_RETURN(auto stmt, db_->Prepare(
      "INSERT INTO ingest_log(repo_id, source, head, commits_added, releases, bad_records, detail) "
      "VALUES (?,?,?,?,?,?,?)"));
  stmt.Bind(1, repo_id).Bind(2, std::string_view(row.source)).Bind(3, std::string_view(row.head))
      .Bind(4, row.commits_added).Bind(5, row.releases).Bind(6, row.bad_records)
      .Bind(7, std::string_view(row.detail));
  return stmt.Run();
}

}  // namespace oscm::store
