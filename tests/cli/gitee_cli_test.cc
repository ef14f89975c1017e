// End-to-end: the real oscm binary against a local replay of Gitee's API v5 (--api-url).
#include <gtest/gtest.h>

#include "support/community_fixture.h"
#include "support/replay_server.h"
#include "support/test_util.h"
#include "unit/ingest/gitee/gitee_test_data.h"

namespace oscm {
namespace {

using oscm::testing::CommandResult;
using oscm::testing::TempDir;

constexpr char kToken[] = "gitee-sekrit-token-42";

class GiteeCliTest : public ::testing::Test {
 protected:
  CommandResult Oscm(std::vector<std::string> args, std::vector<std::string> env = {"GITEE_TOKEN="}) {
    args.insert(args.begin(), {oscm::testing::OscmBinary(), "--db", tmp_.Sub("oscm.db")});
    env.insert(env.end(), {"HOME=" + tmp_.path(), "XDG_CACHE_HOME=" + tmp_.Sub("cache")});
    return oscm::testing::RunCommand(args, env);
  }
  std::string Api() const { return server_.base_url() + "/api/v5"; }

  TempDir tmp_;
  oscm::testing::ReplayServer server_;
};

TEST_F(GiteeCliTest, IngestsWithTheTokenInTheQueryAndNeverShowsOrStoresIt) {
  oscm::testing::RouteGiteeWidget(server_, 100, kToken);
  auto r = Oscm({"ingest", "gitee", "https://gitee.com/acme/widget", "--api-url", Api()},
                {std::string("GITEE_TOKEN=") + kToken});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("gitee.com/acme/widget: 12 new events; 3 stars, 1 forks, 4 watchers, 1 open issues, "
                       "2 contributors, Apache-2.0\n"),
            std::string::npos)
      << r.err;
  for (const auto& req : server_.requests()) {
    EXPECT_NE(req.target.find(std::string("access_token=") + kToken), std::string::npos) << req.target;
  }
  // Without --community: named owner/name, as a git ingest of its clone would be.
  EXPECT_EQ(Oscm({"communities"}).out, "acme/widget\n");
  // A failure's message names the URL without the token.
  server_.Route(oscm::testing::GiteePath("/releases", 1, 100, "", kToken),
                oscm::testing::ReplayResponse{403, {}, R"({"message":"Forbidden"})"});
  auto denied = Oscm({"ingest", "gitee", "acme/widget", "--api-url", Api()}, {std::string("GITEE_TOKEN=") + kToken});
  EXPECT_EQ(denied.exit_code, 1);
  EXPECT_NE(denied.err.find("error: ingest: gitee: acme/widget releases: GET "), std::string::npos) << denied.err;
  for (const auto& out : {r.out, r.err, denied.err, oscm::testing::ReadFile(tmp_.Sub("oscm.db"))}) {
    EXPECT_EQ(out.find(kToken), std::string::npos);
  }
  auto list = Oscm({"communities"});
  EXPECT_NE(list.out.find("widget"), std::string::npos) << list.out;
}

TEST_F(GiteeCliTest, AssessFetchesGiteeDataAlongsideGit) {
  oscm::testing::RouteGiteeWidget(server_, 100);
  oscm::testing::GitFixture repo(tmp_.Sub("tiny"));
  oscm::testing::BuildTinyCommunity(repo);
  auto r = Oscm({"assess", repo.path(), "--gitee", "acme/widget", "--gitee-api-url", Api(), "--as-of", "2024-06-30",
                 "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"stars_total\": 3,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"issues_opened\": 2,"), std::string::npos);
  EXPECT_NE(r.out.find("\"prs_merged\": 1,"), std::string::npos);
  EXPECT_NE(r.err.find("no token in GITEE_TOKEN"), std::string::npos) << r.err;
}

TEST_F(GiteeCliTest, UsageErrors) {
  EXPECT_EQ(Oscm({"ingest", "gitee", "not-a-repository"}).exit_code, 2);
  EXPECT_EQ(Oscm({"ingest", "gitee"}).exit_code, 2);
  EXPECT_EQ(Oscm({"assess", "x", "--gitee", "nope"}).exit_code, 2);
}

}  // namespace
}  // namespace oscm
