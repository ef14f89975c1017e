#include "ingest/gharchive/gharchive_ingest.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <atomic>
#include <filesystem>

#include <fmt/format.h>

#include "base/time.h"
#include "ingest/gharchive/event_parser.h"
#include "metrics/activity.h"
#include "metrics/gharchive_metrics.h"
#include "metrics/openrank_store.h"
#include "store/gh_coverage.h"
#include "support/test_util.h"

namespace oscm::ingest {
namespace {

using oscm::testing::TempDir;
using oscm::testing::WriteFile;

int64_t Count(store::Store& s, const std::string& sql) { return oscm::testing::QueryInt(s.db(), sql); }

class GhArchiveIngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = store::Store::Open(tmp_.Sub("oscm.db"));
    ASSERT_OK(s);
    store_ = std::make_unique<store::Store>(std::move(s).value());
  }
  Result<std::vector<GhFileResult>> Ingest(std::vector<std::string> files, std::vector<TrackedCommunity> track,
                                           int64_t max_bad = -1, bool all_repos = false) {
    GhArchiveIngestOptions o;
    o.files = std::move(files);
    o.track = std::move(track);
    o.max_bad_lines = max_bad;
    o.all_repos = all_repos;
    NullProgress progress;
    return IngestGhArchive(*store_, o, BotList::Builtin(), progress);
  }
  TempDir tmp_;
  std::unique_ptr<store::Store> store_;
};

// Expected values were derived with Python's json and gzip modules, independently of oscm:
// for each sample (the timeline-format copies stand for 2013 and 2014; the normalised copies of
// the same hours are left out), the events whose repo is the tracked one by name or by GitHub id,
// deduplicated by id. mxcl/homebrew (id 206084) appears in 2014 under its new name,
// homebrew/homebrew: 4 of its 40 events. In 2012 payloads every issue has a "pull_request" object;
// it is a pull request only when that object's URLs are set.
// Every row of a query, one line each, for comparing stores.
std::string Dump(store::Store& s, const std::string& sql) {
  auto stmt = s.db().Prepare(sql);
  EXPECT_OK(stmt);
  std::string out;
  while (true) {
    auto row = stmt->Step();
    EXPECT_OK(row);
    if (!row.has_value() || !*row) break;
    for (int c = 0; c < stmt->ColumnCount(); ++c) out += stmt->ColumnText(c) + "|";
    out += "\n";
  }
  return out;
}

// Files scanned on several threads give the store that one thread reading them in order gives,
// renames included. mxcl/homebrew's id is learned from its events in the 2013 hour; the 2014 hour
// names it homebrew/homebrew. With two threads and these two files, the thread that scans 2014
// never saw 2013, so it drops those events, and the writer must notice and read 2014 again.
TEST_F(GhArchiveIngestTest, SeveralScanningThreadsGiveTheStoreOfOne) {
  const std::vector<TrackedCommunity> track = {{"homebrew", {"mxcl/homebrew"}}, {"three", {"MrDoob/three.js"}}};
  auto ingest = [&](const std::vector<const char*>& names, size_t threads, const std::string& db, size_t batch) {
    std::vector<std::string> files;
    for (const char* f : names) files.push_back(oscm::testing::SharedDataPath(std::string("gharchive-sample/") + f));
    auto s = store::Store::Open(tmp_.Sub(db));
    EXPECT_OK(s);
    GhArchiveIngestOptions o;
    o.files = files;
    o.track = track;
    o.scan_threads = threads;
    o.event_batch = batch;
    o.all_repos = true;
    NullProgress progress;
    EXPECT_OK(IngestGhArchive(*s, o, BotList::Builtin(), progress));
    return std::make_pair(Count(*s, "SELECT count(*) FROM gh_events e JOIN gh_repos r ON r.id = e.repo_id "
                                    "WHERE r.name = 'mxcl/homebrew' AND e.created_at >= 1388534400"),
                          Dump(*s, "SELECT * FROM gh_events ORDER BY id") + Dump(*s, "SELECT * FROM gh_repos ORDER BY id") +
                              Dump(*s, "SELECT * FROM gh_repo_names ORDER BY name") +
                              Dump(*s, "SELECT * FROM gh_files ORDER BY path") +
                              Dump(*s, "SELECT month, repo_id, name, stars, forks, issues_opened, prs_opened, prs_merged, "
                                       "pushes, actors FROM gh_repo_months ORDER BY month, repo_id"));
  };
  const std::vector<const char*> pair = {"gharchive-2013-02-15-0.timeline-format.json.gz",
                                         "gharchive-2014-02-15-0.timeline-format.json.gz"};
  const auto one = ingest(pair, 1, "pair1.db", 512);
  const auto two = ingest(pair, 2, "pair2.db", 512);
  EXPECT_EQ(one.first, 4) << "the 2014 events under the new name";
  EXPECT_EQ(two.first, 4) << "the 2014 hour read again once the 2013 hour taught the id";
  EXPECT_TRUE(two.second == one.second) << "the stores differ";
  // Candidates handed to the writer one at a time: the 2014 hour's are written while it is
  // scanned, then rolled back (with what the matcher learned from them) and read again.
  const auto streamed = ingest(pair, 2, "pair2s.db", 1);
  EXPECT_EQ(streamed.first, 4);
  EXPECT_TRUE(streamed.second == one.second) << "the stores differ";
  // Every sample, in order, on one thread and on three.
  const std::vector<const char*> all = {
      "gharchive-2011-02-15-0.json", "gharchive-2012-02-15-0.json.gz", "gharchive-2013-02-15-0.normalized.json.gz",
      "gharchive-2013-02-15-0.timeline-format.json.gz", "gharchive-2014-02-15-0.normalized.json.gz",
      "gharchive-2014-02-15-0.timeline-format.json.gz", "pinot-2021-07-21-few-hours.json",
      "pinot-githubActivities-2016-07-07.json.gz"};
  const auto all_one = ingest(all, 1, "all1.db", 512);
  EXPECT_GT(all_one.second.size(), 10000u);
  EXPECT_TRUE(ingest(all, 3, "all3.db", 512).second == all_one.second) << "the stores differ";
  EXPECT_TRUE(ingest(all, 3, "all3s.db", 2).second == all_one.second) << "the stores differ";
}

