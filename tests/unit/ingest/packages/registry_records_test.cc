#include "ingest/packages/registry_records.h"

#include <gtest/gtest.h>

#include "base/time.h"
#include "support/test_util.h"

namespace oscm::ingest {
namespace {

int64_t Day(const char* date) { return *ParseDate(date); }

TEST(RegistryRecordsTest, DailyDownloadsOfEachRegistry) {
  auto npm = ParseNpmRange(R"({"start":"2024-01-01","end":"2024-01-02","package":"x",)"
                           R"("downloads":[{"downloads":5,"day":"2024-01-01"},{"downloads":0,"day":"2024-01-02"}]})");
  ASSERT_OK(npm);
  ASSERT_EQ(npm->size(), 2u);
  EXPECT_EQ((*npm)[0].day, Day("2024-01-01"));
  EXPECT_EQ((*npm)[0].count, 5);
  auto pypi = ParsePypiStatsOverall(
      R"({"data":[{"category":"with_mirrors","date":"2024-01-01","downloads":9},)"
      R"({"category":"without_mirrors","date":"2024-01-01","downloads":7}],"package":"x","type":"overall_downloads"})");
  ASSERT_OK(pypi);
  ASSERT_EQ(pypi->size(), 1u);
  EXPECT_EQ((*pypi)[0].count, 7);
  auto crates = ParseCratesDownloads(
      R"({"version_downloads":[{"version":1,"downloads":3,"date":"2024-01-02"},{"version":2,"downloads":4,"date":"2024-01-02"},)"
      R"({"version":2,"downloads":1,"date":"2024-01-01"}],"meta":{"extra_downloads":[{"date":"2024-01-02","downloads":10}]}})");
  ASSERT_OK(crates);
  ASSERT_EQ(crates->size(), 2u);
  EXPECT_EQ((*crates)[0].count, 1);
  EXPECT_EQ((*crates)[1].count, 17);  // both versions and the unlisted ones, summed per day
}

TEST(RegistryRecordsTest, DependentsPullsAndNames) {
  auto rev = ParseCratesReverseDependencies(R"({"dependencies":[],"versions":[],"meta":{"total":1234}})");
  ASSERT_OK(rev);
  EXPECT_EQ(*rev, 1234);
  auto hub = ParseDockerHubRepo(R"({"user":"pingcap","name":"tidb","namespace":"pingcap","pull_count":98765,"star_count":12})");
  ASSERT_OK(hub);
  EXPECT_EQ(hub->full_name, "pingcap/tidb");
  EXPECT_EQ(hub->pulls, 98765);
  auto pkg = ParseDepsDevPackage(
      R"({"packageKey":{"system":"PYPI","name":"foo-bar"},"versions":[{"versionKey":{"system":"PYPI","name":"foo-bar","version":"1.0"},"isDefault":false},)"
      R"({"versionKey":{"system":"PYPI","name":"foo-bar","version":"2.0"},"isDefault":true},{"versionKey":{"version":"3.0rc1"}}]})");
  ASSERT_OK(pkg);
  EXPECT_EQ(pkg->name, "foo-bar");
  EXPECT_EQ(pkg->default_version, "2.0");
  auto no_default = ParseDepsDevPackage(R"({"packageKey":{"name":"x"},"versions":[{"versionKey":{"version":"0.1"}}]})");
  ASSERT_OK(no_default);
  EXPECT_EQ(no_default->default_version, "0.1");
  auto dependents = ParseDepsDevDependents(R"({"dependentCount":"4521","directDependentCount":4000})");
  ASSERT_OK(dependents);
  EXPECT_EQ(*dependents, 4521);
  auto zero = ParseDepsDevDependents("{}");  // protobuf's JSON leaves zero counts out
  ASSERT_OK(zero);
  EXPECT_EQ(*zero, 0);
  auto repos = ParseEcosystemsDependentRepos(R"({"name":"x","dependent_repos_count":30558,"dependent_packages_count":11085})");
  ASSERT_OK(repos);
  EXPECT_EQ(repos->value_or(-1), 30558);
  auto unknown = ParseEcosystemsDependentRepos(R"({"name":"x","dependent_repos_count":null})");
  ASSERT_OK(unknown);
  EXPECT_FALSE(unknown->has_value());
}

TEST(RegistryRecordsErrorTest, MalformedBodiesAreCorruption) {
  const std::vector<Result<std::vector<DailyCount>>> daily = {
      ParseNpmRange("<html>"), ParseNpmRange(R"({"downloads":5})"),
      ParseNpmRange(R"({"downloads":[{"day":"2024-13-01","downloads":1}]})"),
      ParseNpmRange(R"({"downloads":[{"day":"2024-01-01","downloads":-1}]})"),
      ParsePypiStatsOverall(R"({"data":[{"date":"2024-01-01","downloads":1}]})"),
      ParseCratesDownloads(R"([1,2])")};
  for (const auto& r : daily) {
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code(), StatusCode::kCorruption) << r.error().message();
  }
  EXPECT_EQ(ParseCratesReverseDependencies(R"({"meta":{}})").error().code(), StatusCode::kCorruption);
  EXPECT_EQ(ParseDockerHubRepo(R"({"namespace":"a","name":"b"})").error().code(), StatusCode::kCorruption);
  EXPECT_EQ(ParseDepsDevPackage(R"({"versions":[]})").error().code(), StatusCode::kCorruption);
  EXPECT_EQ(ParseDepsDevDependents(R"({"dependentCount":"many"})").error().code(), StatusCode::kCorruption);
  EXPECT_EQ(ParseEcosystemsDependentRepos(R"({"name":"x"})").error().code(), StatusCode::kCorruption);
  EXPECT_NE(ParseNpmRange("{").error().message().find("malformed JSON"), std::string::npos);
}

}  // namespace
}  // namespace oscm::ingest
