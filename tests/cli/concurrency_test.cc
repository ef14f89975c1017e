// End-to-end: several oscm processes on one store, and signals.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "cli/cli_fixture.h"
#include "store/sqlite.h"
#include "support/test_util.h"

namespace oscm {
namespace {

using oscm::testing::CommandResult;
using oscm::testing::OtherWriter;

using ConcurrencyTest = CliFixture;

// The stress test's size: OSCM_STRESS_ROUNDS rounds (default 1) of OSCM_STRESS_PROCESSES
// processes (default 3) for each kind of ingest. CI runs the default; a longer run, e.g.
//   OSCM_STRESS_ROUNDS=20 OSCM_STRESS_PROCESSES=6 ctest -R ConcurrentIngests --output-on-failure
int EnvInt(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && std::atoi(v) > 0 ? std::atoi(v) : fallback;
}

// Every row of every table, sorted, one line each: two stores with equal dumps hold the same.
std::string DumpStore(const std::string& path) {
  auto db = store::SqliteDb::Open(path);
  EXPECT_TRUE(db.has_value()) << path;
  if (!db) return "";
  std::vector<std::string> tables;
  auto names = db->Prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  auto next = [](store::SqliteStatement& stmt) {
    auto row = stmt.Step();
    EXPECT_TRUE(row.has_value()) << row.status().ToString();
    return row.has_value() && *row;
  };
  while (names && next(*names)) tables.push_back(names->ColumnText(0));
  std::string out;
  for (const auto& table : tables) {
    auto rows = db->Prepare(fmt::format("SELECT * FROM \"{}\"", table));
    EXPECT_TRUE(rows.has_value()) << table;
    if (!rows) continue;
    std::vector<std::string> lines;
    while (next(*rows)) {
      std::string line = table;
      for (int c = 0; c < rows->ColumnCount(); ++c) line += "|" + (rows->ColumnIsNull(c) ? "NULL" : rows->ColumnText(c));
      lines.push_back(std::move(line));
    }
    std::sort(lines.begin(), lines.end());
    for (const auto& line : lines) out += line + "\n";
  }
  return out;
}

// N ingests of the same inputs at once, on a new store and on one that already exists, leave the
// store one ingest leaves, and all of them succeed.
TEST_F(ConcurrencyTest, ConcurrentIngestsGiveTheStoreOfOne) {
  const int rounds = EnvInt("OSCM_STRESS_ROUNDS", 1);
  const int processes = EnvInt("OSCM_STRESS_PROCESSES", 3);
  // Three real hours (of the 2011, 2012 and 2016 layouts), to keep the test short.
  std::vector<std::string> hours;
  for (const char* f : {"gharchive-2011-02-15-0.json", "gharchive-2012-02-15-0.json.gz",
                        "pinot-githubActivities-2016-07-07.json.gz"}) {
    hours.push_back(oscm::testing::SharedDataPath(std::string("gharchive-sample/") + f));
  }
  auto gharchive = [&](std::vector<std::string> flags) {
    std::vector<std::string> args = {"ingest", "gharchive"};
    args.insert(args.end(), hours.begin(), hours.end());
    args.insert(args.end(), flags.begin(), flags.end());
    return args;
  };
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"gharchive --all-repos", gharchive({"--all-repos"})},
      {"gharchive, tracked repositories",
       gharchive({"--community", "rails=rails/rails", "--community", "k8s=kubernetes/kubernetes.github.io"})},
      {"git", {"ingest", "git", repo_->path(), "--community", "tiny"}},
      {"git --numstat", {"ingest", "git", repo_->path(), "--community", "tiny", "--numstat"}},
      {"git, a URL cloned once", {"ingest", "git", "file://" + repo_->path(), "--community", "tiny"}},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    const auto& [name, args] = cases[i];
    SCOPED_TRACE(name);
    const std::string dir = tmp_.Sub(fmt::format("case{}", i));
    auto command = [&](const std::string& db) {
      std::vector<std::string> c = {oscm::testing::OscmBinary(), "--db", db, "-q"};
      c.insert(c.end(), args.begin(), args.end());
      return c;
    };
    // Each store clones into its own cache, shared by the processes on it.
    const std::vector<std::string> one_env = {"HOME=" + dir, "XDG_CACHE_HOME=" + dir + "/one-cache"};
    const CommandResult single = oscm::testing::RunCommand(command(dir + "/one.db"), one_env);
    ASSERT_EQ(single.exit_code, 0) << single.err;
    const std::string expected = DumpStore(dir + "/one.db");
    for (int round = 0; round < rounds; ++round) {
      for (const bool existing : {false, true}) {
        SCOPED_TRACE(fmt::format("round {}, {} store", round + 1, existing ? "an existing" : "a new"));
        const std::string db = fmt::format("{}/r{}{}.db", dir, round, existing ? "e" : "n");
        const std::vector<std::string> env = {"HOME=" + dir, fmt::format("XDG_CACHE_HOME={}.cache", db)};
        if (existing) {
          ASSERT_EQ(oscm::testing::RunCommand({oscm::testing::OscmBinary(), "--db", db, "communities"}).exit_code, 0);
        }
        const auto results = oscm::testing::RunConcurrently(std::vector(static_cast<size_t>(processes), command(db)), env);
        for (const CommandResult& r : results) EXPECT_EQ(r.exit_code, 0) << r.err;
        EXPECT_TRUE(DumpStore(db) == expected) << "the store differs from one run's";
      }
    }
  }
}