// Files read two at a time make one progress line: one phase, the bytes of all the files read
// against their total, ending at the total (a skipped file counts as read).
TEST_F(GhArchiveIngestTest, ProgressIsOneLineForAllTheFiles) {
  struct Recorded {
    std::string phase;
    uint64_t done, total;
    ProgressUnit unit;
  };
  struct Recorder final : ProgressSink {
    std::vector<Recorded> updates;
    void Update(std::string_view phase, uint64_t done, uint64_t total, ProgressUnit unit) override {
      updates.push_back({std::string(phase), done, total, unit});
    }
    void Done() override {}
  };
  std::vector<std::string> files;
  uint64_t total = 0;
  for (const char* f : {"gharchive-2012-02-15-0.json.gz", "gharchive-2013-02-15-0.timeline-format.json.gz",
                        "gharchive-2014-02-15-0.timeline-format.json.gz"}) {
    files.push_back(oscm::testing::SharedDataPath(std::string("gharchive-sample/") + f));
    total += std::filesystem::file_size(files.back());
  }
  for (const bool again : {false, true}) {
    SCOPED_TRACE(again ? "second run: every file skipped" : "first run");
    GhArchiveIngestOptions o;
    o.files = files;
    o.track = {{"homebrew", {"mxcl/homebrew"}}};
    o.scan_threads = 2;
    Recorder recorder;
    ASSERT_OK(IngestGhArchive(*store_, o, BotList::Builtin(), recorder));
    ASSERT_FALSE(recorder.updates.empty());
    for (const Recorded& u : recorder.updates) {
      EXPECT_EQ(u.phase, "3 files");
      EXPECT_EQ(u.total, total);
      EXPECT_LE(u.done, total);
      EXPECT_EQ(u.unit, ProgressUnit::kBytes);
    }
    EXPECT_EQ(recorder.updates.back().done, total);
  }
}

