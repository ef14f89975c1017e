#include "ingest/github/github_ingest.h"

#include <gtest/gtest.h>

#include "base/time.h"
#include "ingest/git/git_ingest.h"
#include "ingest/github/profiles.h"
#include "metrics/activity.h"
#include "metrics/gharchive_metrics.h"
#include "metrics/git_metrics.h"
#include "store/gh_event_writer.h"
#include "support/recording_waiter.h"
#include "support/git_fixture.h"
#include "support/replay_server.h"
#include "support/test_util.h"
#include "unit/ingest/github/github_test_data.h"

namespace oscm::ingest {
namespace {

using namespace oscm::testing;  // NOLINT: the routes and responses of github_test_data.h

constexpr int64_t kNow = 1735689600;  // 2025-01-01T00:00:00Z, after every fixture event

using oscm::testing::RecordingWaiter;

class GitHubIngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = store::Store::Open(tmp_.Sub("oscm.db"));
    ASSERT_OK(s);
    store_ = std::make_unique<store::Store>(std::move(s).value());
    auto t = NewCurlTransport({});
    ASSERT_OK(t);
    transport_ = std::move(t).value();
  }

  Result<std::vector<GitHubRepoResult>> Sync(const std::string& repo, bool wait = true, int max_retries = 4) {
    GitHubClientOptions o;
    o.api_url = server_.base_url();
    o.wait_for_reset = wait;
    o.max_retries = max_retries;
    client_ = std::make_unique<GitHubClient>(o, *transport_, waiter_, clock_);
    GitHubIngestOptions opts;
    opts.repos = {TrackedCommunity{"widget", {repo}}};
    opts.per_page = 2;
    NullProgress progress;
    return IngestGitHub(*store_, opts, *client_, BotList::Builtin(), clock_, progress);
  }

  int64_t Count(const std::string& sql) { return QueryInt(store_->db(), sql); }
  int64_t Events() { return Count("SELECT COUNT(*) FROM gh_events"); }
  // Every stored row of the GitHub tables, to compare two runs.
  std::string Dump() {
    std::string out;
    for (const char* sql : {"SELECT id || '|' || created_at || '|' || actor || '|' || merged_at FROM gh_events ORDER BY id",
                            "SELECT full_name || '|' || stars || '|' || fetched_at FROM gh_repo_snapshots",
                            "SELECT name || '|' || IFNULL(gh_id, 0) FROM gh_repos"}) {
      auto q = store_->db().Prepare(sql);
      EXPECT_OK(q);
      while (q && *q->Step()) out += q->ColumnText(0) + "\n";
    }
    return out;
  }
  std::vector<std::string> Targets() {
    std::vector<std::string> t;
    for (const auto& r : server_.requests()) t.push_back(r.target);
    return t;
  }
  bool Requested(const std::string& target) {
    const auto t = Targets();
    return std::find(t.begin(), t.end(), target) != t.end();
  }

