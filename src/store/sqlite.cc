#include "store/sqlite.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <thread>
#include <utility>

#include <fmt/format.h>

namespace oscm::store {

struct SqliteDb::Waiting {
  WaitOptions options;
  std::string path;
  std::chrono::steady_clock::time_point since;
  bool announced = false;
  bool cancelled = false;  // the last wait ended because of options.cancel
  bool gave_up = false;    // the last wait ended because of options.timeout_ms
};

namespace {

using Clock = std::chrono::steady_clock;

// SQLite's busy handler: sleeps (1, 2, 4 ... up to 100 ms) until the lock is free, the wait is
// cancelled or it has lasted timeout_ms.
int OnBusy(void* p, int count) {
  auto* w = static_cast<SqliteDb::Waiting*>(p);
  const auto now = Clock::now();
  if (count == 0) {
    w->since = now;
    w->announced = false;
  }
  w->cancelled = w->options.cancel != nullptr && w->options.cancel->load(std::memory_order_relaxed);
  w->gave_up = now - w->since >= std::chrono::milliseconds(w->options.timeout_ms);
  if (w->cancelled || w->gave_up) return 0;
  if (!w->announced && now - w->since >= std::chrono::seconds(1) && w->options.on_wait) {
    w->announced = true;
    w->options.on_wait(fmt::format("waiting for the store {}: it is being written by {}", w->path,
                                   DescribeWriter(w->path)));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(std::min(1 << std::min(count, 7), 100)));
  return 1;
}

uint64_t Number(std::string_view s) {
  uint64_t n = UINT64_MAX;
  std::from_chars(s.data(), s.data() + s.size(), n);
  return n;
}

// The pid holding a write lock on byte `offset` of `file`, from /proc/locks. Opening the file to
// ask fcntl(F_GETLK) instead would be unsafe: closing any descriptor of a file drops every POSIX
// lock this process holds on it, SQLite's included.
std::optional<pid_t> WriteLockHolder(const std::string& file, uint64_t offset) {
  struct stat st {};
  if (stat(file.c_str(), &st) != 0) return std::nullopt;
  const std::string device = fmt::format("{:02x}:{:02x}:{}", major(st.st_dev), minor(st.st_dev), st.st_ino);
  std::ifstream locks("/proc/locks");
  std::string line;
  while (std::getline(locks, line)) {
    // "1: POSIX  ADVISORY  WRITE 4242 08:01:1234 120 120"; a waiter's line has "->" after "1:".
    std::istringstream in(line);
    std::string id, kind, mode, access, dev, start, end;
    pid_t pid = 0;
    if (!(in >> id >> kind) || kind == "->") continue;
    if (!(in >> mode >> access >> pid >> dev >> start >> end)) continue;
    if (access != "WRITE" || dev != device || pid == getpid()) continue;
    if (Number(start) <= offset && (end == "EOF" || offset <= Number(end))) return pid;
  }
  return std::nullopt;
}

}  // namespace

std::string DescribeWriter(const std::string& path) {
  // The write lock of a WAL database is byte 120 of its -shm file; in rollback-journal mode (a
  // store being created) a writer holds the RESERVED or PENDING byte of the database file.
  std::optional<pid_t> pid = WriteLockHolder(path + "-shm", 120);
  if (!pid) pid = WriteLockHolder(path, 0x40000001);
  if (!pid) pid = WriteLockHolder(path, 0x40000000);
  if (!pid) return "another process";
  std::string name;
  std::getline(std::ifstream(fmt::format("/proc/{}/comm", *pid)), name);
  if (name == "oscm") return fmt::format("another oscm process (pid {})", *pid);
  return name.empty() ? fmt::format("another process (pid {})", *pid)
                      : fmt::format("another process (pid {}, {})", *pid, name);
}

SqliteDb::SqliteDb(sqlite3* db, std::string path, std::unique_ptr<Waiting> waiting)
    : db_(db), path_(std::move(path)), waiting_(std::move(waiting)) {}

Result<SqliteDb> SqliteDb::Open(const std::string& path, const WaitOptions& wait) {
  sqlite3* raw = nullptr;
  // NOMUTEX: a connection is used by one thread at a time (see sqlite.h), so SQLite's per-call
  // connection mutex only costs time (a lock and an unlock for every bind of every row).
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close(raw);
    return IoError(fmt::format("{}: cannot open database: {}", path, msg));
  }
  auto waiting = std::make_unique<Waiting>();
  waiting->options = wait;
  waiting->path = path;
  sqlite3_busy_handler(raw, OnBusy, waiting.get());
  SqliteDb db(raw, path, std::move(waiting));
  // Fail early when the file is not a database, rather than on the first query.
  OSCM_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = ON; PRAGMA schema_version;"));
  return db;
}

