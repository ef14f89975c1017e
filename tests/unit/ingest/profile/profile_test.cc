#include "ingest/profile/profile.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "ingest/git/git_ingest.h"
#include "ingest/profile/profile_ingest.h"
#include "metrics/activity.h"
#include "metrics/registry.h"
#include "support/community_fixture.h"
#include "support/profile_fixture.h"
#include "support/test_util.h"

namespace oscm::ingest {
namespace {

using oscm::testing::TempDir;

TEST(ProfileTest, ParsesEveryKindOfFact) {
  auto p = ParseProfile(oscm::testing::kTinyProfile, "tiny.toml");
  ASSERT_OK(p);
  EXPECT_EQ(p->community, "tiny");
  ASSERT_EQ(p->facts.size(), 13u);
  const ProfileFact& vendor = p->facts[0];
  EXPECT_EQ(vendor.kind, "vendor");
  EXPECT_EQ(vendor.name, "PingCAP");
  EXPECT_EQ(vendor.detail, "PingCAP");  // organisations default to the name
  EXPECT_EQ(vendor.since, *ParseDate("2015-04-01"));
  EXPECT_EQ(vendor.source, "https://example.com/about");
  EXPECT_EQ(vendor.as_of, *ParseDate("2025-01-01"));
  EXPECT_EQ(vendor.line, 3);
  EXPECT_EQ(p->facts[1].kind, "foundation");
  EXPECT_EQ(p->facts[1].detail, "incubating");
  EXPECT_EQ(p->facts[5].kind, "offering");
  EXPECT_EQ(p->facts[5].detail, "cloud\nPingCAP");
  EXPECT_EQ(p->facts[10].kind, "event");
  EXPECT_EQ(p->facts[10].since, *ParseDate("2024-11-20"));
  EXPECT_EQ(p->facts[12].kind, "roadmap");
  EXPECT_EQ(FoundationLevel("graduated"), 3);
  EXPECT_EQ(FoundationLevel("sandbox"), 1);
}

TEST(ProfileTest, DeclaredPackagesAreNormalised) {
  auto p = ParseProfile("community = \"x\"\n[[package]]\necosystem = \"pypi\"\nname = \"Py_TiDB\"\n"
                        "source = \"https://pypi.org/project/py-tidb\"\nas_of = 2025-01-01\n",
                        "p.toml");
  ASSERT_OK(p);
  ASSERT_EQ(p->facts.size(), 1u);
  EXPECT_EQ(p->facts[0].kind, "package");
  EXPECT_EQ(p->facts[0].name, "py-tidb");
  EXPECT_EQ(p->facts[0].detail, "pypi");
}

TEST(ProfileTest, ErrorsNameFileLineAndColumn) {
  struct Case {
    const char* text;
    const char* error;
  };
  const Case kCases[] = {
      {"community = \"x\"\n[[adopter]]\nname = \"A\"\nindustry = \"retail\"\nas_of = 2025-01-01\n",
       "p.toml:2:1: missing 'source'"},
      {"community = \"x\"\n[[adopter]]\nname = \"A\"\nindustry = \"retail\"\nsource = \"s\"\n",
       "p.toml:2:1: missing 'as_of'"},
      {"community = \"x\"\n[foundation]\nname = \"CNCF\"\nlevel = \"famous\"\nsource = \"s\"\nas_of = 2025-01-01\n",
       "p.toml:4:9: level 'famous' must be one of sandbox | incubating | graduated | top_level"},
      {"community = \"x\"\n[[adopter]]\nname = \"A\"\nindustry = \"retail\"\nsource = \"s\"\nas_of = 2025-13-01\n",
       "p.toml:6:"},
      {"community = \"x\"\n[[partner]]\nname = \"A\"\n", "p.toml:2:1: unknown key 'partner'"},
      {"community = \"x\"\n[[adopter]]\nname = \"A\"\nindustry = \"retail\"\nsource = \"s\"\nas_of = 2025-01-01\nsize = 3\n",
       "p.toml:7:8: unknown key 'size' in [[adopter]]"},
      {"[[adopter]]\nname = \"A\"\nindustry = \"retail\"\nsource = \"s\"\nas_of = 2025-01-01\n", "p.toml:1:1: missing 'community'"},
      {"community = \"x\"\n[[event]]\nname = \"E\"\nkind = \"meetup\"\nsource = \"s\"\nas_of = \"yesterday\"\n",
       "p.toml:6:9: 'as_of' must be a date"},
      {"community = \"x\"\n[[package]]\necosystem = \"gem\"\nname = \"rails\"\nsource = \"s\"\nas_of = 2025-01-01\n",
       "p.toml:3:13: unknown package ecosystem 'gem'"},
      {"community = \"x\"\n[[package]]\necosystem = \"npm\"\nname = \"no spaces\"\nsource = \"s\"\nas_of = 2025-01-01\n",
       "p.toml:4:8: 'no spaces' is not a npm package name"},
  };
  for (const auto& c : kCases) {
    auto p = ParseProfile(c.text, "p.toml");
    ASSERT_FALSE(p.has_value()) << c.text;
    EXPECT_EQ(p.error().message().rfind(c.error, 0), 0u) << p.error().message();
  }
}

class ProfileStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    oscm::testing::GitFixture repo(tmp_.Sub("tiny"));
    oscm::testing::BuildTinyCommunity(repo);
    auto s = store::Store::Open(tmp_.Sub("oscm.db"));
    ASSERT_OK(s);
    store_.emplace(std::move(s).value());
    GitIngestOptions o;
    o.location = repo.path();
    o.community = "tiny";
    NullProgress progress;
    ASSERT_OK(IngestGit(*store_, o, BotList::Builtin(), AffiliationResolver::Builtin(), progress));
  }
  TempDir tmp_;
  std::optional<store::Store> store_;
};