  TempDir tmp_;
  ReplayServer server_;
  FixedClock clock_{kNow};
  RecordingWaiter waiter_;
  std::unique_ptr<HttpTransport> transport_;
  std::unique_ptr<GitHubClient> client_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(GitHubIngestTest, FirstRunStoresSnapshotAndEventsFromEveryPage) {
  RouteWidget(server_);
  auto r = Sync("acme/widget");
  ASSERT_OK(r);
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].events_stored, 12);
  EXPECT_EQ((*r)[0].snapshot.full_name, "acme/widget");
  EXPECT_EQ(Events(), 12);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_events WHERE type = 'WatchEvent'"), 3);
  EXPECT_EQ(Count("SELECT created_at FROM gh_events WHERE id = 'api:4242:star:carol'"), *ParseDate("2024-03-05"));
  EXPECT_EQ(Count("SELECT merged_at FROM gh_events WHERE id LIKE 'api:4242:pr:2:closed:%' AND merged = 1"),
            *ParseDate("2024-01-06") + 12 * 3600);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_events WHERE number = 3 AND action = 'opened' AND title = 'Docs in Chinese?'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_events WHERE id = 'api:4242:issue:1:opened' AND labels = 'bug\n'"), 1);
  // Comments know their issue: its author and that it is not a pull request.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_events WHERE type = 'IssueCommentEvent' AND subject_author = 'dave' "
                  "AND on_pull_request = 0"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_events WHERE type = 'PullRequestReviewCommentEvent' AND number = 2 "
                  "AND subject_author = 'erin'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_events WHERE type = 'ReleaseEvent' AND release_tag = 'v1.0.0'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_repo_snapshots WHERE stars = 3 AND forks = 2 AND watchers = 5 AND "
                  "open_issues = 1 AND license = 'Apache-2.0' AND topics = 'database\nrust\n' AND archived = 0 AND "
                  "default_branch = 'main'"), 1);
  EXPECT_EQ(Count("SELECT created_at FROM gh_repo_snapshots"), *ParseDate("2020-01-15") + 8 * 3600);
  EXPECT_EQ(Count("SELECT gh_id FROM gh_repos WHERE name = 'acme/widget'"), 4242);

  // The metrics read these events as they read GH Archive's.
  auto a = metrics::LoadCommunityActivity(store_->db(), "widget");
  ASSERT_OK(a);
  // The API lists everything from the repository's creation to the snapshot, and nothing after.
  const TimeWindow all{Count("SELECT created_at FROM gh_repo_snapshots"), Count("SELECT fetched_at FROM gh_repo_snapshots")};
  const TimeWindow later{all.end, all.end + 365 * kSecondsPerDay};
  EXPECT_FALSE(metrics::IssuesOpened(*a, later).has_value());
  EXPECT_EQ(*metrics::StarsTotal(*a, all), 3);
  EXPECT_EQ(*metrics::IssuesOpened(*a, all), 2);
  EXPECT_EQ(*metrics::IssuesClosed(*a, all), 1);
  EXPECT_EQ(*metrics::PrsOpened(*a, all), 1);
  EXPECT_EQ(*metrics::PrsMerged(*a, all), 1);
  EXPECT_EQ(*metrics::PrMergeHours(*a, all), 36.0);
  EXPECT_EQ(*metrics::IssueCloseHours(*a, all), 48.0);
  EXPECT_EQ(*metrics::IssueFirstResponseHours(*a, all), 6.0);  // dave's own comment is no response
  // Approvals without a comment are not listed, so the API alone does not count reviewers; nor
  // does it list forks or pushes.
  EXPECT_FALSE(metrics::Reviewers(*a, all).has_value());
  EXPECT_FALSE(metrics::Forks(*a, all).has_value());
  EXPECT_FALSE(metrics::ActiveActors(*a, all).has_value());
  EXPECT_EQ(*metrics::ReleasesPublished(*a, all), 1);
}

TEST_F(GitHubIngestTest, SecondRunChangesNothingAndAThirdIsAllNotModified) {
  RouteWidget(server_);
  ASSERT_OK(Sync("acme/widget"));
  const std::string before = Dump();
  server_.ClearRequests();
  auto second = Sync("acme/widget");
  ASSERT_OK(second);
  EXPECT_EQ((*second)[0].events_stored, 0);
  EXPECT_EQ(Dump(), before);
  // Only the last stargazers page and the `since` pages are asked for again.
  EXPECT_FALSE(Requested(kStars));
  EXPECT_FALSE(Requested(kIssues));
  EXPECT_TRUE(Requested(kIssuesSince));
  server_.ClearRequests();
  ASSERT_OK(Sync("acme/widget"));
  EXPECT_EQ(Dump(), before);
  EXPECT_EQ(client_->stats().requests, 6);  // the repository and five listings
  EXPECT_EQ(client_->stats().not_modified, 6);
  for (const auto& req : server_.requests()) EXPECT_FALSE(req.Header("if-none-match").empty()) << req.target;
}

