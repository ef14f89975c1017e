#include "ingest/git/numstat.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "ingest/git/git_handles.h"
#include "ingest/git/git_ingest.h"
#include "support/community_fixture.h"
#include "support/test_util.h"

namespace oscm::ingest {
namespace {

using oscm::testing::TempDir;

TEST(NumstatTest, CountsLinesLikeGitLogNumstat) {
  TempDir tmp;
  oscm::testing::GitFixture repo(tmp.Sub("r"));
  oscm::testing::FixtureCommit c;
  c.date = "2024-01-01T00:00:00";
  c.files = {{"a.txt", "1\n2\n3\n"}, {"bin.dat", std::string("\0\1\2\3", 4)}};
  const int first = repo.Commit(c);
  c.date = "2024-01-02T00:00:00";
  c.files = {{"a.txt", "1\nTWO\n3\n4\n"}, {"bin.dat", std::nullopt}};
  const int second = repo.Commit(c);
  LibGit2Scope libgit2;
  NullProgress progress;
  std::vector<NumstatJob> jobs = {{1, repo.Oid(first), ""}, {2, repo.Oid(second), repo.Oid(first)}};
  for (unsigned threads : {1u, 2u}) {
    std::vector<std::vector<FileChange>> got;
    auto sink = [&](const NumstatJob& job, const std::vector<FileChange>& changes) {
      EXPECT_EQ(job.commit_id, static_cast<int64_t>(got.size()) + 1);  // in job order
      got.push_back(changes);
      return Status::Ok();
    };
    ASSERT_OK(ComputeNumstat(repo.path() + "/.git/", jobs, threads, sink, progress, nullptr));
    const auto* r = &got;
    ASSERT_EQ(r->size(), 2u);
    ASSERT_EQ((*r)[0].size(), 2u);
    EXPECT_EQ((*r)[0][0].path, "a.txt");
    EXPECT_EQ((*r)[0][0].added, 3);
    EXPECT_EQ((*r)[0][0].deleted, 0);
    EXPECT_EQ((*r)[0][1].path, "bin.dat");
    EXPECT_EQ((*r)[0][1].added, -1);
    ASSERT_EQ((*r)[1].size(), 2u);
    EXPECT_EQ((*r)[1][0].added, 2);    // TWO and 4
    EXPECT_EQ((*r)[1][0].deleted, 1);  // 2
    EXPECT_EQ((*r)[1][1].path, "bin.dat");
  }
}

// Line counts do not depend on attribute files around the repository: libgit2 would look up a
// `diff` attribute for each diff (under a made-up path), and "* -diff" there made every modified
// file count 0 lines.
TEST(NumstatTest, AttributeFilesDoNotChangeTheCounts) {
  TempDir tmp;
  oscm::testing::GitFixture repo(tmp.Sub("r"));
  oscm::testing::FixtureCommit c;
  c.date = "2024-01-01T00:00:00";
  c.files = {{"a.txt", "1\n2\n3\n"}};
  const int first = repo.Commit(c);
  c.date = "2024-01-02T00:00:00";
  c.files = {{"a.txt", "1\nTWO\n3\n4\n"}};
  const int second = repo.Commit(c);
  oscm::testing::WriteFile(repo.path() + "/.git/info/attributes", "* -diff\n");
  LibGit2Scope libgit2;
  NullProgress progress;
  std::vector<FileChange> got;
  ASSERT_OK(ComputeNumstat(repo.path() + "/.git/", {{2, repo.Oid(second), repo.Oid(first)}}, 1,
                           [&](const NumstatJob&, const std::vector<FileChange>& changes) {
                             got = changes;
                             return Status::Ok();
                           },
                           progress, nullptr));
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].added, 2);
  EXPECT_EQ(got[0].deleted, 1);
}

// Tree entries sort in git's order, where a directory "a" sorts as "a/": after "a-c" and "a.b".
// A wrong merge would report these modifications as deletions plus additions.
TEST(NumstatTest, TreeOrderAndTypeChanges) {
  TempDir tmp;
  oscm::testing::GitFixture repo(tmp.Sub("r"));
  oscm::testing::FixtureCommit c;
  c.date = "2024-01-01T00:00:00";
  c.files = {{"a/x", "1\n"}, {"a.b", "1\n"}, {"a-c", "1\n"}, {"ab", "1\n"}, {"f", "1\n2\n"}};
  const int first = repo.Commit(c);
  c.date = "2024-01-02T00:00:00";
  // Modify a/x, a.b, a-c and ab; turn file f into directory f/ with one file.
  c.files = {{"a/x", "2\n"}, {"a.b", "2\n"}, {"a-c", "2\n"}, {"ab", "2\n"}, {"f", std::nullopt},
             {"f/g", "1\n2\n3\n"}};
  const int second = repo.Commit(c);
  LibGit2Scope libgit2;
  NullProgress progress;
  std::vector<FileChange> got;
  ASSERT_OK(ComputeNumstat(repo.path() + "/.git/", {{1, repo.Oid(second), repo.Oid(first)}}, 1,
                           [&](const NumstatJob&, const std::vector<FileChange>& changes) {
                             got = changes;
                             return Status::Ok();
                           },
                           progress, nullptr));
  struct Want {
    const char* path;
    int64_t added;
    int64_t deleted;
  };
  const Want kWant[] = {{"a-c", 1, 1}, {"a.b", 1, 1}, {"a/x", 1, 1}, {"ab", 1, 1}, {"f", 0, 2}, {"f/g", 3, 0}};
  ASSERT_EQ(got.size(), std::size(kWant));
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].path, kWant[i].path);
    EXPECT_EQ(got[i].added, kWant[i].added) << got[i].path;
    EXPECT_EQ(got[i].deleted, kWant[i].deleted) << got[i].path;
  }
}

