// `oscm ingest gharchive --mpi` under mpirun with 2 ranks (oversubscribed, so it runs on any
// machine), against one process on the same real samples.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "store/store.h"
#include "support/test_util.h"

namespace oscm {
namespace {

using oscm::testing::CommandResult;
using oscm::testing::TempDir;

const std::vector<std::string> kTrack = {
    "-c", "homebrew=mxcl/homebrew",  // renamed to homebrew/homebrew between the 2012 and 2014 hours
    "-c", "three=mrdoob/three.js",
    "-c", "k8s=kubernetes/kubernetes.github.io,apache/pinot"};

class MpiTest : public ::testing::Test {
 protected:
  CommandResult Oscm(const std::string& db, std::vector<std::string> args, int ranks = 0) {
    args.insert(args.begin(), {oscm::testing::OscmBinary(), "--db", db});
    if (ranks > 0) {
      args.insert(args.begin(), {OSCM_MPIEXEC, "--allow-run-as-root", "--oversubscribe", "-np", std::to_string(ranks)});
      args.push_back("--mpi");
    }
    return Run(args);
  }
  CommandResult Run(const std::vector<std::string>& args) {
    // Under LeakSanitizer, Open MPI's own leaks are suppressed by library (tests/lsan.supp), which
    // needs full stacks; elsewhere the option does nothing.
    const char* lsan = std::getenv("LSAN_OPTIONS");
    return oscm::testing::RunCommand(
        args, {"HOME=" + tmp_.path(), std::string("LSAN_OPTIONS=") + (lsan != nullptr ? lsan : "") +
                                          ":fast_unwind_on_malloc=0:print_suppressions=0"});
  }
  CommandResult Ingest(const std::string& db, std::vector<std::string> args, int ranks = 0) {
    args.insert(args.begin(), {"ingest", "gharchive"});
    args.insert(args.end(), kTrack.begin(), kTrack.end());
    return Oscm(db, args, ranks);
  }

  // Every table GH Archive ingest writes, row by row.
  static std::string Dump(const std::string& path) {
    auto store = store::Store::Open(path);
    EXPECT_TRUE(store.has_value()) << path;
    if (!store) return "";
    std::string out;
    for (const char* sql : {"SELECT * FROM communities ORDER BY id", "SELECT * FROM gh_repos ORDER BY id",
                            "SELECT * FROM gh_repo_names ORDER BY name", "SELECT * FROM gh_events ORDER BY id",
                            "SELECT * FROM gh_files ORDER BY path", "SELECT * FROM gh_repo_months ORDER BY month, repo_id",
                            "SELECT * FROM gh_activity ORDER BY 1, 2, 3", "SELECT * FROM gh_openrank ORDER BY 1, 2, 3",
                            "SELECT * FROM gh_openrank_months ORDER BY 1"}) {
      out += std::string("== ") + sql + "\n";
      auto q = store->db().Prepare(sql);
      EXPECT_TRUE(q.has_value()) << sql;
      while (q) {
        auto row = q->Step();
        if (!row.has_value() || !*row) break;
        for (int c = 0; c < q->ColumnCount(); ++c) out += q->ColumnText(c) + "|";
        out += "\n";
      }
    }
    return out;
  }