TEST_F(GhArchiveIngestTest, RealSamplesForTwoTrackedRepositories) {
  std::vector<std::string> files;
  for (const char* f : {"gharchive-2011-02-15-0.json", "gharchive-2012-02-15-0.json.gz",
                        "gharchive-2013-02-15-0.timeline-format.json.gz",
                        "gharchive-2014-02-15-0.timeline-format.json.gz", "pinot-2021-07-21-few-hours.json",
                        "pinot-githubActivities-2016-07-07.json.gz"}) {
    files.push_back(oscm::testing::SharedDataPath(std::string("gharchive-sample/") + f));
  }
  auto r = Ingest(files, {{"homebrew", {"mxcl/homebrew"}}, {"three", {"MrDoob/three.js"}}});
  ASSERT_OK(r);
  ASSERT_EQ(r->size(), 6u);
  int64_t bad = 0;
  for (const auto& f : *r) bad += f.bad_lines;
  EXPECT_EQ(bad, 0);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_events e JOIN gh_repos r ON r.id = e.repo_id WHERE r.name = 'mxcl/homebrew'"), 40);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_events e JOIN gh_repos r ON r.id = e.repo_id WHERE r.name = 'mrdoob/three.js'"), 20);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_events e JOIN gh_repos r ON r.id = e.repo_id "
                           "WHERE r.name = 'mxcl/homebrew' AND type = 'IssueCommentEvent'"), 17);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_repo_names WHERE name = 'homebrew/homebrew'"), 1);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_files"), 6);

  // Six files are a few hours of 15 years: over a year, nothing is known, so nothing is 0.
  auto homebrew = metrics::LoadCommunityActivity(store_->db(), "homebrew");
  ASSERT_OK(homebrew);
  const TimeWindow year{*ParseDate("2012-01-01"), *ParseDate("2013-01-01")};
  EXPECT_FALSE(metrics::Stars(*homebrew, year).has_value());
  EXPECT_FALSE(metrics::IssuesOpened(*homebrew, year).has_value());
  EXPECT_FALSE(metrics::ActiveActors(*homebrew, year).has_value());
  EXPECT_FALSE(metrics::StarsTotal(*homebrew, year).has_value());  // only the API lists every star
  // The four files named after their hour cover those hours (2013 and 2014 in Pacific time); the
  // two pinot extracts are not hours of the archive and cover nothing.
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_coverage c JOIN gh_repos r ON r.id = c.repo_id "
                           "WHERE r.name = 'mxcl/homebrew'"), 4);
  EXPECT_EQ(Count(*store_, "SELECT SUM(end - begin) FROM gh_coverage"), 2 * 4 * 3600);
  // Within a covered hour the counts are those of the file (by jq over the 2012 hour).
  const TimeWindow hour_2012{*ParseDate("2012-02-15"), *ParseDate("2012-02-15") + 3600};
  EXPECT_EQ(*metrics::IssuesOpened(*homebrew, hour_2012), 1);
  EXPECT_EQ(*metrics::PrsOpened(*homebrew, hour_2012), 1);
  EXPECT_EQ(*metrics::PrsMerged(*homebrew, hour_2012), 0);
  EXPECT_EQ(*metrics::ActiveActors(*homebrew, hour_2012), 2);
  auto three = metrics::LoadCommunityActivity(store_->db(), "three");
  ASSERT_OK(three);
  EXPECT_EQ(*metrics::IssuesOpened(*three, hour_2012), 2);
  EXPECT_EQ(*metrics::IssuesClosed(*three, hour_2012), 1);
  EXPECT_EQ(*metrics::ActiveActors(*three, hour_2012), 6);
  const TimeWindow hour_2013{*ParseDate("2013-02-15") + 8 * 3600, *ParseDate("2013-02-15") + 9 * 3600};
  EXPECT_EQ(*metrics::PrsOpened(*homebrew, hour_2013), 1);
  // Half an hour read is not enough to say anything about the two hours around it.
  const TimeWindow around{hour_2013.begin - 3600, hour_2013.end};
  EXPECT_FALSE(metrics::PrsOpened(*homebrew, around).has_value());

  // A second run reads nothing again and changes nothing.
  auto again = Ingest(files, {});
  ASSERT_OK(again);
  for (const auto& f : *again) EXPECT_TRUE(f.skipped) << f.path;
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_events"), 60);
}

std::string Event(const std::string& id, const std::string& type, const std::string& repo, int64_t repo_id,
                  const std::string& actor, const std::string& when, const std::string& payload) {
  return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"actor\":{\"login\":\"" + actor +
         "\",\"id\":1},\"repo\":{\"id\":" + std::to_string(repo_id) + ",\"name\":\"" + repo +
         "\"},\"payload\":" + payload + ",\"created_at\":\"" + when + "\"}\n";
}

