// Test helpers: Status matchers, temporary directories, paths to fixtures and to the binary.
#pragma once

#include <gtest/gtest.h>

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "oscm/status.h"
#include "store/sqlite.h"

#define EXPECT_OK(expr)                                     \
  do {                                                      \
    const ::oscm::Status oscm_s_ = ::oscm::testing::ToStatus(expr); \
    EXPECT_TRUE(oscm_s_.ok()) << oscm_s_.ToString();        \
  } while (0)

#define ASSERT_OK(expr)                                     \
  do {                                                      \
    const ::oscm::Status oscm_s_ = ::oscm::testing::ToStatus(expr); \
    ASSERT_TRUE(oscm_s_.ok()) << oscm_s_.ToString();        \
  } while (0)

namespace oscm::testing {

inline Status ToStatus(const Status& s) { return s; }
template <typename T>
Status ToStatus(const Result<T>& r) {
  return r.status();
}

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// The source tree root (for golden files and data/).
std::string SourcePath(const std::string& relative);
// ../shared/data/<relative>, beside the source tree (read only).
std::string SharedDataPath(const std::string& relative);
// The oscm binary built with the tests.
std::string OscmBinary();

// The integer in the first column of the first row of `sql` (a failed query fails the test).
int64_t QueryInt(store::SqliteDb& db, const std::string& sql);

void WriteFile(const std::string& path, const std::string& content);
// Expects `actual` to equal tests/golden/<name> byte for byte; with OSCM_UPDATE_GOLDEN set in the
// environment, writes `actual` there instead.
void CompareGolden(const std::string& actual, const std::string& name);
// `s` with every `from` replaced by `to` (to anonymise paths in golden output).
std::string ReplaceAll(std::string s, const std::string& from, const std::string& to);
std::string ReadFile(const std::string& path);

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs `args` (argv[0] is the program) with stdin from /dev/null, capturing stdout and stderr.
CommandResult RunCommand(const std::vector<std::string>& args,
                         const std::vector<std::string>& env = {});

// A command running in the background, as RunCommand runs it, for tests of concurrent runs and
// of signals. The destructor kills (SIGKILL) and reaps a child still running.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& args, const std::vector<std::string>& env = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  void Signal(int sig) const;
  // What stderr holds so far.
  std::string Err() const;
  // Waits for the child to end; nullopt when it is still running after `limit`.
  std::optional<CommandResult> WaitFor(std::chrono::milliseconds limit);
  CommandResult Wait();

 private:
  CommandResult Reap(int status);
  std::unique_ptr<TempDir> tmp_;  // the child's stdout and stderr
  pid_t pid_ = -1;
};

// Another process writing a store: it opens the store at `path`, takes the write lock (a
// transaction that has added a community) and holds it until Release(), or for `hold` at most.
class OtherWriter {
 public:
  OtherWriter(const std::string& path, std::chrono::milliseconds hold);
  ~OtherWriter() { Release(); }
  OtherWriter(const OtherWriter&) = delete;
  OtherWriter& operator=(const OtherWriter&) = delete;
  // Whether the process holds the lock.
  bool ready() const { return ready_; }
  pid_t pid() const { return pid_; }
  // Ends the transaction (committing it); returns the process's exit code (0: committed).
  int Release();

 private:
  pid_t pid_ = -1;
  int release_ = -1;  // closing it releases the lock
  bool ready_ = false;
};

// Runs the commands at the same time and returns their results, in order.
std::vector<CommandResult> RunConcurrently(const std::vector<std::vector<std::string>>& commands,
                                           const std::vector<std::string>& env = {});

}  // namespace oscm::testing
