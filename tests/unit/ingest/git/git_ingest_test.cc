#include "ingest/git/git_ingest.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>

#include "metrics/activity.h"
#include "support/community_fixture.h"
#include "support/git_fixture.h"
#include "support/test_util.h"

namespace oscm::ingest {
namespace {

using oscm::testing::FixtureCommit;
using oscm::testing::GitFixture;
using oscm::testing::TempDir;

// Every row of every table but the ingest log, as text, so two stores can be compared.
std::string DumpStore(store::Store& s) {
  std::string out;
  for (const char* table : {"communities", "repositories", "repo_refs", "organisations", "identities",
                            "identity_aliases", "commits", "commit_contributors", "commit_files",
                            "numstat_done", "releases", "community_files"}) {
    auto stmt = s.db().Prepare(std::string("SELECT * FROM ") + table);
    EXPECT_TRUE(stmt.has_value());
    std::vector<std::string> rows;
    while (true) {
      auto row = stmt->Step();
      if (!row || !*row) break;
      std::string line;
      for (int i = 0; i < 12; ++i) line += stmt->ColumnText(i) + "|";
      rows.push_back(std::move(line));
    }
    std::sort(rows.begin(), rows.end());
    out += std::string("## ") + table + "\n";
    for (const auto& r : rows) out += r + "\n";
  }
  return out;
}

int64_t Count(store::Store& s, const std::string& sql) { return oscm::testing::QueryInt(s.db(), sql); }

class GitIngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fixture_ = std::make_unique<GitFixture>(tmp_.Sub("tiny"));
    oscm::testing::BuildTinyCommunity(*fixture_);
    auto s = store::Store::Open(tmp_.Sub("oscm.db"));
    ASSERT_OK(s);
    store_ = std::make_unique<store::Store>(std::move(s).value());
  }

  Result<GitIngestResult> Ingest(const std::string& location, const std::atomic<bool>* cancel = nullptr) {
    GitIngestOptions o;
    o.location = location;
    o.community = "tiny";
    o.now = 1893456000;  // 2030-01-01
    o.cancel = cancel;
    o.numstat = numstat_;
    NullProgress progress;
    return IngestGit(*store_, o, bots_, affiliations_, progress);
  }

  TempDir tmp_;
  std::unique_ptr<GitFixture> fixture_;
  std::unique_ptr<store::Store> store_;
  BotList bots_ = BotList::Builtin();
  AffiliationResolver affiliations_ = AffiliationResolver::Builtin();
  bool numstat_ = false;
};

TEST_F(GitIngestTest, StoresHistoryIdentitiesReleasesAndFiles) {
  auto r = Ingest(fixture_->path());
  ASSERT_OK(r);
  EXPECT_EQ(r->community, "tiny");
  EXPECT_EQ(r->commits_added, 10);  // commits 0..9; the refs/pull/1/head commit is not walked
  EXPECT_EQ(r->releases, 4);
  EXPECT_EQ(r->stats.bad, 0) << (r->stats.samples.empty() ? "" : r->stats.samples[0]);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM commits"), 10);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM commits WHERE parent_count = 2"), 1);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM commits c JOIN identities i ON i.id = c.author_id "
                           "WHERE i.email = 'mallory@evil.example'"), 0);
  // .mailmap folds alice@old-laptop.local into Alice; Bob's two spellings case-fold together.
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM commits c JOIN identities i ON i.id = c.author_id "
                           "WHERE i.key = 'alice@pingcap.com'"), 5);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM commits c JOIN identities i ON i.id = c.author_id "
                           "WHERE i.key = 'bob@gmail.com'"), 2);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM identities WHERE key = 'github:erin-dev' AND login = 'erin-dev'"), 1);
  EXPECT_EQ(Count(*store_, "SELECT is_bot FROM identities WHERE name = 'dependabot[bot]'"), 1);
  // Co-author and sign-off rows, with organisations at the commit date.
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM commit_contributors cc JOIN identities i ON i.id = cc.identity_id "
                           "JOIN organisations o ON o.id = cc.org_id WHERE cc.role = 'coauthor' "
                           "AND i.email = 'dave@redhat.com' AND o.name = 'Red Hat'"), 1);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM commit_contributors WHERE role = 'signoff'"), 1);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM commits c JOIN organisations o ON o.id = c.org_id "
                           "WHERE o.name = 'independent'"), 2);
  // Releases: the annotated tag carries its own date; the pre-release is marked.
  EXPECT_EQ(Count(*store_, "SELECT released_at FROM releases WHERE tag = 'v1.0.0'"),
            oscm::testing::LocalToUnix("2024-09-15T12:00:00", 0));
  EXPECT_EQ(Count(*store_, "SELECT is_prerelease FROM releases WHERE tag = 'v1.1.0-rc.1'"), 1);
  EXPECT_EQ(Count(*store_, "SELECT released_at FROM releases WHERE tag = 'v1.1.0'"),
            oscm::testing::LocalToUnix("2025-06-20T10:00:00", 480));
  // Community files with the first-parent commit that added them.
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM community_files"), 6);
  EXPECT_EQ(Count(*store_, "SELECT first_seen FROM community_files WHERE path = 'CONTRIBUTING.md'"),
            oscm::testing::LocalToUnix("2024-09-10T10:00:00", 60));
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM community_files WHERE path = 'LICENSE' AND spdx = 'MIT'"), 1);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM community_files WHERE kind = 'readme_translation' AND language = 'zh-CN'"), 1);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM ingest_log"), 1);
}