TEST(NumstatTest, BlobsMissingFromAPartialCloneAreCountedNotFatal) {
  TempDir tmp;
  oscm::testing::GitFixture repo(tmp.Sub("tiny"));
  oscm::testing::BuildTinyCommunity(repo);
  // Remove the loose object of b.txt (commit 2), as a --filter=blob:limit clone would lack it.
  git_oid blob;
  ASSERT_EQ(git_odb_hash(&blob, "b\nb\n", 4, GIT_OBJECT_BLOB), 0);
  const std::string hex = OidHex(blob);
  ASSERT_TRUE(std::filesystem::remove(repo.path() + "/.git/objects/" + hex.substr(0, 2) + "/" + hex.substr(2)));
  auto s = store::Store::Open(tmp.Sub("db"));
  ASSERT_OK(s);
  GitIngestOptions o;
  o.location = repo.path();
  o.numstat = true;
  NullProgress progress;
  auto r = IngestGit(*s, o, BotList::Builtin(), AffiliationResolver::Builtin(), progress);
  ASSERT_OK(r);
  EXPECT_EQ(r->stats.bad, 1);
  ASSERT_EQ(r->stats.samples.size(), 1u);
  EXPECT_NE(r->stats.samples[0].find("b.txt: blob not in the repository"), std::string::npos) << r->stats.samples[0];
  auto stmt = s->db().Prepare("SELECT COUNT(*) FROM commit_files WHERE path = 'b.txt' AND added IS NULL AND deleted IS NULL");
  ASSERT_OK(stmt);
  ASSERT_TRUE(*stmt->Step());
  EXPECT_EQ(stmt->ColumnInt(0), 1);
}

// While line changes are computed the store's page cache is held small (the memory goes to the
// packs); afterwards the store's own size is back, whether the ingest succeeded or not.
TEST(NumstatTest, StorePageCacheIsRestoredAfterLineChanges) {
  TempDir tmp;
  oscm::testing::GitFixture repo(tmp.Sub("tiny"));
  oscm::testing::BuildTinyCommunity(repo);
  auto s = store::Store::Open(tmp.Sub("db"));
  ASSERT_OK(s);
  auto cache_size = [&] {
    auto stmt = s->db().Prepare("PRAGMA cache_size");
    EXPECT_TRUE(stmt.has_value() && *stmt->Step());
    return stmt->ColumnInt(0);
  };
  const int64_t before = cache_size();
  EXPECT_EQ(before, -131072);
  GitIngestOptions o;
  o.location = repo.path();
  o.numstat = true;
  o.max_bad = -1;
  NullProgress progress;
  ASSERT_OK(IngestGit(*s, o, BotList::Builtin(), AffiliationResolver::Builtin(), progress));
  EXPECT_EQ(cache_size(), before);
  // A failed (cancelled) ingest leaves it restored too.
  std::atomic<bool> cancel{true};
  o.cancel = &cancel;
  o.location = repo.path();
  auto again = IngestGit(*s, o, BotList::Builtin(), AffiliationResolver::Builtin(), progress);
  EXPECT_FALSE(again.has_value());
  EXPECT_EQ(cache_size(), before);
}

TEST(NumstatTest, SinkErrorAndCancelStopTheRun) {
  TempDir tmp;
  oscm::testing::GitFixture repo(tmp.Sub("tiny"));
  oscm::testing::BuildTinyCommunity(repo);
  LibGit2Scope libgit2;
  NullProgress progress;
  std::vector<NumstatJob> jobs;
  for (int i = 1; i < 8; ++i) jobs.push_back({i, repo.Oid(i), repo.Oid(i - 1)});
  int calls = 0;
  Status s = ComputeNumstat(repo.path() + "/.git/", jobs, 2,
                            [&](const NumstatJob&, const std::vector<FileChange>&) {
                              return ++calls == 3 ? IoError("disk full") : Status::Ok();
                            },
                            progress, nullptr);
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_EQ(calls, 3);
  std::atomic<bool> cancel{true};
  s = ComputeNumstat(repo.path() + "/.git/", jobs, 2,
                     [&](const NumstatJob&, const std::vector<FileChange>&) { return Status::Ok(); },
                     progress, &cancel);
  EXPECT_EQ(s.code(), StatusCode::kCancelled);
}

TEST(NumstatTest, IngestWithNumstatStoresEveryNonMergeCommit) {
  TempDir tmp;
  oscm::testing::GitFixture repo(tmp.Sub("tiny"));
  oscm::testing::BuildTinyCommunity(repo);
  auto s = store::Store::Open(tmp.Sub("db"));
  ASSERT_OK(s);
  GitIngestOptions o;
  o.location = repo.path();
  o.numstat = true;
  o.threads = 2;
  NullProgress progress;
  auto r = IngestGit(*s, o, BotList::Builtin(), AffiliationResolver::Builtin(), progress);
  ASSERT_OK(r);
  EXPECT_EQ(r->numstat_commits, 9);  // ten commits, one merge
  auto stmt = s->db().Prepare("SELECT SUM(added) FROM commit_files f JOIN commits c ON c.id = f.commit_id WHERE c.oid = ?");
  ASSERT_OK(stmt);
  stmt->Bind(1, std::string_view(repo.Oid(0)));
  ASSERT_TRUE(*stmt->Step());
  EXPECT_EQ(stmt->ColumnInt(0), 5 + 1);  // LICENSE (5 lines) + README.md (1 line)
  // A second run finds nothing left to do.
  auto again = IngestGit(*s, o, BotList::Builtin(), AffiliationResolver::Builtin(), progress);
  ASSERT_OK(again);
  EXPECT_EQ(again->numstat_commits, 0);
}

}  // namespace
}  // namespace oscm::ingest