TEST_F(GhArchiveIngestTest, MetricsFromHandMadeEventsAndRenames) {
  const std::string issue = R"({"action":"opened","issue":{"number":1,"user":{"login":"ann"},"created_at":"2024-03-01T10:00:00Z"}})";
  const std::string comment = R"({"action":"created","issue":{"number":1,"user":{"login":"ann"},"created_at":"2024-03-01T10:00:00Z"}})";
  const std::string closed = R"({"action":"closed","issue":{"number":1,"user":{"login":"ann"},"created_at":"2024-03-01T10:00:00Z"}})";
  const std::string pr = R"({"action":"closed","number":2,"pull_request":{"number":2,"user":{"login":"bob"},"created_at":"2024-03-02T00:00:00Z","merged":true,"merged_at":"2024-03-02T10:00:00Z"}})";
  WriteFile(tmp_.Sub("hour.json"),
            Event("1", "IssuesEvent", "acme/tool", 42, "ann", "2024-03-01T10:00:00Z", issue) +
            Event("2", "IssueCommentEvent", "acme/tool", 42, "ann", "2024-03-01T11:00:00Z", comment) +  // the author: not a response
            Event("3", "IssueCommentEvent", "acme/tool", 42, "cat", "2024-03-01T12:00:00Z", comment) +  // 2 h
            Event("4", "IssuesEvent", "acme/tool", 42, "cat", "2024-03-01T15:00:00Z", closed) +         // 5 h
            Event("5", "PullRequestEvent", "ACME/Tool", 42, "cat", "2024-03-02T10:00:01Z", pr) +        // 10 h
            Event("6", "WatchEvent", "acme/renamed", 42, "dan", "2024-03-03T00:00:00Z", "{\"action\":\"started\"}") +
            Event("7", "WatchEvent", "other/repo", 7, "eve", "2024-03-03T00:00:00Z", "{\"action\":\"started\"}") +
            Event("8", "WatchEvent", "acme/tool", 99, "fay", "2024-03-04T00:00:00Z", "{\"action\":\"started\"}") +
            Event("9", "WatchEvent", "acme/tool", 42, "dependabot[bot]", "2024-03-04T00:00:00Z", "{\"action\":\"started\"}"));
  auto r = Ingest({tmp_.Sub("hour.json")}, {{"acme", {"acme/tool"}}});
  ASSERT_OK(r);
  // Event 6 follows the rename by id; event 8 reuses the old name for another repository (id 99).
  EXPECT_EQ((*r)[0].events_stored, 7);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_repo_names"), 2);
  EXPECT_EQ(Count(*store_, "SELECT gh_id FROM gh_repos"), 42);
  // A file whose name is not an hour of the archive covers nothing: no metric has a value.
  auto uncovered = metrics::LoadCommunityActivity(store_->db(), "acme");
  ASSERT_OK(uncovered);
  const TimeWindow march{*ParseDate("2024-03-01"), *ParseDate("2024-04-01")};
  EXPECT_FALSE(metrics::Stars(*uncovered, march).has_value());
  // As if every hour of March and April had been read (none of them holds other events).
  ASSERT_OK(store::AddCoverage(store_->db(), Count(*store_, "SELECT id FROM gh_repos WHERE name = 'acme/tool'"),
                               march.begin, *ParseDate("2024-05-01")));
  auto a = metrics::LoadCommunityActivity(store_->db(), "acme");
  ASSERT_OK(a);
  EXPECT_EQ(*metrics::IssueFirstResponseHours(*a, march), 2.0);
  EXPECT_EQ(*metrics::IssueCloseHours(*a, march), 5.0);
  EXPECT_EQ(*metrics::PrMergeHours(*a, march), 10.0);
  EXPECT_EQ(*metrics::PrsMerged(*a, march), 1);
  EXPECT_EQ(*metrics::Stars(*a, march), 2);        // dan and the bot: stars count bots too
  EXPECT_EQ(*metrics::ActiveActors(*a, march), 3);  // ann, cat, dan; not the bot
  EXPECT_EQ(*metrics::IssueAuthors(*a, march), 1);
  const TimeWindow april{*ParseDate("2024-04-01"), *ParseDate("2024-05-01")};
  EXPECT_EQ(*metrics::Stars(*a, april), 0);  // read, and nobody starred: a real 0
  EXPECT_FALSE(metrics::StarsTotal(*a, april).has_value());
  EXPECT_FALSE(metrics::IssueCloseHours(*a, april).has_value());
}

TEST_F(GhArchiveIngestTest, LabelsMembersAndActorsWhoAreGitIdentities) {
  WriteFile(tmp_.Sub("h.json"),
            Event("1", "IssuesEvent", "acme/tool", 42, "Erin-Dev", "2024-03-01T10:00:00Z",
                  R"({"action":"opened","issue":{"number":3,"labels":[{"name":"bug"},{"name":"good first issue"}]}})") +
            Event("2", "MemberEvent", "acme/tool", 42, "ann", "2024-03-01T11:00:00Z",
                  R"({"action":"added","member":{"login":"newbie","id":5}})"));
  ASSERT_OK(Ingest({tmp_.Sub("h.json")}, {{"acme", {"acme/tool"}}}));
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_events WHERE labels = 'bug\ngood first issue\n'"), 1);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_events WHERE member = 'newbie'"), 1);
  // A git identity that learned the login erin-dev from a noreply address is the same person.
  ASSERT_OK(store_->db().Exec(
      "INSERT INTO identities(key, name, email, login, is_bot) VALUES "
      "('github:erin-dev', 'Erin', '12345+erin-dev@users.noreply.github.com', 'erin-dev', 0)"));
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_actor_identities WHERE actor = 'Erin-Dev'"), 1);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_actor_identities WHERE actor = 'ann'"), 0);
}

TEST_F(GhArchiveIngestTest, CommunityWithoutGhArchiveDataHasNoValues) {
  ASSERT_OK(store_->EnsureCommunity("gitonly"));
  auto a = metrics::LoadCommunityActivity(store_->db(), "gitonly");
  ASSERT_OK(a);
  const TimeWindow any{0, *ParseDate("2030-01-01")};
  EXPECT_FALSE(metrics::Stars(*a, any).has_value());
  EXPECT_FALSE(metrics::ActiveActors(*a, any).has_value());
}