TEST_F(GitIngestTest, SecondIngestChangesNothing) {
  ASSERT_OK(Ingest(fixture_->path()));
  const std::string before = DumpStore(*store_);
  auto again = Ingest(fixture_->path());
  ASSERT_OK(again);
  EXPECT_EQ(again->commits_added, 0);
  EXPECT_EQ(DumpStore(*store_), before);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM ingest_log"), 1);
}

TEST_F(GitIngestTest, IncrementalIngestWalksOnlyNewCommits) {
  ASSERT_OK(Ingest(fixture_->path()));
  FixtureCommit c;
  c.date = "2025-07-01T09:00:00";
  c.message = "more";
  c.files = {{"GOVERNANCE.md", "rules\n"}};
  c.parents = {9};  // on main, not on the pull-request commit made last
  fixture_->Commit(c);
  auto r = Ingest(fixture_->path());
  ASSERT_OK(r);
  EXPECT_EQ(r->commits_added, 1);
  EXPECT_EQ(r->stats.records, 1);  // only the new commit was read
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM community_files WHERE kind = 'governance'"), 1);
}

TEST_F(GitIngestTest, InterruptedIngestLeavesStoreUntouched) {
  ASSERT_OK(Ingest(fixture_->path()));
  const std::string before = DumpStore(*store_);
  FixtureCommit c;
  c.date = "2025-07-01T09:00:00";
  c.files = {{"x.txt", "x\n"}};
  c.parents = {9};
  fixture_->Commit(c);
  std::atomic<bool> cancel{true};
  auto r = Ingest(fixture_->path(), &cancel);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), StatusCode::kCancelled);
  EXPECT_EQ(DumpStore(*store_), before);
}

TEST_F(GitIngestTest, CleanRunAndResumedRunGiveTheSameStore) {
  // Interrupted first attempt, then a full run: same store as one clean run elsewhere.
  std::atomic<bool> cancel{true};
  EXPECT_FALSE(Ingest(fixture_->path(), &cancel).has_value());
  ASSERT_OK(Ingest(fixture_->path()));
  auto other = store::Store::Open(tmp_.Sub("other.db"));
  ASSERT_OK(other);
  std::swap(*store_, *other);
  ASSERT_OK(Ingest(fixture_->path()));
  EXPECT_EQ(DumpStore(*store_), DumpStore(*other));
}

TEST_F(GitIngestTest, ChangedAffiliationsRecomputeOrganisations) {
  ASSERT_OK(Ingest(fixture_->path()));
  ASSERT_OK(affiliations_.AddAffiliations("Bob: bob!gmail.com\n\tAcme until 2025-01-01\n\tindependent\n", "aff.txt"));
  auto r = Ingest(fixture_->path());
  ASSERT_OK(r);
  EXPECT_TRUE(r->reresolved);
  // Bob's 2024 commit is Acme's; his 2025 commit stays independent.
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM commits c JOIN organisations o ON o.id = c.org_id WHERE o.name = 'Acme'"), 1);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM commits c JOIN organisations o ON o.id = c.org_id WHERE o.name = 'independent'"), 1);
}

TEST_F(GitIngestTest, BranchAndAllBranches) {
  fixture_->Ref("refs/heads/feature", 10);  // the PR commit, now also a real branch
  GitIngestOptions o;
  o.location = fixture_->path();
  o.community = "tiny";
  o.all_branches = true;
  NullProgress progress;
  auto r = IngestGit(*store_, o, bots_, affiliations_, progress);
  ASSERT_OK(r);
  EXPECT_EQ(r->commits_added, 11);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM repo_refs WHERE ref LIKE 'refs/pull/%'"), 0);
}

TEST_F(GitIngestTest, ForkInTheSameCommunityCountsSharedCommitsOnce) {
  ASSERT_OK(Ingest(fixture_->path()));
  // A fork: the same history plus one commit of its own.
  GitFixture fork(tmp_.Sub("fork"));
  oscm::testing::BuildTinyCommunity(fork);
  FixtureCommit c;
  c.author_name = "Frank";
  c.author_email = "frank@fork.example";
  c.date = "2025-05-05T10:00:00";
  c.files = {{"fork.txt", "f\n"}};
  c.parents = {9};
  fork.Commit(c);
  auto r = Ingest(fork.path());
  ASSERT_OK(r);
  EXPECT_EQ(r->community, "tiny");
  EXPECT_EQ(r->commits_added, 11);  // per repository, every commit is stored
  auto activity = metrics::LoadCommunityActivity(store_->db(), "tiny");
  ASSERT_OK(activity);
  EXPECT_EQ(activity->repositories.size(), 2u);
  EXPECT_EQ(activity->commits.size(), 9u);  // 8 human non-merge commits + Frank's; shared ones once
  EXPECT_EQ(activity->contributions.size(), 10u);  // Dave co-authored one of them
}

