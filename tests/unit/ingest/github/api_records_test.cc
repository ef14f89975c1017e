#include "ingest/github/api_records.h"

#include <gtest/gtest.h>

#include "support/test_util.h"

// The recorded pages of a whole repository are read in github_ingest_test.cc; these are the
// pages and objects a sync must survive.
namespace oscm::ingest {
namespace {

TEST(ApiRecordsTest, RejectsWhatIsNotAPage) {
  auto bad = ParseApiPage(ApiResource::kIssues, R"([{"number":1,)", 1, "a/b");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code(), StatusCode::kCorruption);
  auto object = ParseApiPage(ApiResource::kIssues, R"({"message":"Not Found"})", 1, "a/b");
  ASSERT_FALSE(object);
  EXPECT_EQ(object.error().code(), StatusCode::kCorruption);
  EXPECT_FALSE(ParseRepoSnapshot(R"({"name":"b"})"));
}

TEST(ApiRecordsTest, SkipsObjectsThatAreNotEvents) {
  // Stargazers without dates (the plain media type), a deleted user, an issue without a number.
  auto stars = ParseApiPage(ApiResource::kStargazers, R"([{"login":"alice","id":1},
      {"starred_at":"2024-01-01T00:00:00Z","user":null}, {"starred_at":"2024-01-01T00:00:00Z","user":{"login":"bob"}}])", 7, "a/b");
  ASSERT_OK(stars);
  EXPECT_EQ(stars->items, 3);
  ASSERT_EQ(stars->events.size(), 1u);
  EXPECT_EQ(stars->events[0].id, "api:7:star:bob");
  auto issues = ParseApiPage(ApiResource::kIssues, R"([{"title":"x","created_at":"2024-01-01T00:00:00Z"}])", 7, "a/b");
  ASSERT_OK(issues);
  EXPECT_TRUE(issues->events.empty());
}

}  // namespace
}  // namespace oscm::ingest