TEST_F(GhArchiveIngestTest, AllReposKeepsEveryRepositorysMonthOnce) {
  const std::string started = "{\"action\":\"started\"}";
  WriteFile(tmp_.Sub("h.json"),
            Event("1", "WatchEvent", "acme/tool", 42, "ann", "2024-03-01T10:00:00Z", started) +
            Event("2", "WatchEvent", "acme/tool", 42, "dependabot[bot]", "2024-03-01T10:00:00Z", started) +
            Event("3", "IssuesEvent", "acme/tool", 42, "ann", "2024-03-02T10:00:00Z",
                  R"({"action":"opened","issue":{"number":1,"user":{"login":"ann"}}})") +
            Event("4", "PullRequestEvent", "acme/tool", 42, "bob", "2024-03-02T10:00:00Z",
                  R"({"action":"opened","number":2,"pull_request":{"number":2,"user":{"login":"bob"}}})") +
            Event("5", "PullRequestEvent", "acme/tool", 42, "cat", "2024-03-03T10:00:00Z",
                  R"({"action":"closed","number":2,"pull_request":{"number":2,"merged":true,"merged_at":"2024-03-03T10:00:00Z"}})") +
            Event("6", "PushEvent", "ACME/Tool", 42, "Ann", "2024-03-03T11:00:00Z", R"({"size":1,"distinct_size":1})") +
            Event("7", "ForkEvent", "other/repo", 7, "eve", "2024-03-31T23:59:59Z", "{}") +
            Event("8", "WatchEvent", "acme/renamed", 42, "dan", "2024-04-01T00:00:00Z", started) +
            Event("9", "WatchEvent", "no/id", 0, "fay", "2024-04-01T00:00:00Z", started));
  // Without tracked repositories, and a second time: nothing is counted twice.
  for (int run = 0; run < 2; ++run) {
    auto r = Ingest({tmp_.Sub("h.json")}, {}, -1, /*all_repos=*/true);
    ASSERT_OK(r);
    EXPECT_EQ((*r)[0].skipped, run == 1);
  }
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_repo_months"), 3);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_repo_months WHERE month = '2024-03' AND repo_id = 42 AND "
                           "name = 'acme/tool' AND stars = 2 AND forks = 0 AND issues_opened = 1 AND prs_opened = 1 "
                           "AND prs_merged = 1 AND pushes = 1 AND actors = 3"), 1);  // ann, bob, cat; not the bot
  EXPECT_EQ(Count(*store_, "SELECT actors FROM gh_repo_months WHERE month = '2024-03' AND repo_id = 7 AND forks = 1"), 1);
  EXPECT_EQ(Count(*store_, "SELECT stars FROM gh_repo_months WHERE month = '2024-04' AND name = 'acme/renamed'"), 1);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_events"), 0);
}

// OpenRank's input (gh_activity) from --all-repos: each person's weighed activity per repository
// and month, bots and "[snyk]" pull requests left out; files read in any order, in one run or
// several, give the same rows and so the same OpenRank.
TEST_F(GhArchiveIngestTest, AllReposKeepsOpenRanksActivityWhateverTheOrderOfFiles) {
  auto event = [](const std::string& id, const std::string& type, int64_t repo_id, const std::string& actor,
                  int64_t actor_id, const std::string& payload) {
    return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"actor\":{\"login\":\"" + actor + "\",\"id\":" +
           std::to_string(actor_id) + "},\"repo\":{\"id\":" + std::to_string(repo_id) + ",\"name\":\"o/r" +
           std::to_string(repo_id) + "\"},\"payload\":" + payload + ",\"created_at\":\"2024-03-05T10:00:00Z\"}\n";
  };
  const std::string opened = R"({"action":"opened","issue":{"number":1,"title":"Crash"}})";
  const std::string pr = R"({"action":"opened","number":2,"pull_request":{"number":2,"title":"Fix"}})";
  const std::string snyk = R"({"action":"opened","number":3,"pull_request":{"number":3,"title":"[Snyk] Upgrade"}})";
  WriteFile(tmp_.Sub("a.json"), event("1", "IssuesEvent", 7, "ann", 11, opened) +
                                    event("2", "IssueCommentEvent", 7, "bob", 12, R"({"action":"created"})") +
                                    event("3", "IssueCommentEvent", 7, "bob", 12, R"({"action":"created"})") +
                                    event("4", "PullRequestEvent", 8, "ann", 11, pr) +
                                    event("5", "PullRequestEvent", 8, "ann", 11, snyk) +
                                    event("6", "IssueCommentEvent", 8, "dependabot[bot]", 13, R"({"action":"created"})"));
  WriteFile(tmp_.Sub("b.json"), event("7", "PushEvent", 7, "bob", 12, R"({"size":1})") +
                                    event("8", "PullRequestReviewCommentEvent", 8, "bob", 12, R"({"action":"created"})") +
                                    event("9", "IssuesEvent", 7, "ann", 11, R"({"action":"closed","issue":{"number":1}})") +
                                    event("10", "WatchEvent", 7, "cat", 14, R"({"action":"started"})"));
  auto dump = [](store::Store& s) {
    return Dump(s, "SELECT * FROM gh_activity ORDER BY 1, 2, 3") + Dump(s, "SELECT * FROM gh_openrank ORDER BY 1, 2, 3");
  };
  auto update = [](store::Store& s) {
    NullProgress progress;
    auto r = metrics::UpdateOpenRank(s.db(), progress);
    EXPECT_OK(r);
    return r.has_value() ? r->size() : 0;
  };
  ASSERT_OK(Ingest({tmp_.Sub("a.json"), tmp_.Sub("b.json")}, {}, -1, /*all_repos=*/true));
  EXPECT_EQ(update(*store_), 1u);
  // (month, repo, actor, issues opened, issue comments, issues closed, review comments, PRs opened, pushes)
  EXPECT_EQ(Dump(*store_, "SELECT * FROM gh_activity ORDER BY 1, 2, 3"),
            "2024-03|7|11|1|0|1|0|0|0|\n"
            "2024-03|7|12|0|2|0|0|0|1|\n"
            "2024-03|8|11|0|0|0|0|1|0|\n"
            "2024-03|8|12|0|0|0|1|0|0|\n");
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_openrank WHERE month = '2024-03' AND kind = 'repo'"), 2);
  const std::string one_run = dump(*store_);

  auto other = store::Store::Open(tmp_.Sub("other.db"));
  ASSERT_OK(other);
  store_ = std::make_unique<store::Store>(std::move(other).value());
  ASSERT_OK(Ingest({tmp_.Sub("b.json")}, {}, -1, /*all_repos=*/true));
  EXPECT_EQ(update(*store_), 1u);
  ASSERT_OK(Ingest({tmp_.Sub("a.json")}, {}, -1, /*all_repos=*/true));
  EXPECT_EQ(update(*store_), 1u);
  EXPECT_EQ(dump(*store_), one_run);
}