TEST_F(GitHubIngestTest, LaterRunFetchesOnlyWhatChanged) {
  RouteWidget(server_);
  ASSERT_OK(Sync("acme/widget"));
  server_.ClearRequests();
  // A new stargazer on the last page; a new issue, and #3 updated.
  server_.Route(kStars2, Json(R"([{"starred_at":"2024-03-05T00:00:00Z","user":{"login":"carol","id":13}},
                                  {"starred_at":"2024-05-01T00:00:00Z","user":{"login":"ivan","id":19}}])", "\"s2b\""));
  server_.Route(kIssuesSince, Json(R"([{"number":3,"title":"Docs in Chinese?","user":{"login":"frank"},
      "created_at":"2024-02-01T00:00:00Z","updated_at":"2024-05-02T00:00:00Z","closed_at":null},
      {"number":4,"title":"Faster","user":{"login":"judy"},"created_at":"2024-05-03T00:00:00Z",
      "updated_at":"2024-05-03T00:00:00Z","closed_at":null}])", "\"i4\""));
  auto r = Sync("acme/widget");
  ASSERT_OK(r);
  EXPECT_EQ((*r)[0].events_stored, 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_events WHERE id IN ('api:4242:star:ivan', 'api:4242:issue:4:opened')"), 2);
  EXPECT_FALSE(Requested(kStars));
  EXPECT_FALSE(Requested(kIssues));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_sync WHERE resource = 'issues' AND since = '2024-05-03T00:00:00Z'"), 1);
}

TEST_F(GitHubIngestTest, BadGatewayIsRetried) {
  RouteWidget(server_);
  server_.Route(kIssues2, {ReplayResponse{502, {}, "<html>Bad Gateway</html>"}, Json(kIssuesPage2)});
  ASSERT_OK(Sync("acme/widget"));
  EXPECT_EQ(waiter_.waits, std::vector<int64_t>{1});
  EXPECT_EQ(Events(), 12);
}

TEST_F(GitHubIngestTest, InterruptedRunKeepsWholePagesAndResumesWithoutRefetching) {
  RouteWidget(server_);
  server_.Route(kIssues2, ReplayResponse{502, {}, "<html>Bad Gateway</html>"});
  waiter_.result = CancelledError("interrupted");  // Ctrl-C during the backoff
  auto r = Sync("acme/widget");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), StatusCode::kCancelled);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_events WHERE type = 'WatchEvent'"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_events WHERE number IN (1, 2)"), 4);  // issues page 1, whole
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_events WHERE number = 3"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_sync WHERE resource = 'issues' AND url LIKE '%&page=2'"), 1);

  RouteWidget(server_);
  server_.ClearRequests();
  waiter_.result = Status::Ok();
  ASSERT_OK(Sync("acme/widget"));
  EXPECT_EQ(Events(), 12);
  EXPECT_FALSE(Requested(kStars));
  EXPECT_FALSE(Requested(kIssues));
  EXPECT_TRUE(Requested(kIssues2));
}

TEST_F(GitHubIngestTest, PrimaryRateLimitWaitsForTheReset) {
  RouteWidget(server_);
  ReplayResponse limited{403, {{"x-ratelimit-limit", "60"}, {"x-ratelimit-remaining", "0"},
                               {"x-ratelimit-reset", std::to_string(kNow + 30)}},
                         R"({"message":"API rate limit exceeded for 127.0.0.1.","documentation_url":"https://docs.github.com"})"};
  server_.Route(kIssues, {limited, Json(kIssuesPage1, "", "<{base}" + kIssues2 + ">; rel=\"next\"")});
  ASSERT_OK(Sync("acme/widget"));
  EXPECT_EQ(waiter_.waits, std::vector<int64_t>{31});
  EXPECT_EQ(Events(), 12);
}

TEST_F(GitHubIngestTest, PrimaryRateLimitWithNoWaitStopsCleanlyAndResumes) {
  RouteWidget(server_);
  ReplayResponse limited{403, {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", std::to_string(kNow + 30)}},
                         R"({"message":"API rate limit exceeded for 127.0.0.1."})"};
  server_.Route(kIssues, limited);
  auto r = Sync("acme/widget", /*wait=*/false);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), StatusCode::kIoError);
  EXPECT_NE(r.error().message().find("rate limit exhausted until 2025-01-01T00:00:30Z"), std::string::npos)
      << r.error().message();
  EXPECT_TRUE(waiter_.waits.empty());
  EXPECT_EQ(Events(), 3);  // the stargazers, stored before the limit
  RouteWidget(server_);
  ASSERT_OK(Sync("acme/widget", /*wait=*/false));
  EXPECT_EQ(Events(), 12);
}

