#include "ingest/gitee/gitee_ingest.h"

#include <gtest/gtest.h>

#include "base/time.h"
#include "metrics/activity.h"
#include "metrics/gharchive_metrics.h"
#include "support/recording_waiter.h"
#include "support/replay_server.h"
#include "support/test_util.h"
#include "unit/ingest/gitee/gitee_test_data.h"

namespace oscm::ingest {
namespace {

using namespace oscm::testing;  // NOLINT: the routes and bodies of gitee_test_data.h

constexpr int64_t kNow = 1710072000;  // 2024-03-10T12:00:00Z

using oscm::testing::RecordingWaiter;

class GiteeIngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = store::Store::Open(tmp_.Sub("oscm.db"));
    ASSERT_OK(s);
    store_ = std::make_unique<store::Store>(std::move(s).value());
    auto t = NewCurlTransport({});
    ASSERT_OK(t);
    transport_ = std::move(t).value();
  }

  Result<std::vector<GiteeRepoResult>> Sync(const std::string& repo, const std::atomic<bool>* cancel = nullptr) {
    client_ = std::make_unique<RestClient>(GiteeClientOptions(server_.base_url() + "/api/v5", "", true), *transport_,
                                           waiter_, clock_);
    GiteeIngestOptions o;
    o.repos = {repo};
    o.community = "widget";
    o.per_page = 2;
    o.cancel = cancel;
    NullProgress progress;
    return IngestGitee(*store_, o, *client_, BotList::Builtin(), clock_, progress);
  }

  int64_t Count(const std::string& sql) { return QueryInt(store_->db(), sql); }
  std::vector<std::string> Targets() {
    std::vector<std::string> t;
    for (const auto& r : server_.requests()) t.push_back(r.target);
    return t;
  }