TEST_F(GhArchiveIngestTest, AllReposReadsAgainAFileReadWithoutIt) {
  const std::string file = oscm::testing::SharedDataPath("gharchive-sample/pinot-githubActivities-2016-07-07.json.gz");
  ASSERT_OK(Ingest({file}, {{"k8s", {"kubernetes/kubernetes.github.io"}}}));
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_repo_months"), 0);
  auto again = Ingest({file}, {}, -1, /*all_repos=*/true);
  ASSERT_OK(again);
  EXPECT_FALSE((*again)[0].skipped);
  EXPECT_EQ((*again)[0].events_stored, 0);  // the tracked events were stored the first time
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_events"), 16);
  EXPECT_GT(Count(*store_, "SELECT COUNT(*) FROM gh_repo_months"), 1000);
  EXPECT_EQ(Count(*store_, "SELECT all_repos FROM gh_files"), 1);
  auto tracked_only = Ingest({file}, {});
  ASSERT_OK(tracked_only);
  EXPECT_TRUE((*tracked_only)[0].skipped);
}

// Two processes ingesting one file at once: the second looked at the ingest log before the first
// logged the file, and writes it after. The file must not count twice: whether it is in the log
// is decided again inside the file's transaction.
TEST_F(GhArchiveIngestTest, FileLoggedByAnotherProcessMeanwhileIsNotCountedTwice) {
  const std::string file = oscm::testing::SharedDataPath("gharchive-sample/pinot-githubActivities-2016-07-07.json.gz");
  for (const bool all_repos : {true, false}) {
    SCOPED_TRACE(all_repos ? "--all-repos" : "tracked repositories");
    TempDir tmp;
    auto mine = store::Store::Open(tmp.Sub("oscm.db"));
    ASSERT_OK(mine);
    GhArchiveIngestOptions o;
    o.files = {file};
    o.all_repos = all_repos;
    o.track = {{"k8s", {"kubernetes/kubernetes.github.io"}}};
    ASSERT_OK(TrackRepositories(*mine, o.track));
    auto writer = GhScanWriter::Create(*mine, o, BotList::Builtin());
    ASSERT_OK(writer);
    auto done = writer->IngestedFiles();
    ASSERT_OK(done);
    EXPECT_TRUE(done->empty());
    // The other process, meanwhile.
    auto other = store::Store::Open(tmp.Sub("oscm.db"));
    ASSERT_OK(other);
    NullProgress quiet;
    ASSERT_OK(IngestGhArchive(*other, o, BotList::Builtin(), quiet));
    const std::string once = Dump(*other, "SELECT * FROM gh_repo_months ORDER BY month, repo_id") +
                             Dump(*other, "SELECT * FROM gh_files") + Dump(*other, "SELECT * FROM gh_events ORDER BY id");
    // This process goes on with the file, as the log it read said it was new.
    GhFileScan scan;
    scan.path = file;
    scan.size = static_cast<int64_t>(std::filesystem::file_size(file));
    RepoMatcher filter = writer->matcher();
    GhScanOptions scan_options;
    scan_options.all_repos = all_repos;
    ASSERT_OK(ScanGhFile(filter, BotList::Builtin(), scan_options, quiet, "", &scan));
    auto txn = store::Transaction::Begin(mine->db());
    ASSERT_OK(txn);
    auto r = writer->Write(scan);
    ASSERT_OK(r);
    EXPECT_TRUE(r->skipped);
    ASSERT_OK(txn->Commit());
    EXPECT_EQ(Dump(*mine, "SELECT * FROM gh_repo_months ORDER BY month, repo_id") + Dump(*mine, "SELECT * FROM gh_files") +
                  Dump(*mine, "SELECT * FROM gh_events ORDER BY id"),
              once);
  }
}