TEST_F(GitHubIngestTest, SecondaryRateLimitBacksOff) {
  RouteWidget(server_);
  server_.Route(kReviewPath, {ReplayResponse{403, {{"retry-after", "7"}},
                                             R"({"message":"You have exceeded a secondary rate limit."})"},
                              ReplayResponse{429, {}, R"({"message":"You have exceeded a secondary rate limit."})"},
                              Json(kReviewComments)});
  ASSERT_OK(Sync("acme/widget"));
  EXPECT_EQ(waiter_.waits, (std::vector<int64_t>{7, 60}));
  EXPECT_EQ(Events(), 12);
}

TEST_F(GitHubIngestTest, UnauthorizedStoresNothing) {
  RouteWidget(server_);
  server_.Route("/repos/acme/widget", ReplayResponse{401, {}, R"({"message":"Bad credentials"})"});
  auto r = Sync("acme/widget");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.error().message().find("Bad credentials"), std::string::npos);
  EXPECT_EQ(Events(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_repo_snapshots"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_sync"), 0);
  // Not even tracked: a run that could read nothing leaves nothing, not an empty community.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_repos WHERE name = 'acme/widget'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM communities"), 0);
}

TEST_F(GitHubIngestTest, MalformedJsonFailsItsListingAndKeepsEarlierPages) {
  RouteWidget(server_);
  server_.Route(kCommentsPath, Json(R"([{"id":501,"issue_url":"https://api.github.com/repos/acme/widget/issues/1","user":)"));
  auto r = Sync("acme/widget");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), StatusCode::kCorruption);
  EXPECT_NE(r.error().message().find("issue_comments"), std::string::npos) << r.error().message();
  EXPECT_NE(r.error().message().find("malformed JSON"), std::string::npos) << r.error().message();
  EXPECT_EQ(Events(), 8);  // stars and issues
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_sync WHERE resource = 'issue_comments'"), 0);
  RouteWidget(server_);
  ASSERT_OK(Sync("acme/widget"));
  EXPECT_EQ(Events(), 12);
}

