// End-to-end: `oscm ingest packages` against a local replay of the registries (--registry-url).
#include <gtest/gtest.h>

#include "support/replay_server.h"
#include "support/test_util.h"

namespace oscm {
namespace {

using oscm::testing::CommandResult;
using oscm::testing::ReplayResponse;
using oscm::testing::TempDir;

class PackagesCliTest : public ::testing::Test {
 protected:
  CommandResult Oscm(std::vector<std::string> args) {
    if (args.size() > 1 && args[1] == "packages") {
      for (const char* name : {"npm", "pypistats", "crates", "dockerhub", "depsdev", "ecosystems"}) {
        args.insert(args.end(), {"--registry-url", std::string(name) + "=" + server_.base_url()});
      }
    }
    args.insert(args.begin(), {oscm::testing::OscmBinary(), "--db", tmp_.Sub("oscm.db")});
    return oscm::testing::RunCommand(args, {"HOME=" + tmp_.path(), "XDG_CACHE_HOME=" + tmp_.Sub("cache")});
  }

  TempDir tmp_;
  oscm::testing::ReplayServer server_;
};

TEST_F(PackagesCliTest, DeclaredPackagesFromFlagsAndLandscapes) {
  server_.Route("/v2/repositories/pingcap/tidb/",
                ReplayResponse{200, {}, R"({"namespace":"pingcap","name":"tidb","pull_count":5000})"});
  server_.Route("/api/v1/registries/hub.docker.com/packages/pingcap%2Ftidb",
                ReplayResponse{200, {}, R"({"dependent_repos_count":12})"});
  auto r = Oscm({"ingest", "packages", "tidb", "--package", "docker:PingCAP/tidb", "--contact", "ops@example.com"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("tidb: docker:pingcap/tidb (flag): 5000 pulls, 12 dependent repositories\n"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("registries: 2 requests"), std::string::npos) << r.err;
  EXPECT_EQ(server_.requests()[0].Header("user-agent"), "oscm/0.1.0 (ops@example.com)");
  // Cached: a second run asks nothing.
  auto again = Oscm({"ingest", "packages", "tidb"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("2 sources fetched recently (cached)"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("registries: 0 requests"), std::string::npos) << again.err;

  // A landscape's packages, and a malformed answer: reported, exit 1, the rest kept.
  oscm::testing::WriteFile(tmp_.Sub("l.toml"), "name = \"DBs\"\n[[community]]\nid = \"tidb\"\ngithub = [\"pingcap/tidb\"]\n"
                                               "[[community]]\nid = \"kv\"\ngithub = [\"a/kv\"]\npackages = [\"cargo:kv-core\"]\n"
                                               "[[community]]\nid = \"unknown\"\ngithub = [\"a/b\"]\n");
  server_.Route("/api/v1/crates/kv-core/downloads", ReplayResponse{200, {}, R"({"version_downloads":[)"});
  server_.Route("/api/v1/crates/kv-core/reverse_dependencies?per_page=1", ReplayResponse{200, {}, R"({"meta":{"total":3}})"});
  auto l = Oscm({"ingest", "packages", "--landscape", tmp_.Sub("l.toml")});
  EXPECT_EQ(l.exit_code, 1) << l.err;
  EXPECT_NE(l.err.find("error: kv: cargo:kv-core: crates.io: malformed JSON"), std::string::npos) << l.err;
  EXPECT_NE(l.err.find("kv: cargo:kv-core (landscape): 3 dependents, not on ecosyste.ms"), std::string::npos) << l.err;
  EXPECT_NE(l.err.find("unknown: not in the store and no packages declared; skipped"), std::string::npos) << l.err;
  auto json = Oscm({"assess", "kv", "--format", "json"});  // as of today: the snapshots just fetched
  EXPECT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.out.find("\"dependents\": 3,"), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"downloads\": null,"), std::string::npos) << json.out;
}

TEST_F(PackagesCliTest, UsageErrors) {
  EXPECT_EQ(Oscm({"ingest", "packages"}).exit_code, 2);
  EXPECT_EQ(Oscm({"ingest", "packages", "x", "--package", "gem:rails"}).exit_code, 2);
  EXPECT_EQ(Oscm({"ingest", "packages", "x", "y", "--package", "npm:a"}).exit_code, 2);
  EXPECT_EQ(Oscm({"ingest", "packages", "x", "--since", "yesterday"}).exit_code, 2);
  EXPECT_EQ(Oscm({"ingest", "packages", "x", "--registry-url", "rubygems=http://x"}).exit_code, 2);
  auto unknown = Oscm({"ingest", "packages", "nobody"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("unknown community 'nobody'"), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace oscm
