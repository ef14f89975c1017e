// GhEventWriter: stores GitHub events of tracked repositories (table gh_events), whichever source
// read them (GH Archive, the GitHub API). Events are keyed by id, so storing one twice changes
// nothing. Used inside the caller's Transaction; not thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "oscm/records.h"
#include "oscm/status.h"
#include "store/sqlite.h"

namespace oscm::store {

class GhEventWriter {
 public:
  static Result<GhEventWriter> Create(SqliteDb& db);

  // Stores `ev` for the tracked repository `repo_id` (gh_repos.id). Returns whether it was new.
  Result<bool> Insert(int64_t repo_id, const GhEvent& ev, bool actor_is_bot);

  // An event with its repository (gh_repos.id) and whether its actor is a bot.
  struct Row {
    int64_t repo_id;
    const GhEvent* event;
    bool actor_is_bot;
  };
  // Stores the rows, several to a statement (fewer statement runs for the thousands of events an
  // hour can hold). Returns how many were new.
  Result<int64_t> InsertAll(const std::vector<Row>& rows);

 private:
  static constexpr size_t kRowsPerStatement = 32;
  GhEventWriter(SqliteDb* db, SqliteStatement insert, SqliteStatement insert_many)
      : db_(db), insert_(std::move(insert)), insert_many_(std::move(insert_many)) {}
  // Binds one row's 21 values from parameter `first` on; its labels are kept in `*labels`.
  static void BindRow(SqliteStatement& stmt, int first, const Row& row, std::string* labels);

  SqliteDb* db_;
  SqliteStatement insert_;       // one row
  SqliteStatement insert_many_;  // kRowsPerStatement rows
  std::array<std::string, kRowsPerStatement> labels_;
};

}  // namespace oscm::store
