#include "ingest/gharchive/event_parser.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

#include "base/time.h"
#include "ingest/gharchive/line_source.h"
#include "support/test_util.h"

namespace oscm::ingest {
namespace {

int64_t Utc(const char* iso) { return *ParseGhTime(iso); }

TEST(ParseGhTimeTest, Forms) {
  EXPECT_EQ(*ParseGhTime("2015-01-01T15:00:00Z"), *ParseDate("2015-01-01") + 15 * 3600);
  EXPECT_EQ(*ParseGhTime("2013-02-15T00:00:39-08:00"), *ParseDate("2013-02-15") + 8 * 3600 + 39);
  EXPECT_EQ(*ParseGhTime("2013-02-15T09:30:00+05:30"), *ParseDate("2013-02-15") + 4 * 3600);
  EXPECT_EQ(*ParseGhTime("2012/03/03 12:00:00 -0800"), *ParseDate("2012-03-03") + 20 * 3600);
  EXPECT_EQ(*ParseGhTime("2021-07-21T06:00:00.123Z"), *ParseDate("2021-07-21") + 6 * 3600);
  for (const char* bad : {"", "2015-01-01", "2015-13-01T00:00:00Z", "2015-01-01T00:00:00+0", "yesterday"}) {
    EXPECT_FALSE(ParseGhTime(bad).has_value()) << bad;
  }
}

TEST(EventParserTest, ModernPullRequestMerged) {
  EventParser p;
  GhEvent e;
  ASSERT_OK(p.Parse(R"({"id":"17178","type":"PullRequestEvent","actor":{"id":7,"login":"alice"},
    "repo":{"id":42,"name":"apache/pinot","url":"https://api.github.com/repos/apache/pinot"},
    "payload":{"action":"closed","number":7170,"pull_request":{"number":7170,"user":{"login":"bob"},
    "created_at":"2021-07-20T10:00:00Z","merged":true,"merged_at":"2021-07-21T06:30:00Z"}},
    "public":true,"created_at":"2021-07-21T06:30:01Z","org":{"login":"apache"}})", &e));
  EXPECT_EQ(e.id, "17178");
  EXPECT_EQ(e.type, "PullRequestEvent");
  EXPECT_EQ(e.actor, "alice");
  EXPECT_EQ(e.actor_id, 7);
  EXPECT_EQ(e.repo, "apache/pinot");
  EXPECT_EQ(e.repo_id, 42);
  EXPECT_EQ(e.org, "apache");
  EXPECT_EQ(e.action, "closed");
  EXPECT_EQ(e.number, 7170);
  EXPECT_EQ(e.subject_author, "bob");
  EXPECT_EQ(e.subject_created_at, Utc("2021-07-20T10:00:00Z"));
  EXPECT_TRUE(e.merged);
  EXPECT_EQ(e.merged_at, Utc("2021-07-21T06:30:00Z"));
  EXPECT_EQ(e.created_at, Utc("2021-07-21T06:30:01Z"));
}

TEST(EventParserTest, OpenedIssueKeepsItsTitle) {
  EventParser p;
  GhEvent e;
  ASSERT_OK(p.Parse(R"({"id":"9","type":"IssuesEvent","actor":{"id":7,"login":"li"},
    "repo":{"id":42,"name":"pingcap/tidb"},"payload":{"action":"opened","issue":{"number":3,
    "title":"\u4e3a\u4ec0\u4e48 panic","user":{"login":"li"},"created_at":"2021-07-20T10:00:00Z"}},
    "created_at":"2021-07-20T10:00:00Z"})", &e));
  EXPECT_EQ(e.title, "\u4e3a\u4ec0\u4e48 panic");
  ASSERT_OK(p.Parse(R"({"id":"10","type":"IssuesEvent","actor":{"id":7,"login":"li"},
    "repo":{"id":42,"name":"pingcap/tidb"},"payload":{"action":"closed","issue":{"number":3,
    "title":"x","user":{"login":"li"}}},"created_at":"2021-07-21T10:00:00Z"})", &e));
  EXPECT_EQ(e.title, "") << "only the opening event carries the title into the store";
}

TEST(EventParserTest, TimelineLayoutIssue) {
  EventParser p;
  GhEvent e;
  const std::string line =
      R"({"created_at":"2013-02-15T00:00:39-08:00","payload":{"action":"opened","issue":123456,"number":12},)"
      R"("public":true,"type":"IssuesEvent","actor":"carol","actor_attributes":{"login":"carol"},)"
      R"("repository":{"id":99,"name":"tool","owner":"acme","url":"https://github.com/acme/tool"}})";
  ASSERT_OK(p.Parse(line, &e));
  EXPECT_EQ(e.actor, "carol");
  EXPECT_EQ(e.repo, "acme/tool");
  EXPECT_EQ(e.repo_id, 99);
  EXPECT_EQ(e.number, 12);
  EXPECT_EQ(e.created_at, Utc("2013-02-15T08:00:39Z"));
  ASSERT_EQ(e.id.size(), 17u);  // "h" + 16 hex: derived from the line, stable across runs
  GhEvent again;
  ASSERT_OK(p.Parse(line, &again));
  EXPECT_EQ(again.id, e.id);
}

TEST(EventParserTest, NormalisedRepoWithoutOwnerTakesItFromTheUrl) {
  EventParser p;
  GhEvent e;
  ASSERT_OK(p.Parse(R"({"type":"WatchEvent","actor":{"login":"x"},"repo":{"id":1,"name":"tool",)"
                    R"("url":"https://github.com/acme/tool"},"payload":{"action":"started"},)"
                    R"("created_at":"2013-02-15T08:00:34Z"})", &e));
  EXPECT_EQ(e.repo, "acme/tool");
  EXPECT_EQ(e.action, "started");
}

TEST(EventParserTest, LegacyPushAndComments) {
  EventParser p;
  GhEvent e;
  ASSERT_OK(p.Parse(R"({"id":"1","type":"PushEvent","actor":{"login":"a","id":1},"repo":{"name":"a/b","id":2},)"
                    R"("payload":{"shas":[["x","e","m","n"]],"size":3,"ref":"refs/heads/master"},)"
                    R"("created_at":"2011-02-15T00:00:06Z"})", &e));
  EXPECT_EQ(e.push_size, 3);
  EXPECT_EQ(e.push_distinct, 3);
  ASSERT_OK(p.Parse(R"({"id":"2","type":"IssueCommentEvent","actor":{"login":"a"},"repo":{"name":"a/b"},)"
                    R"("payload":{"action":"created","issue":{"number":5,"user":{"login":"z"},)"
                    R"("pull_request":{"html_url":"u"},"labels":[{"name":"bug"},{"name":"p1"}]}},)"
                    R"("created_at":"2012-02-15T00:00:06Z"})", &e));
  EXPECT_EQ(e.number, 5);
  EXPECT_TRUE(e.on_pull_request);
  EXPECT_EQ(e.subject_author, "z");
  EXPECT_EQ(e.labels, (std::vector<std::string>{"bug", "p1"}));
}

class EventParserErrorTest : public ::testing::Test {};

TEST_F(EventParserErrorTest, BadLines) {
  EventParser p;
  GhEvent e;
  const std::pair<std::string, std::string> kCases[] = {
      {"not json", "invalid JSON"},
      {"{\"type\":\"PushEvent\"", "invalid JSON"},
      {"[1,2,3]", "not a JSON object"},
      {"{\"a\":1}", "no type"},
      {"{\"type\":\"PushEvent\"}", "no created_at"},
      {"{\"type\":\"PushEvent\",\"created_at\":\"soon\"}", "bad created_at"},
      {"{\"type\":\"PushEvent\",\"created_at\":\"2015-01-01T00:00:00Z\",\"x\":\"\xff\"}", "invalid JSON"},
  };
  for (const auto& [line, reason] : kCases) {
    Status s = p.Parse(line, &e);
    ASSERT_FALSE(s.ok()) << line;
    EXPECT_EQ(s.code(), StatusCode::kCorruption);
    EXPECT_NE(s.message().find(reason), std::string::npos) << line << " -> " << s.message();
  }
  // The parser recovers: the next good line parses.
  EXPECT_OK(p.Parse(R"({"type":"ForkEvent","created_at":"2015-01-01T00:00:00Z"})", &e));
}

// The real samples, against counts that do not come from oscm: PROVENANCE.md lists the events of
// each file and the totals by type over the six files that are not timeline-format copies.
std::map<std::string, int64_t> CountTypes(const std::string& file, int64_t* bad) {
  std::map<std::string, int64_t> counts;
  auto src = OpenLineSource(oscm::testing::SharedDataPath("gharchive-sample/" + file));
  EXPECT_TRUE(src.has_value()) << file;
  if (!src) return counts;
  EventParser p;
  GhEvent e;
  std::string_view line;
  while (true) {
    auto more = (*src)->Next(&line);
    EXPECT_TRUE(more.has_value()) << file;
    if (!more || !*more) break;
    if (p.Parse(line, &e).ok()) ++counts[e.type]; else ++*bad;
  }
  return counts;
}

TEST(EventParserSampleTest, EveryRealSampleParsesAndTypeTotalsMatchProvenance) {
  const std::pair<const char*, int64_t> kFiles[] = {
      {"gharchive-2011-02-15-0.json", 1639},
      {"gharchive-2012-02-15-0.json.gz", 4074},
      {"gharchive-2013-02-15-0.normalized.json.gz", 6851},
      {"gharchive-2014-02-15-0.normalized.json.gz", 7119},
      {"pinot-2021-07-21-few-hours.json", 800},
      {"pinot-githubActivities-2016-07-07.json.gz", 2000},
  };
  std::map<std::string, int64_t> totals;
  for (const auto& [file, events] : kFiles) {
    int64_t bad = 0;
    int64_t n = 0;
    for (const auto& [type, count] : CountTypes(file, &bad)) {
      totals[type] += count;
      n += count;
    }
    EXPECT_EQ(bad, 0) << file;
    EXPECT_EQ(n, events) << file;
  }
  const std::map<std::string, int64_t> kProvenance = {
      {"PushEvent", 11159}, {"CreateEvent", 2516}, {"WatchEvent", 2119}, {"IssueCommentEvent", 2019},
      {"IssuesEvent", 1269}, {"PullRequestEvent", 846}, {"ForkEvent", 768}, {"GollumEvent", 405},
      {"FollowEvent", 336}, {"DeleteEvent", 242}, {"GistEvent", 237}, {"CommitCommentEvent", 190},
      {"PullRequestReviewCommentEvent", 165}, {"MemberEvent", 113}, {"PullRequestReviewEvent", 28},
      {"DownloadEvent", 22}, {"ReleaseEvent", 21}, {"PublicEvent", 16}, {"TeamAddEvent", 8},
      {"ForkApplyEvent", 4}};
  EXPECT_EQ(totals, kProvenance);
}

// The timeline-format files hold the same hours as the normalised ones in the legacy layout, in
// US Pacific time: both must give the same (type, repository, actor, UTC time) multiset.
TEST(EventParserSampleTest, TimelineLayoutMatchesNormalisedCopy) {
  for (const char* hour : {"2013-02-15-0", "2014-02-15-0"}) {
    std::multiset<std::tuple<std::string, std::string, std::string, int64_t>> sets[2];
    const std::string files[2] = {std::string("gharchive-") + hour + ".timeline-format.json.gz",
                                  std::string("gharchive-") + hour + ".normalized.json.gz"};
    for (int k = 0; k < 2; ++k) {
      auto src = OpenLineSource(oscm::testing::SharedDataPath("gharchive-sample/" + files[k]));
      ASSERT_OK(src);
      EventParser p;
      GhEvent e;
      std::string_view line;
      while (true) {
        auto more = (*src)->Next(&line);
        ASSERT_OK(more);
        if (!*more) break;
        ASSERT_OK(p.Parse(line, &e));
        sets[k].emplace(e.type, e.repo, e.actor, e.created_at);
      }
    }
    EXPECT_EQ(sets[0].size(), sets[1].size()) << hour;
    EXPECT_TRUE(sets[0] == sets[1]) << hour;
  }
}

}  // namespace
}  // namespace oscm::ingest
