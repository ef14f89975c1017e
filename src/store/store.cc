#include "store/store.h"

#include <filesystem>

#include <fmt/format.h>

#include "store/schema.h"

namespace oscm::store {

Result<Store> Store::Open(const std::string& path, const WaitOptions& wait) {
  if (path.empty()) return InvalidArgumentError("the store path is empty");
  if (path != ":memory:") {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) return IoError(fmt::format("{}: cannot create directory: {}", parent.string(), ec.message()));
  }
  OSCM_ASSIGN_OR_RETURN(SqliteDb db, SqliteDb::Open(path, wait));
  // WAL: readers never block the writer, and an interrupted write transaction is simply absent
  // on the next open.
  // A large page cache keeps a whole-history ingest transaction in memory instead of spilling
  // pages to the WAL and reading them back.
  OSCM_RETURN_IF_ERROR(db.ExecWhileBusy("PRAGMA journal_mode = WAL"));
  OSCM_RETURN_IF_ERROR(db.Exec(
      "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY; "
      "PRAGMA mmap_size = 1073741824;"));
  OSCM_RETURN_IF_ERROR(Migrate(db));
  return Store(std::move(db));
}

Result<std::optional<int64_t>> Store::FindCommunity(const std::string& name) {
  OSCM_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("SELECT id FROM communities WHERE name = ?"));
  stmt.Bind(1, std::string_view(name));
  OSCM_ASSIGN_OR_RETURN(const bool row, stmt.Step());
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(stmt.ColumnInt(0));
}

Result<int64_t> Store::CommunityId(const std::string& name) {
  OSCM_ASSIGN_OR_RETURN(const std::optional<int64_t> id, FindCommunity(name));
  if (!id) return NotFoundError(fmt::format("no community '{}' in {} (oscm communities lists them)", name, path()));
  return *id;
}

Result<int64_t> Store::EnsureCommunity(const std::string& name) {
  OSCM_ASSIGN_OR_RETURN(auto existing, FindCommunity(name));
  if (existing) return *existing;
  OSCM_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("INSERT INTO communities(name) VALUES (?)"));
  stmt.Bind(1, std::string_view(name));
  OSCM_RETURN_IF_ERROR(stmt.Run());
  return db_.LastInsertRowId();
}

Result<std::vector<std::string>> Store::CommunityNames() {
  OSCM_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("SELECT name FROM communities ORDER BY name"));
  std::vector<std::string> names;
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) break;
    names.push_back(stmt.ColumnText(0));
  }
  return names;
}

Result<std::optional<RepositoryRow>> Store::FindRepository(const std::string& location) {
  OSCM_ASSIGN_OR_RETURN(auto stmt, db_.Prepare(
      "SELECT id, community_id, location, identity_config FROM repositories WHERE location = ?"));
  stmt.Bind(1, std::string_view(location));
  OSCM_ASSIGN_OR_RETURN(const bool row, stmt.Step());
  if (!row) return std::optional<RepositoryRow>();
  return std::optional<RepositoryRow>(
      RepositoryRow{stmt.ColumnInt(0), stmt.ColumnInt(1), stmt.ColumnText(2), stmt.ColumnText(3)});
}

Result<RepositoryRow> Store::EnsureRepository(int64_t community_id, const std::string& location) {
  OSCM_ASSIGN_OR_RETURN(auto existing, FindRepository(location));
  if (existing) {
    if (existing->community_id != community_id) {
      OSCM_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("SELECT name FROM communities WHERE id = ?"));
      stmt.Bind(1, existing->community_id);
      OSCM_ASSIGN_OR_RETURN(const bool row, stmt.Step());
      return InvalidArgumentError(fmt::format("{}: already ingested as part of community '{}'",
                                              location, row ? stmt.ColumnText(0) : "?"));
    }
    return *existing;
  }
  OSCM_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("INSERT INTO repositories(community_id, location) VALUES (?, ?)"));
  stmt.Bind(1, community_id).Bind(2, std::string_view(location));
  OSCM_RETURN_IF_ERROR(stmt.Run());
  return RepositoryRow{db_.LastInsertRowId(), community_id, location, ""};
}

Result<std::vector<RepositoryRow>> Store::Repositories(int64_t community_id) {
  OSCM_ASSIGN_OR_RETURN(auto stmt, db_.Prepare(
      "SELECT id, community_id, location, identity_config FROM repositories WHERE community_id = ? ORDER BY location"));
  stmt.Bind(1, community_id);
  std::vector<RepositoryRow> out;
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) break;
    out.push_back(RepositoryRow{stmt.ColumnInt(0), stmt.ColumnInt(1), stmt.ColumnText(2), stmt.ColumnText(3)});
  }
  return out;
}

}  // namespace oscm::store