SqliteDb::SqliteDb(SqliteDb&& other) noexcept
    : db_(other.db_), path_(std::move(other.path_)), waiting_(std::move(other.waiting_)) {
  other.db_ = nullptr;
}

SqliteDb& SqliteDb::operator=(SqliteDb&& other) noexcept {
  if (this != &other) {
    sqlite3_close(db_);
    db_ = other.db_;
    path_ = std::move(other.path_);
    waiting_ = std::move(other.waiting_);
    other.db_ = nullptr;
  }
  return *this;
}

SqliteDb::~SqliteDb() { sqlite3_close(db_); }

Status SqliteDb::Check(int rc, std::string_view what) const {
  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return Status::Ok();
  const int primary = rc & 0xff;
  if (primary == SQLITE_BUSY) {
    const bool cancelled = std::exchange(waiting_->cancelled, false);
    const bool gave_up = std::exchange(waiting_->gave_up, false);
    if (cancelled) return CancelledError(fmt::format("{}: interrupted while waiting for the store", path_));
    return IoError(fmt::format("the store {} is being written by {}{}", path_, DescribeWriter(path_),
                               gave_up ? fmt::format("; gave up waiting after {:g} s", static_cast<double>(waiting_->options.timeout_ms) / 1000)
                                       : ""));
  }
  const std::string msg = fmt::format("{}: {}: {}", path_, what, sqlite3_errmsg(db_));
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) return CorruptionError(msg);
  if (primary == SQLITE_INTERRUPT) return CancelledError(msg);
  if (primary == SQLITE_CONSTRAINT || primary == SQLITE_MISMATCH) return InternalError(msg);
  return IoError(msg);
}

Status SqliteDb::Exec(std::string_view sql) {
  const std::string s(sql);
  return Check(sqlite3_exec(db_, s.c_str(), nullptr, nullptr, nullptr), "exec");
}

Status SqliteDb::ExecWhileBusy(std::string_view sql) {
  const std::string s(sql);
  const auto since = Clock::now();
  while (true) {
    const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, nullptr);
    if ((rc & 0xff) == SQLITE_BUSY) {
      const WaitOptions& wait = waiting_->options;
      waiting_->cancelled = wait.cancel != nullptr && wait.cancel->load(std::memory_order_relaxed);
      waiting_->gave_up = Clock::now() - since >= std::chrono::milliseconds(wait.timeout_ms);
      if (!waiting_->cancelled && !waiting_->gave_up) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        continue;
      }
    }
    return Check(rc, "exec");
  }
}

Result<SqliteStatement> SqliteDb::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return Check(rc, fmt::format("prepare '{}'", sql.substr(0, 60)));
  return SqliteStatement(this, stmt);
}

int64_t SqliteDb::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

int64_t SqliteDb::Changes() const { return sqlite3_changes(db_); }

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_) {
  other.stmt_ = nullptr;
}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = other.stmt_;
    other.stmt_ = nullptr;
  }
  return *this;
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

SqliteStatement& SqliteStatement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

SqliteStatement& SqliteStatement::BindStatic(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
  return *this;
}

SqliteStatement& SqliteStatement::BindDouble(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

SqliteStatement& SqliteStatement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, const std::optional<int64_t>& value) {
  return value ? Bind(index, *value) : BindNull(index);
}

SqliteStatement& SqliteStatement::Bind(int index, const std::optional<std::string>& value) {
  return value ? Bind(index, std::string_view(*value)) : BindNull(index);
}

SqliteStatement& SqliteStatement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> SqliteStatement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status s = db_->Check(rc, fmt::format("step '{}'", std::string_view(sqlite3_sql(stmt_)).substr(0, 60)));
  sqlite3_reset(stmt_);
  return s;
}

Status SqliteStatement::Run() {
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, Step());
    if (!row) break;
  }
  Reset();
  return Status::Ok();
}

void SqliteStatement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int64_t SqliteStatement::ColumnInt(int index) const { return sqlite3_column_int64(stmt_, index); }
double SqliteStatement::ColumnDouble(int index) const { return sqlite3_column_double(stmt_, index); }

std::string SqliteStatement::ColumnText(int index) const {
  const auto* p = sqlite3_column_type(stmt_, index) == SQLITE_BLOB ? sqlite3_column_blob(stmt_, index)
                                                                    : sqlite3_column_text(stmt_, index);
  if (p == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, index)));
}

int SqliteStatement::ColumnCount() const { return sqlite3_column_count(stmt_); }

bool SqliteStatement::ColumnIsNull(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

Result<Transaction> Transaction::Begin(SqliteDb& db) {
  OSCM_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  return Transaction(&db);
}

Transaction::~Transaction() {
  if (db_ != nullptr) (void)db_->Exec("ROLLBACK");
}

Status Transaction::Commit() {
  OSCM_RETURN_IF_ERROR(db_->Exec("COMMIT"));
  db_ = nullptr;
  return Status::Ok();
}

}  // namespace oscm::store