TEST_F(GitHubIngestTest, RenamedRepositoryIsFollowed) {
  RouteWidget(server_);
  server_.Route("/repos/acme/old-widget", ReplayResponse{301, {{"Location", "{base}/repositories/4242"}},
                                                         R"({"message":"Moved Permanently"})"});
  server_.Route("/repositories/4242", Json(kWidgetRepo));
  auto r = Sync("acme/old-widget");
  ASSERT_OK(r);
  EXPECT_EQ((*r)[0].snapshot.full_name, "acme/widget");
  EXPECT_EQ(Events(), 12);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_repos"), 1);
  EXPECT_EQ(Count("SELECT gh_id FROM gh_repos WHERE name = 'acme/old-widget'"), 4242);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_repo_names WHERE name IN ('acme/old-widget', 'acme/widget')"), 2);
  // Named by its new name later, it is the same tracked repository.
  ASSERT_OK(Sync("acme/widget"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_repos"), 1);
  EXPECT_EQ(Events(), 12);
}

TEST_F(GitHubIngestTest, ListingGitHubDoesNotKeepIsSkipped) {
  RouteWidget(server_);
  server_.Route(kIssues, ReplayResponse{410, {}, R"({"message":"Issues are disabled for this repo"})"});
  ASSERT_OK(Sync("acme/widget"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_events WHERE type IN ('IssuesEvent', 'PullRequestEvent')"), 0);
  EXPECT_EQ(Events(), 3 + 3 + 1);  // stars, comments and review comments, the release
}

TEST_F(GitHubIngestTest, EmptyRepository) {
  server_.Route("/repos/acme/empty", Json(R"({"id":99,"name":"empty","full_name":"acme/empty","created_at":"2024-06-01T00:00:00Z",
      "stargazers_count":0,"forks_count":0,"open_issues_count":0,"subscribers_count":1,"license":null,"topics":[],
      "archived":false,"default_branch":"main","pushed_at":"2024-06-01T00:00:00Z","size":0})"));
  for (const char* listing : {"/stargazers?per_page=2", "/issues?per_page=2&state=all&sort=updated&direction=asc",
                              "/issues/comments?per_page=2&sort=updated&direction=asc",
                              "/pulls/comments?per_page=2&sort=updated&direction=asc", "/releases?per_page=2"}) {
    server_.Route(std::string("/repos/acme/empty") + listing, Json("[]"));
  }
  auto r = Sync("acme/empty");
  ASSERT_OK(r);
  EXPECT_EQ((*r)[0].events_stored, 0);
  EXPECT_EQ(Events(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_repo_snapshots WHERE full_name = 'acme/empty' AND stars = 0 AND license = ''"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_sync"), 6);
  auto a = metrics::LoadCommunityActivity(store_->db(), "widget");
  ASSERT_OK(a);
  EXPECT_FALSE(metrics::StarsTotal(*a, TimeWindow{0, *ParseDate("2030-01-01")}).has_value());
}

// The same stars, issues, merges and releases seen in GH Archive count once.
TEST_F(GitHubIngestTest, FactsFromGhArchiveAndTheApiCountOnce) {
  RouteWidget(server_);
  ASSERT_OK(Sync("acme/widget"));
  auto writer = store::GhEventWriter::Create(store_->db());
  ASSERT_OK(writer);
  const int64_t repo = Count("SELECT id FROM gh_repos");
  auto archived = [&](std::string id, std::string type, std::string action, std::string date, std::string actor) {
    GhEvent ev;
    ev.id = std::move(id);
    ev.type = std::move(type);
    ev.action = std::move(action);
    ev.created_at = *ParseDate(date);
    ev.actor = std::move(actor);
    return ev;
  };
  GhEvent star = archived("1001", "WatchEvent", "started", "2023-12-31", "Alice");  // starred before, then again
  GhEvent opened = archived("1002", "IssuesEvent", "opened", "2024-01-01", "dave");
  opened.number = 1;
  GhEvent merged = archived("1003", "PullRequestEvent", "closed", "2024-01-06", "maintainer");
  merged.number = 2;
  merged.merged = true;
  GhEvent release = archived("1004", "ReleaseEvent", "published", "2024-03-01", "henry");
  release.release_tag = "v1.0.0";
  for (const GhEvent& ev : {star, opened, merged, release}) ASSERT_OK(writer->Insert(repo, ev, false));
  EXPECT_EQ(Events(), 16);
  auto a = metrics::LoadCommunityActivity(store_->db(), "widget");
  ASSERT_OK(a);
  const TimeWindow all{Count("SELECT created_at FROM gh_repo_snapshots"), Count("SELECT fetched_at FROM gh_repo_snapshots")};
  EXPECT_EQ(*metrics::StarsTotal(*a, all), 3);
  EXPECT_EQ(*metrics::IssuesOpened(*a, all), 2);
  EXPECT_EQ(*metrics::PrsMerged(*a, all), 1);
  EXPECT_EQ(*metrics::ReleasesPublished(*a, all), 1);
  // The earliest record of a star is the one kept.
  EXPECT_EQ(*metrics::Stars(*a, TimeWindow{*ParseDate("2023-12-01"), *ParseDate("2024-01-01")}), 1);
}

TEST(ParseGitHubRepoTest, UrlsAndNames) {
  const struct {
    const char* in;
    const char* want;  // "" = rejected
  } cases[] = {
      {"tikv/tikv", "tikv/tikv"},
      {"https://github.com/tikv/tikv", "tikv/tikv"},
      {"https://github.com/tikv/tikv.git", "tikv/tikv"},
      {"https://github.com/tikv/tikv/", "tikv/tikv"},
      {"git@github.com:pingcap/tidb.git", "pingcap/tidb"},
      {"ssh://git@github.com/pingcap/tidb", "pingcap/tidb"},
      {"tikv", ""},
      {"https://gitlab.com/a/b", ""},
      {"a/b/c", ""},
      {"a/b c", ""},
  };
  for (const auto& c : cases) {
    auto r = ParseGitHubRepo(c.in);
    EXPECT_EQ(r ? *r : "", c.want) << c.in;
  }
  EXPECT_TRUE(IsGitHubUrl("https://github.com/tikv/tikv"));
  EXPECT_FALSE(IsGitHubUrl("tikv/tikv"));
  EXPECT_FALSE(IsGitHubUrl("file:///tmp/x"));
}

}  // namespace
}  // namespace oscm::ingest

namespace oscm::ingest {
namespace {

// Profiles of the most active git identities with GitHub logins, cached, and what they change:
// a webmail author whose profile names a company counts for it.
TEST_F(GitHubIngestTest, ContributorProfilesAreFetchedOnceAndNameCompanies) {
  oscm::testing::GitFixture repo(tmp_.Sub("repo"));
  auto commit = [&](const char* name, const char* email, const char* date) {
    oscm::testing::FixtureCommit c;
    c.author_name = name;
    c.author_email = email;
    c.date = date;
    c.files = {{"f", date}};
    repo.Commit(c);
  };
  commit("Ann", "1+ann@users.noreply.github.com", "2024-01-02T10:00:00");
  commit("Ann", "1+ann@users.noreply.github.com", "2024-02-02T10:00:00");
  commit("Bob", "2+bob@users.noreply.github.com", "2024-03-02T10:00:00");
  commit("Cy", "cy@gmail.com", "2024-04-02T10:00:00");  // no login: never asked for
  GitIngestOptions g;
  g.location = repo.path();
  g.community = "widget";
  NullProgress progress;
  ASSERT_OK(IngestGit(*store_, g, BotList::Builtin(), AffiliationResolver::Builtin(), progress));

  auto logins = ActiveLogins(store_->db(), {"widget"}, 10);
  ASSERT_OK(logins);
  EXPECT_EQ(*logins, (std::vector<std::string>{"ann", "bob"}));  // most commits first

  server_.Route("/users/ann", Json(R"({"login":"ann","company":"@Acme "})"));
  server_.Route("/users/bob", ReplayResponse{404, {}, R"({"message":"Not Found"})"});
  GitHubClientOptions o;
  o.api_url = server_.base_url();
  client_ = std::make_unique<GitHubClient>(o, *transport_, waiter_, clock_);
  auto r = FetchContributorProfiles(*store_, {"widget"}, *client_, clock_, {}, progress);
  ASSERT_OK(r);
  EXPECT_EQ(r->fetched, 2);
  EXPECT_EQ(r->companies, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM gh_profiles WHERE login = 'bob' AND company = ''"), 1);
  // A second run within the cache's age asks nothing.
  const size_t requests = server_.requests().size();
  auto again = FetchContributorProfiles(*store_, {"widget"}, *client_, clock_, {}, progress);
  ASSERT_OK(again);
  EXPECT_EQ(again->cached, 2);
  EXPECT_EQ(server_.requests().size(), requests);

  auto a = metrics::LoadCommunityActivity(store_->db(), "widget");
  ASSERT_OK(a);
  const TimeWindow year = TrailingMonths(*ParseDate("2024-12-31"), 12);
  EXPECT_EQ(*metrics::OrgsActive(*a, year), 1);  // Acme, from Ann's profile
  EXPECT_NEAR(*metrics::OrgCommitShare(*a, year), 2.0 / 4.0, 1e-9);
}

}  // namespace
}  // namespace oscm::ingest