// While another process writes the store, oscm waits (saying so), and when --wait runs out it
// names that process.
TEST_F(ConcurrencyTest, WaitGivesUpNamingTheWriter) {
  ASSERT_EQ(Oscm({"communities"}).exit_code, 0);
  OtherWriter other(tmp_.Sub("oscm.db"), std::chrono::seconds(60));
  ASSERT_TRUE(other.ready());
  auto r = Oscm({"--wait", "2", "ingest", "git", repo_->path(), "--community", "tiny"});
  EXPECT_EQ(r.exit_code, 1);
  // The writer is a child of this test, under the test's name (as the kernel cuts it).
  std::string name = oscm::testing::ReadFile("/proc/self/comm");
  name.pop_back();
  const std::string writer = fmt::format("another process (pid {}, {})", other.pid(), name);
  EXPECT_NE(r.err.find(fmt::format("oscm: waiting for the store {}: it is being written by {}\n",
                                   tmp_.Sub("oscm.db"), writer)), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(fmt::format("error: ingest: the store {} is being written by {}; gave up waiting after 2 s\n",
                                   tmp_.Sub("oscm.db"), writer)), std::string::npos) << r.err;
  EXPECT_EQ(other.Release(), 0);
  EXPECT_EQ(Oscm({"communities"}).out, "other\n");
}

// Ctrl-C ends a wait for the store at once.
TEST_F(ConcurrencyTest, InterruptEndsAWait) {
  ASSERT_EQ(Oscm({"communities"}).exit_code, 0);
  OtherWriter other(tmp_.Sub("oscm.db"), std::chrono::seconds(60));
  ASSERT_TRUE(other.ready());
  oscm::testing::ChildProcess oscm({oscm::testing::OscmBinary(), "--db", tmp_.Sub("oscm.db"), "ingest", "git",
                                    repo_->path()});
  // Until it says it waits.
  for (int i = 0; i < 200 && oscm.Err().find("waiting for the store") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  oscm.Signal(SIGINT);
  auto r = oscm.WaitFor(std::chrono::seconds(5));
  ASSERT_TRUE(r.has_value()) << "oscm went on waiting after Ctrl-C";
  EXPECT_EQ(r->exit_code, 130) << r->err;
  EXPECT_EQ(other.Release(), 0);
}

// The first Ctrl-C or SIGTERM ends oscm even when it is stuck where it never looks at the
// interrupt (here libgit2 blocked opening a loose object that is a FIFO), and the store is as it
// was before the run.
TEST_F(ConcurrencyTest, FirstSignalEndsAStuckIngestLeavingTheStoreAsItWas) {
  ASSERT_EQ(Oscm({"ingest", "git", "file://" + repo_->path(), "--community", "before", "-q"}).exit_code, 0);
  const std::string before = DumpStore(tmp_.Sub("oscm.db"));
  const std::string oid = repo_->Oid(3);
  const std::string object = repo_->path() + "/.git/objects/" + oid.substr(0, 2) + "/" + oid.substr(2);
  std::filesystem::remove(object);
  ASSERT_EQ(mkfifo(object.c_str(), 0600), 0);
  for (const int sig : {SIGTERM, SIGINT}) {
    SCOPED_TRACE(sig == SIGTERM ? "SIGTERM" : "SIGINT");
    oscm::testing::ChildProcess oscm({oscm::testing::OscmBinary(), "--db", tmp_.Sub("oscm.db"), "ingest", "git",
                                      repo_->path(), "--community", "stuck"});
    ASSERT_FALSE(oscm.WaitFor(std::chrono::milliseconds(1500)).has_value()) << "oscm should be stuck on the FIFO";
    oscm.Signal(sig);
    auto r = oscm.WaitFor(std::chrono::seconds(15));
    ASSERT_TRUE(r.has_value()) << "oscm is still running after the signal";
    EXPECT_EQ(r->exit_code, 130) << r->err;
    EXPECT_NE(r->err.find("oscm: interrupted; the unfinished work was rolled back"), std::string::npos) << r->err;
    EXPECT_TRUE(DumpStore(tmp_.Sub("oscm.db")) == before) << "the store changed";
  }
}

}  // namespace
}  // namespace oscm