// Ctrl-C after a file was read whole, before it was kept: the run stops and keeps nothing of it.
TEST_F(GhArchiveIngestTest, InterruptAfterTheScanKeepsNothing) {
  const std::string file = oscm::testing::SharedDataPath("gharchive-sample/pinot-githubActivities-2016-07-07.json.gz");
  std::atomic<bool> cancel{false};
  struct CancelAtTheEnd final : ProgressSink {
    std::atomic<bool>* cancel;
    uint64_t size;
    void Update(std::string_view, uint64_t done, uint64_t, ProgressUnit) override {
      if (done == size) cancel->store(true);
    }
    void Done() override {}
  } progress;
  progress.cancel = &cancel;
  progress.size = std::filesystem::file_size(file);
  GhArchiveIngestOptions o;
  o.files = {file};
  o.all_repos = true;
  o.cancel = &cancel;
  auto r = IngestGhArchive(*store_, o, BotList::Builtin(), progress);
  ASSERT_TRUE(cancel.load());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), StatusCode::kCancelled);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_files"), 0);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_repo_months"), 0);
}

class GhArchiveIngestErrorTest : public GhArchiveIngestTest {};

// A file without a single event is not GH Archive data (random bytes, a wrong file): it is
// rejected, whatever --max-bad-lines says. A truly empty file is logged (as an hour without
// events) and its result says it had no lines.
TEST_F(GhArchiveIngestErrorTest, FileWithoutAnyEventIsRejectedUnlessEmpty) {
  std::string noise;
  for (int i = 0; i < 4000; ++i) noise += static_cast<char>((i * 7919 + 13) % 251);
  WriteFile(tmp_.Sub("random.json.gz"), noise);
  WriteFile(tmp_.Sub("bad.json"), "not json\n{\"a\":1}\n");
  WriteFile(tmp_.Sub("empty.json"), "");
  auto r = Ingest({tmp_.Sub("bad.json"), tmp_.Sub("empty.json"), tmp_.Sub("random.json.gz")}, {}, -1, /*all_repos=*/true);
  ASSERT_OK(r);
  ASSERT_EQ(r->size(), 3u);
  for (const size_t i : {size_t{0}, size_t{2}}) {
    SCOPED_TRACE((*r)[i].path);
    EXPECT_EQ((*r)[i].error.code(), StatusCode::kCorruption);
    EXPECT_NE((*r)[i].error.message().find((*r)[i].path + ": not GH Archive data: none of its"), std::string::npos)
        << (*r)[i].error.message();
  }
  EXPECT_NE((*r)[0].error.message().find("none of its 2 lines is an event"), std::string::npos) << (*r)[0].error.message();
  EXPECT_OK((*r)[1].error);
  EXPECT_EQ((*r)[1].lines, 0);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_files"), 1);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_files WHERE path LIKE '%empty.json' AND lines = 0"), 1);
}

TEST_F(GhArchiveIngestErrorTest, BadLinesAreCountedAndCanFailTheFile) {
  WriteFile(tmp_.Sub("bad.json"),
            Event("1", "WatchEvent", "acme/tool", 42, "ann", "2024-03-01T10:00:00Z", "{}") + "not json\n" +
            "{\"a\":1}\n" + Event("2", "ForkEvent", "acme/tool", 42, "bob", "2024-03-01T10:00:00Z", "{}"));
  auto failed = Ingest({tmp_.Sub("bad.json")}, {{"acme", {"acme/tool"}}}, /*max_bad=*/1);
  ASSERT_OK(failed);
  ASSERT_EQ(failed->size(), 1u);
  EXPECT_EQ((*failed)[0].error.code(), StatusCode::kCorruption);
  EXPECT_NE((*failed)[0].error.message().find("2 bad lines, more than --max-bad-lines 1"), std::string::npos)
      << (*failed)[0].error.message();
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_events"), 0);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_files"), 0);
  auto r = Ingest({tmp_.Sub("bad.json")}, {});
  ASSERT_OK(r);
  EXPECT_EQ((*r)[0].bad_lines, 2);
  EXPECT_EQ((*r)[0].events_stored, 2);
  ASSERT_EQ((*r)[0].samples.size(), 2u);
  EXPECT_EQ((*r)[0].samples[0].rfind(tmp_.Sub("bad.json") + ":2: invalid JSON", 0), 0u) << (*r)[0].samples[0];
  EXPECT_NE((*r)[0].samples[1].find(":3: no type"), std::string::npos) << (*r)[0].samples[1];
}

