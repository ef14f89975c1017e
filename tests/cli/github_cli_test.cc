// End-to-end: the real oscm binary against a local replay of the GitHub API (--api-url).
#include <gtest/gtest.h>

#include <ctime>

#include "support/community_fixture.h"
#include "support/replay_server.h"
#include "support/test_util.h"
#include "unit/ingest/github/github_test_data.h"

namespace oscm {
namespace {

using oscm::testing::CommandResult;
using oscm::testing::ReplayResponse;
using oscm::testing::TempDir;

constexpr char kToken[] = "ghp_sekritTokenValue123";

class GitHubCliTest : public ::testing::Test {
 protected:
  void SetUp() override { oscm::testing::RouteWidget(server_, 100); }
  // Runs oscm (with the replay server as the API for ingest and assess); `env` adds variables (GITHUB_TOKEN is cleared
  // unless given, so the machine's own never leaks in).
  CommandResult Oscm(std::vector<std::string> args, std::vector<std::string> env = {"GITHUB_TOKEN="}) {
    if (args[0] == "ingest" || args[0] == "assess") args.insert(args.end(), {"--api-url", server_.base_url()});
    args.insert(args.begin(), {oscm::testing::OscmBinary(), "--db", tmp_.Sub("oscm.db")});
    env.insert(env.end(), {"HOME=" + tmp_.path(), "XDG_CACHE_HOME=" + tmp_.Sub("cache")});
    return oscm::testing::RunCommand(args, env);
  }

