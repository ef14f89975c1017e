// RAII wrappers around sqlite3 handles, and the adapter from sqlite3 return codes to Status.
//
// SqliteDb owns a connection; SqliteStatement owns a prepared statement and borrows its
// connection, which must outlive it. Neither is thread-safe: one connection per thread.
//
// Several processes may use one store: SQLite lets one of them write at a time. A connection
// that finds the store locked waits (WaitOptions) rather than failing, for long enough that
// another oscm process can finish real work (a git ingest holds the write lock for its whole
// walk); when it gives up, the error names the process holding the lock.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "oscm/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace oscm::store {

class SqliteStatement;

// How a connection waits while another connection (usually another oscm process) writes.
struct WaitOptions {
  int64_t timeout_ms = 600'000;  // then the statement fails, naming the process that writes
  const std::atomic<bool>* cancel = nullptr;  // raised: stop waiting (kCancelled)
  // Called once in a wait that lasts over a second, with a message naming the process waited
  // for; on the waiting thread.
  std::function<void(const std::string& message)> on_wait;
};

// Who holds the write lock of the database at `path`: "another oscm process (pid N)", or with
// another program's name instead of oscm, or "another process" when it cannot be told
// (Linux: the file locks in /proc/locks).
std::string DescribeWriter(const std::string& path);

class SqliteDb {
 public:
  // Opens (creating if needed) the database file at `path`; ":memory:" works.
  static Result<SqliteDb> Open(const std::string& path, const WaitOptions& wait = {});

  SqliteDb(SqliteDb&& other) noexcept;
  SqliteDb& operator=(SqliteDb&& other) noexcept;
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;
  ~SqliteDb();

  // Runs one or more statements that return no rows.
  Status Exec(std::string_view sql);
  // Exec, run again while SQLite answers SQLITE_BUSY without waiting (as it does when several
  // processes switch a new database to WAL at once), within the WaitOptions' time.
  Status ExecWhileBusy(std::string_view sql);
  Result<SqliteStatement> Prepare(std::string_view sql);
  int64_t LastInsertRowId() const;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  int64_t Changes() const;
  const std::string& path() const { return path_; }

  // Converts an sqlite3 return code into a Status naming `what` and the database file. A lock
  // that could not be had (SQLITE_BUSY) names the process holding it, or is kCancelled when the
  // wait was cancelled.
  Status Check(int rc, std::string_view what) const;

  struct Waiting;  // the busy handler's state (sqlite.cc)

 private:
  SqliteDb(sqlite3* db, std::string path, std::unique_ptr<Waiting> waiting);
  sqlite3* db_ = nullptr;
  std::string path_;
  std::unique_ptr<Waiting> waiting_;  // owned here, so that moving the SqliteDb keeps it in place
};

class SqliteStatement {
 public:
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement();

  // Binds are 1-based like sqlite3. Text is copied (SQLITE_TRANSIENT).
  SqliteStatement& Bind(int index, int64_t value);
  SqliteStatement& Bind(int index, std::string_view value);
  // Binds text without copying it (SQLITE_STATIC), for rows written by the thousand.
  // REQUIRES: `value` stays valid until Run() returns or the statement is reset.
  SqliteStatement& BindStatic(int index, std::string_view value);
  SqliteStatement& Bind(int index, const std::optional<int64_t>& value);
  SqliteStatement& Bind(int index, const std::optional<std::string>& value);
  SqliteStatement& BindNull(int index);
  SqliteStatement& BindBlob(int index, std::string_view bytes);
  SqliteStatement& BindDouble(int index, double value);

  // Steps once: true when a row is available, false when done.
  Result<bool> Step();
  // Steps to completion, ignoring rows; then resets the statement for reuse.
  Status Run();
  void Reset();

  int64_t ColumnInt(int index) const;
  double ColumnDouble(int index) const;
  std::string ColumnText(int index) const;  // also reads a BLOB's bytes
  bool ColumnIsNull(int index) const;
  int ColumnCount() const;

 private:
  friend class SqliteDb;
  SqliteStatement(const SqliteDb* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  const SqliteDb* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// Begins a transaction on construction; rolls it back on destruction unless Commit() succeeded.
// This is what makes an interrupted ingest leave the store exactly as it was.
class Transaction {
 public:
  static Result<Transaction> Begin(SqliteDb& db);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(SqliteDb* db) : db_(db) {}
  SqliteDb* db_;
};

}  // namespace oscm::store
