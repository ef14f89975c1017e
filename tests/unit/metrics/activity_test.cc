// What the loaded activity counts: releases as projects make them, and organisations only with
// evidence, on synthetic repositories ingested for real.
#include "metrics/activity.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "ingest/git/git_ingest.h"
#include "metrics/assessment.h"
#include "metrics/git_metrics.h"
#include "support/git_fixture.h"
#include "support/test_util.h"

namespace oscm::metrics {
namespace {

using oscm::testing::FixtureCommit;
using oscm::testing::GitFixture;
using oscm::testing::TempDir;

ReleaseFact Tag(const char* date, const char* version, bool prerelease, bool github = false) {
  return ReleaseFact{*ParseDate(date), std::string("t") + version, version, prerelease, github};
}

TEST(ReleasedVersionsTest, CandidatesCountOnlyWhenNoFinalExists) {
  const std::vector<ReleaseFact> tags = {
      Tag("2020-01-01", "1.0.0-rc.1", true), Tag("2020-01-10", "1.0.0", false),  // final tagged: 2020-01-10
      Tag("2020-02-01", "1.0.0", false),                                        // another module's tag
      Tag("2020-03-01", "2.0.0-rc1", true), Tag("2020-03-09", "2.0.0-rc3", true),  // voted rc3: the release
      Tag("2020-04-01", "2.1.0-beta1", true),                                   // a beta is no release
      Tag("2020-05-01", "2.2.0", false, /*github=*/true),                       // a GitHub release
      Tag("2020-06-01", "2.3.0-cr2", true), Tag("2020-06-20", "2.3.0", false),
  };
  const auto v = ReleasedVersions(tags);
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v[0].version, "1.0.0");
  EXPECT_EQ(v[0].time, *ParseDate("2020-01-10"));
  EXPECT_EQ(v[1].version, "2.0.0");
  EXPECT_EQ(v[1].time, *ParseDate("2020-03-09"));
  EXPECT_TRUE(v[1].from_candidate);
  EXPECT_EQ(v[2].version, "2.2.0");
  EXPECT_EQ(v[3].version, "2.3.0");
  EXPECT_EQ(v[3].time, *ParseDate("2020-06-20"));
  EXPECT_FALSE(v[3].from_candidate);
}

class ActivityTest : public ::testing::Test {
 protected:
  Result<CommunityActivity> Ingest(GitFixture& repo, const std::string& community) {
    auto s = store::Store::Open(tmp_.Sub("oscm.db"));
    if (!s) return s.error();
    ingest::GitIngestOptions o;
    o.location = repo.path();
    o.community = community;
    NullProgress progress;
    auto r = ingest::IngestGit(*s, o, ingest::BotList::Builtin(), ingest::AffiliationResolver::Builtin(), progress);
    if (!r) return r.error();
    return LoadCommunityActivity(s->db(), community);
  }
  TempDir tmp_;
};

// An Apache-style history: only release candidates are tagged, as carbondata did from 2.0.
TEST_F(ActivityTest, ReleaseCandidateOnlyProjectsRelease) {
  GitFixture repo(tmp_.Sub("apache"));
  std::vector<int> commits;
  for (int m = 1; m <= 12; ++m) {
    FixtureCommit c;
    c.author_email = "dev@apache.org";
    c.date = fmt::format("2020-{:02}-05T10:00:00", m);
    c.files = {{"f", std::to_string(m)}};
    commits.push_back(repo.Commit(c));
  }
  repo.Tag("apache-carbondata-2.0.0-rc1", commits[3]);
  repo.Tag("apache-carbondata-2.0.0-rc3", commits[4]);
  repo.Tag("apache-carbondata-2.1.0-rc2", commits[10]);
  repo.Tag("apache-carbondata-2.1.1-beta", commits[11]);
  auto a = Ingest(repo, "carbondata");
  ASSERT_OK(a);
  const TimeWindow year = TrailingMonths(*ParseDate("2020-12-31"), 12);
  EXPECT_EQ(*Releases(*a, year), 2);      // 2.0.0 (rc3, May) and 2.1.0 (rc2, November)
  EXPECT_EQ(*ReleaseMonths(*a, year), 2);
  // Everyone writes from apache.org: a foundation, so no company invests.
  EXPECT_EQ(*OrgsActive(*a, year), 0);
  EXPECT_EQ(*OrgCommitShare(*a, year), 0);
  ASSERT_EQ(a->orgs.size(), 1u);
  EXPECT_EQ(a->orgs[0], "Apache Software Foundation");
  EXPECT_EQ(a->commits.front().affiliation, Affiliation::kFoundation);
}

// A one-person project on a vanity domain is not a company; a domain two people share is.
TEST_F(ActivityTest, PersonalDomainsAreIndependentSharedOnesCompanies) {
  GitFixture repo(tmp_.Sub("vanity"));
  auto commit = [&](const char* name, const char* email, const char* date) {
    FixtureCommit c;
    c.author_name = name;
    c.author_email = email;
    c.date = date;
    c.files = {{"f", date}};
    repo.Commit(c);
  };
  commit("Sol O", "sol@solo.dev", "2024-01-02T10:00:00");
  commit("Sol O", "sol@solo.dev", "2024-02-02T10:00:00");
  commit("Ann", "ann@smallco.io", "2024-03-02T10:00:00");
  commit("Ben", "ben@smallco.io", "2024-04-02T10:00:00");
  commit("Cy", "cy@pingcap.com", "2024-05-02T10:00:00");
  auto a = Ingest(repo, "vanity");
  ASSERT_OK(a);
  const TimeWindow year = TrailingMonths(*ParseDate("2024-12-31"), 12);
  EXPECT_EQ(*OrgsActive(*a, year), 2);  // smallco.io (two people) and PingCAP (the built-in map)
  EXPECT_NEAR(*OrgCommitShare(*a, year), 3.0 / 5.0, 1e-9);
  const Assessment as = Assess(*a, *ParseDate("2024-12-31"));
  ASSERT_FALSE(as.org_mix.empty());
  EXPECT_EQ(as.org_mix[0].name, "independent");  // Sol's two commits
  EXPECT_EQ(as.org_mix[0].commits, 2);
  bool personal = false;
  for (const auto& l : a->org_links) {
    if (l.stored == "solo.dev") {
      personal = true;
      EXPECT_EQ(l.rule, "personal-domain");
      EXPECT_EQ(l.affiliation, Affiliation::kIndependent);
    }
  }
  EXPECT_TRUE(personal);
}

}  // namespace
}  // namespace oscm::metrics