// A file rejected after its first candidates were written (here one at a time) leaves nothing:
// not its events, and not the rename its events taught the matcher, which a later file of the
// same run would otherwise store.
TEST_F(GhArchiveIngestErrorTest, FileRejectedAfterItsCandidatesWereWrittenLeavesNothing) {
  const std::string star = "{\"action\":\"started\"}";
  WriteFile(tmp_.Sub("a.json"), Event("1", "WatchEvent", "acme/tool", 42, "ann", "2024-03-01T10:00:00Z", star) +
                                    Event("2", "WatchEvent", "acme/renamed", 42, "bob", "2024-03-01T11:00:00Z", star) +
                                    "not json\nnot json either\n");
  WriteFile(tmp_.Sub("b.json"), Event("3", "WatchEvent", "acme/tool", 42, "cat", "2024-03-02T10:00:00Z", star));
  GhArchiveIngestOptions o;
  o.files = {tmp_.Sub("a.json"), tmp_.Sub("b.json")};
  o.track = {{"acme", {"acme/tool"}}};
  o.max_bad_lines = 1;
  o.event_batch = 1;
  NullProgress progress;
  auto r = IngestGhArchive(*store_, o, BotList::Builtin(), progress);
  ASSERT_OK(r);
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].error.code(), StatusCode::kCorruption);
  EXPECT_EQ((*r)[0].events_stored, 0);
  EXPECT_EQ((*r)[1].events_stored, 1);
  EXPECT_EQ(Dump(*store_, "SELECT id FROM gh_events ORDER BY id"), "3|\n");
  EXPECT_EQ(Dump(*store_, "SELECT name FROM gh_repo_names ORDER BY name"), "acme/tool|\n");
  EXPECT_EQ(Dump(*store_, "SELECT path FROM gh_files"), tmp_.Sub("b.json") + "|\n");
}

// A file whose size cannot be read (a FIFO named among the files) stops the run before any file
// is read or anything stored (not even the newly tracked repository), with one error naming it.
TEST_F(GhArchiveIngestErrorTest, UnsizableFileStopsTheRunBeforeAnyReading) {
  const std::string good = oscm::testing::SharedDataPath("gharchive-sample/pinot-githubActivities-2016-07-07.json.gz");
  const std::string fifo = tmp_.Sub("z-fifo.json");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  auto r = Ingest({good, fifo}, {{"k8s", {"kubernetes/kubernetes.github.io"}}});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), StatusCode::kIoError);
  EXPECT_EQ(r.error().message().rfind(fifo + ": ", 0), 0u) << r.error().message();
  EXPECT_EQ(r.error().message().find('\n'), std::string::npos);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_files"), 0);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_events"), 0);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_repos"), 0);
}

TEST_F(GhArchiveIngestErrorTest, TruncatedGzipIsRejectedAndTheOtherFilesAreRead) {
  const std::string good = oscm::testing::SharedDataPath("gharchive-sample/pinot-githubActivities-2016-07-07.json.gz");
  const std::string bytes = oscm::testing::ReadFile(good);
  WriteFile(tmp_.Sub("a-cut.json.gz"), bytes.substr(0, bytes.size() / 2));
  auto r = Ingest({tmp_.Sub("a-cut.json.gz"), good}, {{"k8s", {"kubernetes/kubernetes.github.io"}}});
  ASSERT_OK(r);
  ASSERT_EQ(r->size(), 2u);
  EXPECT_NE((*r)[0].error.message().find("truncated gzip"), std::string::npos) << (*r)[0].error.message();
  EXPECT_NE((*r)[0].error.message().find("a-cut.json.gz"), std::string::npos);
  EXPECT_EQ((*r)[0].events_stored, 0);
  EXPECT_OK((*r)[1].error);
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_files"), 1);  // only the good file is logged
  EXPECT_EQ(Count(*store_, "SELECT COUNT(*) FROM gh_events"), 16);
  // The rejected file is read again next time (and rejected again); the good one is skipped.
  auto again = Ingest({tmp_.Sub("a-cut.json.gz"), good}, {});
  ASSERT_OK(again);
  EXPECT_FALSE((*again)[0].error.ok());
  EXPECT_TRUE((*again)[1].skipped);
}

TEST_F(GhArchiveIngestErrorTest, NothingTrackedOrBadSpecOrMissingPath) {
  WriteFile(tmp_.Sub("x.json"), "");
  auto none = Ingest({tmp_.Sub("x.json")}, {});
  ASSERT_FALSE(none.has_value());
  EXPECT_NE(none.error().message().find("no repositories are tracked"), std::string::npos);
  for (const char* bad : {"tidb", "=a/b", "tidb=pingcap", "tidb=a/b/c", "tidb=", "tidb=a/b,/x"}) {
    EXPECT_FALSE(ParseTrackSpec(bad).has_value()) << bad;
  }
  auto ok = ParseTrackSpec("tidb=pingcap/tidb, tikv/tikv");
  ASSERT_OK(ok);
  EXPECT_EQ(ok->community, "tidb");
  EXPECT_EQ(ok->repos, (std::vector<std::string>{"pingcap/tidb", "tikv/tikv"}));
  auto missing = ExpandGhArchivePaths({tmp_.Sub("nope")});
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(missing.error().message().find("nope"), std::string::npos);
  auto dir = ExpandGhArchivePaths({oscm::testing::SharedDataPath("gharchive-sample")});
  ASSERT_OK(dir);
  EXPECT_EQ(dir->size(), 8u);
}

}  // namespace
}  // namespace oscm::ingest