TEST_F(ProfileStoreTest, IngestIsIdempotentAndReplacesAChangedProfile) {
  auto p = ParseProfile(oscm::testing::kTinyProfile, "tiny.toml");
  ASSERT_OK(p);
  auto r = IngestProfile(*store_, *p);
  ASSERT_OK(r);
  EXPECT_EQ(r->facts, 13);
  EXPECT_TRUE(r->changed);
  EXPECT_EQ(oscm::testing::QueryInt(store_->db(), "SELECT count(*) FROM profile_facts WHERE origin = 'profile'"), 13);
  auto again = IngestProfile(*store_, *p);
  ASSERT_OK(again);
  EXPECT_FALSE(again->changed);
  p->facts.pop_back();  // the roadmap is gone
  auto changed = IngestProfile(*store_, *p);
  ASSERT_OK(changed);
  EXPECT_TRUE(changed->changed);
  EXPECT_EQ(oscm::testing::QueryInt(store_->db(), "SELECT count(*) FROM profile_facts WHERE kind = 'roadmap'"), 0);
  p->community = "nobody";
  auto unknown = IngestProfile(*store_, *p);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_NE(unknown.error().message().find("unknown community 'nobody'"), std::string::npos);
}

TEST_F(ProfileStoreTest, ProfileMetricsMatchHandCalculation) {
  auto p = ParseProfile(oscm::testing::kTinyProfile, "tiny.toml");
  ASSERT_OK(p);
  ASSERT_OK(IngestProfile(*store_, *p));
  auto a = metrics::LoadCommunityActivity(store_->db(), "tiny");
  ASSERT_OK(a);
  const TimeWindow w = TrailingMonths(*ParseDate("2025-06-30"), 12);  // 2024-07-01 .. 2025-06-30
  struct Expected {
    const char* id;
    double value;
  };
  const Expected kExpected[] = {
      {"adopters", 2},            // the bank (since 2024-09) and ShopCo (as_of 2025-05); not the 2026 one
      {"adopter_industries", 2},  // finance, retail
      {"commercial_offerings", 1},
      {"commercial_vendors", 2},  // PingCAP (Tiny Cloud) and Acme Hosting
      {"business_models", 1},     // open core; the cloud service is known from 2025-08
      {"foundation_level", 2},    // incubating since 2024-10
      {"events_held", 1},         // TinyConf 2024; the 2023 meetup is before the window
      {"roadmap_published", 1},
      {"vendor_age_years", static_cast<double>(*ParseDate("2025-07-01") - *ParseDate("2015-04-01")) / (365.25 * 86400)},
      {"vendor_share", 2.0 / 6.0},        // Alice's two commits for PingCAP
      {"outside_contributors", 4},        // all but Alice
  };
  for (const auto& e : kExpected) {
    const auto v = metrics::FindMetric(e.id)->compute(*a, w);
    ASSERT_TRUE(v.has_value()) << e.id;
    EXPECT_NEAR(*v, e.value, 1e-9) << e.id;
  }
  // Before the foundation and the offering: lower values in an earlier window.
  const TimeWindow early = TrailingMonths(*ParseDate("2024-06-30"), 12);
  EXPECT_EQ(*metrics::FindMetric("foundation_level")->compute(*a, early), 0);
  EXPECT_EQ(*metrics::FindMetric("commercial_offerings")->compute(*a, early), 0);
  EXPECT_EQ(*metrics::FindMetric("events_held")->compute(*a, early), 0);
  EXPECT_EQ(*metrics::FindMetric("events_held")->compute(*a, TrailingMonths(*ParseDate("2023-12-31"), 12)), 1);  // the meetup
}

