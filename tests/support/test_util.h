// Test helpers: Status matchers, temporary directories, paths to fixtures and to the binary.
#pragma once

#include <gtest/gtest.h>

#include <string>

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

}  // namespace oscm::testing
