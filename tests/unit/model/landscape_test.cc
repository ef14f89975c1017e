#include "model/landscape.h"

#include <gtest/gtest.h>

#include "ingest/profile/profile.h"
#include "support/test_util.h"

namespace oscm::model {
namespace {

TEST(LandscapeTest, CommunitiesRepositoriesAndGithubNames) {
  auto l = ParseLandscape(R"(
name = "Distributed databases"

[[community]]
id = "tidb"
repositories = ["https://github.com/pingcap/tidb.git", "git@github.com:tikv/tikv.git", "../src/pd"]
profile = "profiles/tidb.toml"

packages = ["docker:PingCAP/TiDB", "go:github.com/pingcap/tidb"]

[[community]]
id = "cockroach"
github = ["cockroachdb/cockroach"]
)", "/data/landscapes/db.toml");
  ASSERT_OK(l);
  EXPECT_EQ(l->name, "Distributed databases");
  ASSERT_EQ(l->communities.size(), 2u);
  const auto& tidb = l->communities[0];
  EXPECT_EQ(tidb.id, "tidb");
  EXPECT_EQ(tidb.repositories, (std::vector<std::string>{"https://github.com/pingcap/tidb.git",
                                                         "git@github.com:tikv/tikv.git", "/data/src/pd"}));
  EXPECT_EQ(tidb.github, (std::vector<std::string>{"pingcap/tidb", "tikv/tikv"}));
  EXPECT_EQ(tidb.profile, "/data/landscapes/profiles/tidb.toml");
  EXPECT_EQ(tidb.packages, (std::vector<std::string>{"docker:pingcap/tidb", "go:github.com/pingcap/tidb"}));
  EXPECT_TRUE(l->communities[1].packages.empty());
  EXPECT_EQ(l->communities[1].github, (std::vector<std::string>{"cockroachdb/cockroach"}));
}

TEST(LandscapeTest, GithubNameOf) {
  const std::pair<const char*, const char*> kCases[] = {
      {"https://github.com/etcd-io/etcd", "etcd-io/etcd"}, {"https://github.com/etcd-io/etcd.git/", "etcd-io/etcd"},
      {"git@github.com:a/b.git", "a/b"}, {"github.com/a/b", "a/b"}, {"https://gitlab.com/a/b", ""},
      {"/src/etcd", ""}, {"https://github.com/a", ""}, {"https://github.com/a/b/c", ""}};
  for (const auto& [in, want] : kCases) EXPECT_EQ(GithubNameOf(in), want) << in;
}

TEST(LandscapeTest, ShippedExampleLoads) {
  auto l = LoadLandscape(oscm::testing::SourcePath("examples/databases.toml"));
  ASSERT_OK(l);
  ASSERT_EQ(l->communities.size(), 4u);
  EXPECT_EQ(l->communities[0].github, (std::vector<std::string>{"pingcap/tidb", "tikv/tikv", "tikv/pd"}));
}

TEST(LandscapeTest, ShippedKeyValueLandscapeAndItsProfilesLoad) {
  auto l = LoadLandscape(oscm::testing::SourcePath("examples/kv-stores.toml"));
  ASSERT_OK(l);
  ASSERT_EQ(l->communities.size(), 5u);
  for (const auto& c : l->communities) {
    ASSERT_FALSE(c.profile.empty()) << c.id;
    auto p = ingest::LoadProfile(c.profile);
    ASSERT_OK(p);
    EXPECT_EQ(p->community, c.id);
    for (const auto& f : p->facts) {
      EXPECT_EQ(f.source.rfind("https://", 0), 0u) << c.profile << ":" << f.line << ": every fact cites a public URL";
    }
  }
}

TEST(LandscapeTest, GhArchivePathsAreResolvedAgainstTheFile) {
  auto l = ParseLandscape("name = \"x\"\ngharchive = [\"gha/2024\", \"/abs/h.json.gz\"]\n[[community]]\nid = \"a\"\ngithub = [\"a/b\"]\n",
                          "/data/l.toml");
  ASSERT_OK(l);
  EXPECT_EQ(l->gharchive, (std::vector<std::string>{"/data/gha/2024", "/abs/h.json.gz"}));
}

class LandscapeErrorTest : public ::testing::Test {};

TEST_F(LandscapeErrorTest, EveryProblemNamesFileLineAndColumn) {
  const std::pair<const char*, const char*> kCases[] = {
      {"name = \"x\"\n[[community]\n", "l.toml:2:"},                                   // invalid TOML
      {"name = \"x\"\n[{\"a\"}]\n", "l.toml:2:2: Error while parsing key"},  // an assertion of toml++ in Debug builds
      {"name = \"x\"\ncolour = 1\n[[community]]\nid = \"a\"\ngithub = [\"a/b\"]\n", "l.toml:2:10: unknown key 'colour'"},
      {"name = \"x\"\n[[community]]\nid = \"a\"\ngithub = [\"a/b\"]\n[[community]]\nid = \"a\"\ngithub = [\"c/d\"]\n",
       "l.toml:6:6: duplicate community id 'a'"},
      {"name = \"x\"\n[[community]]\nid = \"a\"\ngithub = [\"nope\"]\n", "l.toml:4:10: github entry 'nope' is not owner/name"},
      {"[[community]]\nid = \"a\"\ngithub = [\"a/b\"]\n", "l.toml:1:1: missing 'name'"},
      {"name = \"x\"\n", "l.toml:1:1: no [[community]] tables"},
      {"name = \"x\"\n[[community]]\nid = \"Big Name\"\ngithub = [\"a/b\"]\n", "l.toml:3:6: 'id' must be a lower-case id"},
      {"name = \"x\"\n[[community]]\nid = \"a\"\n", "community 'a' names no repositories"},
      {"name = \"x\"\n[[community]]\nid = \"a\"\nrepositories = \"one\"\n", "l.toml:4:16: 'repositories' must be an array"},
      {"name = \"x\"\n[[community]]\nid = \"a\"\ngithub = [\"a/b\"]\npackages = [\"gem:rails\"]\n",
       "l.toml:5:12: package 'gem:rails': unknown package ecosystem 'gem'"},
  };
  for (const auto& [text, want] : kCases) {
    auto l = ParseLandscape(text, "l.toml");
    ASSERT_FALSE(l.has_value()) << text;
    EXPECT_EQ(l.error().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(l.error().message().find(want), std::string::npos) << text << "\n-> " << l.error().message();
  }
  auto missing = LoadLandscape("/nonexistent/l.toml");
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(missing.error().message().find("/nonexistent/l.toml"), std::string::npos);
}

}  // namespace
}  // namespace oscm::model