  TempDir tmp_;
  ReplayServer server_;
  RecordingWaiter waiter_;
  FixedClock clock_{kNow};
  std::unique_ptr<HttpTransport> transport_;
  std::unique_ptr<RestClient> client_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(GiteeIngestTest, StoresTheRepositoryAsEventsTheMetricsRead) {
  RouteGiteeWidget(server_, 2);
  auto r = Sync("https://gitee.com/acme/widget.git");
  ASSERT_OK(r);
  ASSERT_EQ(r->size(), 1u);
  // 3 stars (two pages), 1 fork, 2 issues opened and 1 closed, a pull request opened and merged,
  // an issue comment, a review comment, a release.
  EXPECT_EQ((*r)[0].events_stored, 12);
  EXPECT_EQ((*r)[0].contributors, 2);
  EXPECT_EQ((*r)[0].snapshot.stars, 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_repos WHERE name = 'gitee.com/acme/widget' AND gh_id IS NULL"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_repo_snapshots WHERE license = 'Apache-2.0' AND watchers = 4"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_events WHERE id LIKE 'gitee:5001:%'"), 12);
  EXPECT_EQ(Count("SELECT SUM(contributions) FROM gh_repo_contributors"), 15);
  // Times are UTC: the issue opened at 08:00+08:00 is 00:00Z.
  EXPECT_EQ(Count("SELECT created_at FROM gh_events WHERE id = 'gitee:5001:issue:I8ABCD:opened'"),
            *ParseDate("2024-02-01"));
  // The comment knows its issue's author and opening time: the first response takes 4 hours.
  auto a = metrics::LoadCommunityActivity(store_->db(), "widget");
  ASSERT_OK(a);
  const TimeWindow w{*ParseDate("2024-01-01"), *ParseDate("2024-03-01")};
  EXPECT_EQ(metrics::Stars(*a, w).value_or(-1), 3);
  // Forks and reviewers count only over GH Archive hours (an API listing misses deleted forks and
  // approvals without comments), so they are null here, though the fork and review are stored.
  EXPECT_FALSE(metrics::Forks(*a, w).has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_events WHERE type IN ('ForkEvent', 'PullRequestReviewCommentEvent')"), 2);
  EXPECT_EQ(metrics::IssuesOpened(*a, w).value_or(-1), 2);
  EXPECT_EQ(metrics::IssuesClosed(*a, w).value_or(-1), 1);
  EXPECT_EQ(metrics::PrsMerged(*a, w).value_or(-1), 1);
  EXPECT_FALSE(metrics::Reviewers(*a, w).has_value());
  EXPECT_EQ(metrics::ReleasesPublished(*a, w).value_or(-1), 1);
  EXPECT_DOUBLE_EQ(metrics::IssueFirstResponseHours(*a, w).value_or(-1), 4.0);
  EXPECT_DOUBLE_EQ(metrics::PrMergeHours(*a, w).value_or(-1), 48.0);
  EXPECT_EQ(metrics::TitleLanguages(*a, w).value_or(-1), 2);  // Chinese and English titles
}

TEST_F(GiteeIngestTest, SecondRunReadsOnlyWhatMayHaveChanged) {
  RouteGiteeWidget(server_, 2);
  ASSERT_OK(Sync("acme/widget"));
  server_.Route(GiteePath("/issues/comments", 1, 2, "&since=2024-02-01T04:00:00Z"),
                ReplayResponse{200, {{"total_page", "1"}}, kGiteeIssueComments});
  server_.ClearRequests();
  auto again = Sync("acme/widget");
  ASSERT_OK(again);
  EXPECT_EQ((*again)[0].events_stored, 0);
  const auto targets = Targets();
  // Stars and forks match the repository's counts: not listed again.
  for (const auto& t : targets) {
    EXPECT_EQ(t.find("/stargazers"), std::string::npos) << t;
    EXPECT_EQ(t.find("/forks"), std::string::npos) << t;
  }
  EXPECT_NE(std::find(targets.begin(), targets.end(), GiteePath("/issues/comments", 1, 2, "&since=2024-02-01T04:00:00Z")),
            targets.end());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_events"), 12);
}

TEST_F(GiteeIngestTest, RetriesRateLimitsAndServerErrorsAndFollowsARename) {
  RouteGiteeWidget(server_, 2, "", "acme/gadget");
  server_.Route(GiteePath("", 0, 0), ReplayResponse{301, {{"Location", "{base}/api/v5/repos/acme/gadget"}}, ""});
  std::string renamed = kGiteeRepo;
  renamed.replace(renamed.find("acme/widget"), 11, "acme/gadget");
  server_.Route(GiteePath("", 0, 0, "", "", "acme/gadget"), ReplayResponse{200, {}, renamed});
  server_.Route(GiteePath("/releases", 1, 2, "", "", "acme/gadget"),
                {ReplayResponse{429, {{"Retry-After", "9"}}, R"({"message":"Rate Limit Exceeded"})"},
                 ReplayResponse{503, {}, "busy"}, ReplayResponse{200, {{"total_page", "1"}}, kGiteeReleases}});
  auto r = Sync("acme/widget");
  ASSERT_OK(r);
  EXPECT_EQ((*r)[0].snapshot.full_name, "acme/gadget");
  EXPECT_EQ(waiter_.waits, (std::vector<int64_t>{9, 2}));  // backoff counts the retry before it
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_repo_names WHERE name IN ('gitee.com/acme/widget', 'gitee.com/acme/gadget')"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_repos"), 1);
  // Asked by its new name, it is the same tracked repository.
  ASSERT_OK(Sync("acme/gadget"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_repos"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_events"), 12);
}

class GiteeIngestErrorTest : public GiteeIngestTest {};

TEST_F(GiteeIngestErrorTest, MalformedPageFailsItsListingAndKeepsWhatCameBefore) {
  RouteGiteeWidget(server_, 2);
  server_.Route(GiteePath("/pulls", 1, 2, "&state=all&sort=updated&direction=desc"),
                ReplayResponse{200, {}, R"([{"id":31,"number":1,)"});
  auto r = Sync("acme/widget");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), StatusCode::kCorruption);
  EXPECT_NE(r.error().message().find("acme/widget pulls"), std::string::npos) << r.error().message();
  EXPECT_NE(r.error().message().find("malformed JSON"), std::string::npos) << r.error().message();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_events"), 7);  // stars, fork, issues
  RouteGiteeWidget(server_, 2);
  ASSERT_OK(Sync("acme/widget"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_events"), 12);
}

TEST_F(GiteeIngestErrorTest, DisabledListingsAndInterruptions) {
  RouteGiteeWidget(server_, 2);
  server_.Route(GiteePath("/pulls", 1, 2, "&state=all&sort=updated&direction=desc"),
                ReplayResponse{404, {}, R"({"message":"Not Found Project"})"});
  ASSERT_OK(Sync("acme/widget"));  // pull requests turned off: nothing to store, no failure
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_events WHERE type = 'PullRequestEvent'"), 0);

  std::atomic<bool> cancel{true};
  auto stopped = Sync("acme/widget", &cancel);
  ASSERT_FALSE(stopped);
  EXPECT_EQ(stopped.error().code(), StatusCode::kCancelled);

  // Unknown repository: 404 is an error naming it.
  auto missing = Sync("acme/nothing");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.error().message().find("/repos/acme/nothing"), std::string::npos) << missing.error().message();
}

TEST(GiteeRecordsTest, IssueNumbersAndNames) {
  EXPECT_EQ(GiteeIssueNumber("I1"), (int64_t{1} << 40) + 1);
  EXPECT_EQ(GiteeIssueNumber("I8ABCD"), (int64_t{1} << 40) + ((8 * 36 + 10) * 36 + 11) * 36 * 36 + 12 * 36 + 13);
  EXPECT_NE(GiteeIssueNumber("I8ABCD"), GiteeIssueNumber("I8ABCE"));
  EXPECT_EQ(GiteeIssueNumber("12"), 0);
  EXPECT_EQ(GiteeIssueNumber("I$"), 0);
  EXPECT_EQ(*ParseGiteeRepo("https://gitee.com/openeuler/kernel.git"), "openeuler/kernel");
  EXPECT_EQ(*ParseGiteeRepo("git@gitee.com:mindspore/mindspore.git"), "mindspore/mindspore");
  EXPECT_FALSE(ParseGiteeRepo("https://gitee.com/only-owner"));
  EXPECT_TRUE(IsGiteeUrl("https://gitee.com/a/b"));
  EXPECT_FALSE(IsGiteeUrl("https://github.com/a/b"));
  EXPECT_EQ(GiteeTrackedName("OpenEuler/Kernel"), "gitee.com/openeuler/kernel");
}

}  // namespace
}  // namespace oscm::ingest