  TempDir tmp_;
  oscm::testing::ReplayServer server_;
};

TEST_F(GitHubCliTest, IngestsIncrementallyAndNeverShowsOrStoresTheToken) {
  const std::string token_env = std::string("GITHUB_TOKEN=") + kToken;
  auto r = Oscm({"ingest", "github", "https://github.com/acme/widget", "--community", "widget"}, {token_env});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("acme/widget: 12 new events; 3 stars, 2 forks, 5 watchers, 1 open issues, Apache-2.0\n"),
            std::string::npos) << r.err;
  EXPECT_NE(r.err.find("GitHub API: 8 requests (0 unchanged since the last run)"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  ASSERT_FALSE(server_.requests().empty());
  for (const auto& req : server_.requests()) {
    EXPECT_EQ(req.Header("authorization"), std::string("Bearer ") + kToken) << req.target;
    if (req.target != "/repos/acme/widget") {
      EXPECT_NE(req.target.find("per_page=100"), std::string::npos) << req.target;
    }
  }
  auto second = Oscm({"ingest", "github", "acme/widget"}, {token_env});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("acme/widget: 0 new events"), std::string::npos) << second.err;
  auto third = Oscm({"ingest", "github", "acme/widget"}, {token_env});
  EXPECT_NE(third.err.find("GitHub API: 6 requests (6 unchanged since the last run)"), std::string::npos) << third.err;
  for (const auto& out : {r.out, r.err, second.err, third.err, oscm::testing::ReadFile(tmp_.Sub("oscm.db"))}) {
    EXPECT_EQ(out.find(kToken), std::string::npos);
  }
  auto list = Oscm({"communities"});
  EXPECT_NE(list.out.find("widget"), std::string::npos) << list.out;
}

TEST_F(GitHubCliTest, TokenFromAnotherVariableOrNone) {
  auto r = Oscm({"ingest", "github", "acme/widget", "--token-env", "MY_GH_TOKEN"}, {"MY_GH_TOKEN=other-token"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(server_.requests().front().Header("authorization"), "Bearer other-token");
  auto missing = Oscm({"ingest", "github", "acme/widget", "--token-env", "NO_SUCH_VARIABLE_SET"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("NO_SUCH_VARIABLE_SET is not set"), std::string::npos) << missing.err;
  server_.ClearRequests();
  auto anonymous = Oscm({"ingest", "github", "acme/widget"});
  ASSERT_EQ(anonymous.exit_code, 0) << anonymous.err;
  EXPECT_NE(anonymous.err.find("no token in GITHUB_TOKEN: anonymous"), std::string::npos) << anonymous.err;
  EXPECT_EQ(server_.requests().front().Header("authorization"), "");
}

TEST_F(GitHubCliTest, RateLimitWithNoWaitStopsAtOnce) {
  const int64_t reset = static_cast<int64_t>(std::time(nullptr)) + 3600;
  server_.Route(oscm::testing::PerPage(oscm::testing::kIssues, 100),
                ReplayResponse{403, {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", std::to_string(reset)}},
                               R"({"message":"API rate limit exceeded"})"});
  auto r = Oscm({"ingest", "github", "acme/widget", "--no-wait"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("error: ingest: github: acme/widget issues: GitHub API rate limit exhausted until "),
            std::string::npos) << r.err;
  EXPECT_NE(r.err.find("or with a token in GITHUB_TOKEN"), std::string::npos) << r.err;
}

TEST_F(GitHubCliTest, UsageErrors) {
  EXPECT_EQ(Oscm({"ingest", "github", "not-a-repository"}).exit_code, 2);
  EXPECT_EQ(Oscm({"ingest", "github"}).exit_code, 2);
  EXPECT_EQ(Oscm({"assess", "x", "--github", "nope"}).exit_code, 2);
}

// A repository the API cannot give at all leaves nothing behind: no community of its own, no
// tracked name; a community that was there before keeps what it had.
TEST_F(GitHubCliTest, AFailedIngestLeavesNoEmptyCommunity) {
  auto missing = Oscm({"ingest", "github", "acme/no-such-repo"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("error: ingest: github: GET " + server_.base_url() + "/repos/acme/no-such-repo: HTTP 404 Not Found\n"),
            std::string::npos) << missing.err;
  EXPECT_EQ(Oscm({"communities"}).out, "");
  ASSERT_EQ(Oscm({"ingest", "github", "acme/widget", "--community", "widget"}).exit_code, 0);
  EXPECT_EQ(Oscm({"ingest", "github", "acme/no-such-repo", "--community", "widget"}).exit_code, 1);
  auto list = Oscm({"communities"});
  EXPECT_NE(list.out.find("widget"), std::string::npos) << list.out;
  auto again = Oscm({"ingest", "github", "acme/widget"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("acme/widget: 0 new events"), std::string::npos) << again.err;
  EXPECT_EQ(again.err.find("no-such-repo"), std::string::npos) << again.err;
}

// A community with GitHub events, snapshots and sync state is removed whole, and can come back.
TEST_F(GitHubCliTest, RemovingACommunityTakesItsGitHubRecords) {
  ASSERT_EQ(Oscm({"ingest", "github", "acme/widget", "--community", "widget"}).exit_code, 0);
  auto removed = Oscm({"communities", "remove", "widget"});
  ASSERT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_NE(removed.err.find("1 GitHub repositories"), std::string::npos) << removed.err;
  EXPECT_EQ(Oscm({"communities"}).out, "");
  auto again = Oscm({"ingest", "github", "acme/widget", "--community", "widget"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("acme/widget: 12 new events"), std::string::npos) << again.err;
}

TEST_F(GitHubCliTest, AssessFetchesGitHubDataAlongsideGit) {
  oscm::testing::GitFixture repo(tmp_.Sub("tiny"));
  oscm::testing::BuildTinyCommunity(repo);
  auto r = Oscm({"assess", repo.path(), "--github", "acme/widget", "--as-of", "2024-06-30", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"community\": \"tiny\""), std::string::npos) << r.out.substr(0, 500);
  EXPECT_NE(r.out.find("\"stars_total\": 3,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"issues_opened\": 2,"), std::string::npos);
  EXPECT_NE(r.out.find("\"prs_merged\": 1,"), std::string::npos);
}

TEST_F(GitHubCliTest, AssessGoesOnFromGitAloneWhenTheApiFails) {
  oscm::testing::GitFixture repo(tmp_.Sub("tiny"));
  oscm::testing::BuildTinyCommunity(repo);
  server_.Route("/repos/acme/widget", ReplayResponse{401, {}, R"({"message":"Bad credentials"})"});
  auto r = Oscm({"assess", repo.path(), "--github", "acme/widget", "--as-of", "2025-06-30", "--format", "json"},
                {"GITHUB_TOKEN=expired"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: GitHub API: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Bad credentials"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("assessing tiny without GitHub data"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"stars_total\": null,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"commits\": 6,"), std::string::npos);
}

}  // namespace
}  // namespace oscm