class GitIngestErrorTest : public GitIngestTest {};

TEST_F(GitIngestErrorTest, MissingPath) {
  auto r = Ingest(tmp_.Sub("nope"));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), StatusCode::kNotFound);
  EXPECT_NE(r.error().message().find(tmp_.Sub("nope")), std::string::npos);
}

TEST_F(GitIngestErrorTest, NotARepository) {
  std::filesystem::create_directories(tmp_.Sub("plain"));
  auto r = Ingest(tmp_.Sub("plain"));
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message().find("not a git repository"), std::string::npos) << r.error().message();
}

TEST_F(GitIngestErrorTest, EmptyRepository) {
  GitFixture empty(tmp_.Sub("empty"));
  auto r = Ingest(empty.path());
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message().find("has no commits"), std::string::npos) << r.error().message();
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM communities"), 0);
}

TEST_F(GitIngestErrorTest, ShallowClone) {
  oscm::testing::WriteFile(fixture_->path() + "/.git/shallow", fixture_->Oid(5) + "\n");
  auto r = Ingest(fixture_->path());
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message().find("shallow"), std::string::npos) << r.error().message();
}

TEST_F(GitIngestErrorTest, CorruptObjectLeavesStoreUntouched) {
  const std::string oid = fixture_->Oid(4);
  const std::string object = fixture_->path() + "/.git/objects/" + oid.substr(0, 2) + "/" + oid.substr(2);
  oscm::testing::WriteFile(object, "not a zlib stream");
  auto r = Ingest(fixture_->path());
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message().find(oid), std::string::npos) << r.error().message();
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM commits"), 0);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM communities"), 0);
}

TEST_F(GitIngestErrorTest, UnknownBranch) {
  GitIngestOptions o;
  o.location = fixture_->path();
  o.branch = "no-such-branch";
  NullProgress progress;
  auto r = IngestGit(*store_, o, bots_, affiliations_, progress);
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message().find("no-such-branch"), std::string::npos);
}

TEST_F(GitIngestErrorTest, ImplausibleDatesAreRepairedAndCounted) {
  GitFixture odd(tmp_.Sub("odd"));
  FixtureCommit c;
  c.date = "1985-01-01T00:00:00";  // author date before 1990: committer date is used instead
  c.files = {{"a", "a"}};
  odd.Commit(c);
  auto r = Ingest(odd.path());
  ASSERT_OK(r);
  // Both dates are 1985 in this fixture, so the commit is skipped and counted.
  EXPECT_EQ(r->stats.bad, 1);
  EXPECT_EQ(r->commits_added, 0);
}

TEST_F(GitIngestErrorTest, FutureAuthorDateTakesTheCommitterDate) {
  GitFixture odd(tmp_.Sub("odd"));
  FixtureCommit c;
  c.date = "2031-05-01T10:00:00";  // after "now" (2030-01-01) in this test
  c.committer_date = "2024-05-01T10:00:00";
  c.files = {{"a", "a"}};
  odd.Commit(c);
  auto r = Ingest(odd.path());
  ASSERT_OK(r);
  EXPECT_EQ(r->commits_added, 1);
  EXPECT_EQ(r->stats.bad, 1);
  ASSERT_FALSE(r->stats.samples.empty());
  EXPECT_NE(r->stats.samples[0].find("using the committer date"), std::string::npos) << r->stats.samples[0];
  EXPECT_EQ(Count(*store_, "SELECT author_time FROM commits"), oscm::testing::LocalToUnix("2024-05-01T10:00:00", 0));
}

TEST_F(GitIngestErrorTest, MalformedIdentitiesAreCountedAndSanitized) {
  GitFixture odd(tmp_.Sub("odd"));
  FixtureCommit c;
  c.date = "2024-01-01T10:00:00";
  c.author_name = "Ren\xe9 Latin1";  // ISO-8859-1, not UTF-8
  c.author_email = "rene@example.org";
  c.files = {{"a", "a"}};
  odd.Commit(c);
  c.author_name = "No Email";
  c.author_email = "(none)";  // what git writes when user.email is unset
  c.files = {{"b", "b"}};
  odd.Commit(c);
  auto r = Ingest(odd.path());
  ASSERT_OK(r);
  EXPECT_EQ(r->commits_added, 2);
  EXPECT_EQ(r->stats.bad, 2);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM identities WHERE name = 'Ren\xef\xbf\xbd Latin1'"), 1);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM identities WHERE key = 'name:no email'"), 1);
}

TEST_F(GitIngestErrorTest, RepositoryOfAnotherCommunity) {
  ASSERT_OK(Ingest(fixture_->path()));
  GitIngestOptions o;
  o.location = fixture_->path();
  o.community = "other";
  NullProgress progress;
  auto r = IngestGit(*store_, o, bots_, affiliations_, progress);
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message().find("already ingested as part of community 'tiny'"), std::string::npos);
}

}  // namespace
}  // namespace oscm::ingest