  TempDir tmp_;
};

TEST_F(MpiTest, TwoRanksGiveTheStoreAndAssessmentOfOneProcess) {
  const std::string samples = oscm::testing::SharedDataPath("gharchive-sample");
  const CommandResult one = Ingest(tmp_.Sub("one.db"), {samples, "--all-repos"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const CommandResult two = Ingest(tmp_.Sub("two.db"), {samples, "--all-repos"}, 2);
  ASSERT_EQ(two.exit_code, 0) << two.err << two.out;
  EXPECT_EQ(two.err, one.err);  // the same per-file summary, from rank 0 only

  const std::string dump = Dump(tmp_.Sub("one.db"));
  EXPECT_EQ(Dump(tmp_.Sub("two.db")), dump);
  // The rename was followed across ranks: the 2014 events under the new name are there.
  EXPECT_NE(dump.find("homebrew/homebrew|"), std::string::npos);
  EXPECT_NE(dump.find("2014-02|"), std::string::npos);
  // OpenRank, computed by rank 0 from every rank's activity: the values of one process.
  EXPECT_NE(dump.find("2014-02|repo|"), std::string::npos);
  EXPECT_NE(two.err.find("OpenRank 2014-02: "), std::string::npos) << two.err;
  for (const char* community : {"homebrew", "three", "k8s"}) {
    const std::vector<std::string> assess = {"assess", community, "--as-of", "2021-12-31", "--format", "json"};
    const CommandResult a = Oscm(tmp_.Sub("one.db"), assess);
    ASSERT_EQ(a.exit_code, 0) << a.err;
    EXPECT_EQ(Oscm(tmp_.Sub("two.db"), assess).out, a.out) << community;
  }

  // A second run reads nothing, with one rank or two.
  const CommandResult again = Ingest(tmp_.Sub("two.db"), {samples, "--all-repos"}, 2);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("8 files (8 already ingested), 0 new events"), std::string::npos) << again.err;
  EXPECT_EQ(Dump(tmp_.Sub("two.db")), dump);
}

TEST_F(MpiTest, OneRankGivesTheStoreOfOneProcess) {
  const std::string file = oscm::testing::SharedDataPath("gharchive-sample/gharchive-2012-02-15-0.json.gz");
  ASSERT_EQ(Ingest(tmp_.Sub("one.db"), {file}).exit_code, 0);
  const CommandResult mpi = Ingest(tmp_.Sub("mpi.db"), {file}, 1);
  ASSERT_EQ(mpi.exit_code, 0) << mpi.err;
  EXPECT_EQ(Dump(tmp_.Sub("mpi.db")), Dump(tmp_.Sub("one.db")));
}

TEST_F(MpiTest, PerRankFileListsGiveTheStoreOfOneProcess) {
  // As on a cluster without a shared filesystem: each rank names its own files (an MPMD command
  // line), and the rename crosses from rank 0's files to rank 1's.
  auto sample = [](const char* f) { return oscm::testing::SharedDataPath(std::string("gharchive-sample/") + f); };
  const std::vector<std::string> mine = {sample("gharchive-2011-02-15-0.json"), sample("gharchive-2012-02-15-0.json.gz")};
  const std::vector<std::string> theirs = {sample("gharchive-2014-02-15-0.normalized.json.gz"),
                                           sample("pinot-githubActivities-2016-07-07.json.gz")};
  std::vector<std::string> all = mine;
  all.insert(all.end(), theirs.begin(), theirs.end());
  ASSERT_EQ(Ingest(tmp_.Sub("one.db"), all).exit_code, 0);
  std::vector<std::string> args = {OSCM_MPIEXEC, "--allow-run-as-root", "--oversubscribe"};
  for (const auto* files : {&mine, &theirs}) {
    if (files == &theirs) args.push_back(":");
    args.insert(args.end(), {"-np", "1", oscm::testing::OscmBinary(), "--db", tmp_.Sub("mpi.db"), "ingest", "gharchive"});
    args.insert(args.end(), files->begin(), files->end());
    args.insert(args.end(), kTrack.begin(), kTrack.end());
    args.push_back("--mpi");
  }
  const CommandResult r = Run(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string dump = Dump(tmp_.Sub("one.db"));
  EXPECT_NE(dump.find("homebrew/homebrew|"), std::string::npos);
  EXPECT_EQ(Dump(tmp_.Sub("mpi.db")), dump);
}

class MpiErrorTest : public MpiTest {};

TEST_F(MpiErrorTest, AFailedRankLeavesTheStoreUntouched) {
  // The samples and, last in path order (so rank 1 reads it), a file that cannot be read.
  const std::string hours = tmp_.Sub("hours");
  std::filesystem::create_directories(hours);
  for (const auto& e : std::filesystem::directory_iterator(oscm::testing::SharedDataPath("gharchive-sample"))) {
    std::filesystem::create_symlink(e.path(), hours + "/" + e.path().filename().string());
  }
  const std::string db = tmp_.Sub("oscm.db");
  ASSERT_EQ(Ingest(db, {oscm::testing::SharedDataPath("gharchive-sample/gharchive-2011-02-15-0.json")}).exit_code, 0);
  const std::string before = Dump(db);
  std::filesystem::create_symlink("/proc/self/mem", hours + "/zz-unreadable.json");
  // A community tracked for the first time by the failed run is not kept either.
  const CommandResult r = Ingest(db, {hours, "--all-repos", "-c", "extra=extra/repo"}, 2);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("error: ingest: rank 1: " + hours + "/zz-unreadable.json: read: "), std::string::npos) << r.err;
  EXPECT_EQ(Dump(db), before);
}

TEST_F(MpiErrorTest, AnUnusableStoreFailsEveryRank) {
  const CommandResult r = Ingest(tmp_.path(), {oscm::testing::SharedDataPath("gharchive-sample")}, 2);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("error: ingest: " + tmp_.path() + ": cannot open database"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace oscm
