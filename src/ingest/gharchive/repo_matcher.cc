#include "ingest/gharchive/repo_matcher.h"

namespace oscm::ingest {

Result<RepoMatcher> RepoMatcher::Load(store::SqliteDb& db) {
  RepoMatcher m;
  OSCM_ASSIGN_OR_RETURN(auto names, db.Prepare("SELECT name, repo_id FROM gh_repo_names"));
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, names.Step());
    if (!row) break;
    m.by_name_[names.ColumnText(0)] = names.ColumnInt(1);
  }
  OSCM_ASSIGN_OR_RETURN(auto ids, db.Prepare("SELECT id, gh_id FROM gh_repos"));
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, ids.Step());
    if (!row) break;
    if (!ids.ColumnIsNull(1)) {
      m.by_gh_id_[ids.ColumnInt(1)] = ids.ColumnInt(0);
      m.gh_id_of_[ids.ColumnInt(0)] = ids.ColumnInt(1);
    }
  }
  return m;
}

int64_t RepoMatcher::Match(const std::string& lower_name, int64_t gh_id) {
  if (gh_id != 0) {
    if (auto it = by_gh_id_.find(gh_id); it != by_gh_id_.end()) {
      if (!lower_name.empty() && by_name_.emplace(lower_name, it->second).second) {
        new_names_.emplace_back(lower_name, it->second);
      }
      return it->second;
    }
  }
  auto it = by_name_.find(lower_name);
  if (it == by_name_.end()) return 0;
  const int64_t repo = it->second;
  if (gh_id != 0) {
    if (gh_id_of_.count(repo) > 0) return 0;  // the name now belongs to another repository
    gh_id_of_[repo] = gh_id;
    by_gh_id_[gh_id] = repo;
    new_ids_.emplace_back(repo, gh_id);
  }
  return repo;
}

Status RepoMatcher::Flush(store::SqliteDb& db) {
  OSCM_ASSIGN_OR_RETURN(auto set_id, db.Prepare("UPDATE gh_repos SET gh_id = ? WHERE id = ?"));
  for (const auto& [repo, gh_id] : new_ids_) {
    set_id.Bind(1, gh_id).Bind(2, repo);
    OSCM_RETURN_IF_ERROR(set_id.Run());
  }
  OSCM_ASSIGN_OR_RETURN(auto add_name, db.Prepare("INSERT OR IGNORE INTO gh_repo_names(name, repo_id) VALUES (?, ?)"));
  for (const auto& [name, repo] : new_names_) {
    add_name.Bind(1, std::string_view(name)).Bind(2, repo);
    OSCM_RETURN_IF_ERROR(add_name.Run());
  }
  new_ids_.clear();
  new_names_.clear();
  return Status::Ok();
}

void RepoMatcher::Encode(ByteWriter* w) const {
  w->U64(by_name_.size());
  for (const auto& [name, repo] : by_name_) {
    w->Str(name);
    w->I64(repo);
  }
  w->U64(by_gh_id_.size());
  for (const auto& [gh_id, repo] : by_gh_id_) {
    w->I64(gh_id);
    w->I64(repo);
  }
}

Result<RepoMatcher> RepoMatcher::Decode(ByteReader* r) {
  RepoMatcher m;
  uint64_t n = 0;
  bool ok = r->U64(&n);
  for (uint64_t i = 0; ok && i < n; ++i) {
    std::string name;
    int64_t repo = 0;
    ok = r->Str(&name) && r->I64(&repo);
    m.by_name_[name] = repo;
  }
  ok = ok && r->U64(&n);
  for (uint64_t i = 0; ok && i < n; ++i) {
    int64_t gh_id = 0;
    int64_t repo = 0;
    ok = r->I64(&gh_id) && r->I64(&repo);
    m.by_gh_id_[gh_id] = repo;
    m.gh_id_of_[repo] = gh_id;
  }
  if (!ok) return InternalError("repository matcher: malformed message");
  return m;
}

}  // namespace oscm::ingest