// A profile that names no adopter says nothing about adopters: no data, not 0 (a foundation
// project's profile may list only vendors); the other facts it declares still count.
TEST_F(ProfileStoreTest, AdoptersAreNoDataWhenTheProfileNamesNone) {
  auto p = ParseProfile(oscm::testing::kTinyProfile, "tiny.toml");
  ASSERT_OK(p);
  std::erase_if(p->facts, [](const ProfileFact& f) { return f.kind == "adopter"; });
  ASSERT_OK(IngestProfile(*store_, *p));
  auto a = metrics::LoadCommunityActivity(store_->db(), "tiny");
  ASSERT_OK(a);
  const TimeWindow w = TrailingMonths(*ParseDate("2025-06-30"), 12);
  EXPECT_FALSE(metrics::FindMetric("adopters")->compute(*a, w).has_value());
  EXPECT_FALSE(metrics::FindMetric("adopter_industries")->compute(*a, w).has_value());
  EXPECT_EQ(metrics::FindMetric("commercial_vendors")->compute(*a, w), 2.0);
}

// Adopters named without their industry (as an ADOPTERS file names them) count as adopters but
// say nothing about industries: no data, not 0.
TEST_F(ProfileStoreTest, AdopterIndustriesAreNoDataWhenNoAdopterGivesOne) {
  auto p = ParseProfile(oscm::testing::kTinyProfile, "tiny.toml");
  ASSERT_OK(p);
  for (ProfileFact& f : p->facts) {
    if (f.kind == "adopter") f.detail.clear();
  }
  ASSERT_OK(IngestProfile(*store_, *p));
  auto a = metrics::LoadCommunityActivity(store_->db(), "tiny");
  ASSERT_OK(a);
  const TimeWindow w = TrailingMonths(*ParseDate("2025-06-30"), 12);
  const auto adopters = metrics::FindMetric("adopters")->compute(*a, w);
  ASSERT_TRUE(adopters.has_value());
  EXPECT_GT(*adopters, 0);
  EXPECT_FALSE(metrics::FindMetric("adopter_industries")->compute(*a, w).has_value());
}

TEST_F(ProfileStoreTest, ArchivedWhenEveryDescribedGitHubRepositoryIs) {
  auto& db = store_->db();
  const int64_t tiny = oscm::testing::QueryInt(db, "SELECT id FROM communities WHERE name = 'tiny'");
  auto snapshot = [&](int64_t repo, int archived) {
    ASSERT_OK(db.Exec(fmt::format("INSERT INTO gh_repos(id, community_id, name) VALUES ({0}, {1}, 'acme/r{0}')", repo, tiny)));
    ASSERT_OK(db.Exec(fmt::format("INSERT INTO gh_repo_snapshots VALUES ({}, 0, 'acme/r', 0, 0, 0, 0, '', '', {}, 0, 'main', 0)",
                                  repo, archived)));
  };
  auto archived = [&] {
    auto a = metrics::LoadCommunityActivity(db, "tiny");
    EXPECT_OK(a);
    return a->archived;
  };
  EXPECT_FALSE(archived()) << "no snapshot: not known to be archived";
  snapshot(1, 1);
  EXPECT_TRUE(archived());
  snapshot(2, 0);
  EXPECT_FALSE(archived()) << "one repository still open";
}

TEST_F(ProfileStoreTest, WithoutAProfileProfileMetricsAreUnavailable) {
  auto a = metrics::LoadCommunityActivity(store_->db(), "tiny");
  ASSERT_OK(a);
  const TimeWindow w = TrailingMonths(*ParseDate("2025-06-30"), 12);
  for (const char* id : {"adopters", "commercial_offerings", "foundation_level", "events_held", "vendor_share"}) {
    EXPECT_FALSE(metrics::FindMetric(id)->compute(*a, w).has_value()) << id;
  }
}

}  // namespace
}  // namespace oscm::ingest
