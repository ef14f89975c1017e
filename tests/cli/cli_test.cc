// End-to-end: the real oscm binary on fixture repositories.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "cli/cli_fixture.h"
#include "support/community_fixture.h"
#include "support/test_util.h"

namespace oscm {
namespace {

using oscm::testing::CommandResult;
using oscm::testing::TempDir;

using CliTest = CliFixture;

int CountOccurrences(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

TEST_F(CliTest, IngestThenAssessTableAndJson) {
  auto ingest = Oscm({"ingest", "git", repo_->path(), "--community", "tiny"});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  EXPECT_NE(ingest.err.find("tiny: "), std::string::npos);
  EXPECT_NE(ingest.err.find("10 new commits"), std::string::npos) << ingest.err;
  EXPECT_EQ(ingest.out, "");

  auto table = Oscm({"assess", "tiny", "--as-of", "2025-06-30"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("contributors_active"), std::string::npos);
  EXPECT_EQ(table.out.find("\x1b["), std::string::npos) << "no colour when not a terminal";

  auto json = Oscm({"assess", "tiny", "--as-of", "2025-06-30", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.out.find("\"commits\": 6,"), std::string::npos);
  EXPECT_NE(json.out.find("\"as_of\": \"2025-06-30\""), std::string::npos);
  // Same store, same date: byte-identical output.
  EXPECT_EQ(Oscm({"assess", "tiny", "--as-of", "2025-06-30", "--format", "json"}).out, json.out);
}

TEST_F(CliTest, AssessPathIngestsWhatIsMissing) {
  auto r = Oscm({"assess", repo_->path(), "--as-of", "2025-06-30", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"community\": \"tiny\""), std::string::npos);
  auto again = Oscm({"assess", repo_->path(), "--as-of", "2025-06-30", "--format", "json"});
  EXPECT_NE(again.err.find("0 new commits"), std::string::npos) << again.err;
  EXPECT_EQ(again.out, r.out);
  auto list = Oscm({"communities"});
  EXPECT_EQ(list.out, "tiny  " + repo_->path() + "\n");
}

// Two clones in folders of one name never become one community silently; a community can be
// renamed, and removed with every row of its own while another community's answers stay the same.
TEST_F(CliTest, CommunitiesOfOneFolderNameRenameAndRemove) {
  oscm::testing::GitFixture other(tmp_.Sub("b/tiny"));
  oscm::testing::FixtureCommit commit;
  commit.author_name = "Bob";
  commit.author_email = "bob@example.org";
  commit.date = "2025-03-01T10:00:00";
  commit.files = {{"README.md", "b"}};
  other.Commit(commit);
  ASSERT_EQ(Oscm({"ingest", "git", repo_->path()}).exit_code, 0);
  const std::string before = Oscm({"assess", "tiny", "--as-of", "2025-06-30", "--format", "json"}).out;
  auto clash = Oscm({"ingest", "git", other.path()});
  EXPECT_EQ(clash.exit_code, 1);
  EXPECT_EQ(clash.err, "error: ingest: " + other.path() + ": community 'tiny' already holds another repository (" +
                           repo_->path() + "); name this one with --community NAME, or give --community tiny to add "
                           "it to that community\n");
  EXPECT_EQ(Oscm({"communities"}).out, "tiny  " + repo_->path() + "\n");
  ASSERT_EQ(Oscm({"ingest", "git", other.path(), "--community", "bob"}).exit_code, 0);

  auto renamed = Oscm({"communities", "rename", "tiny", "alpha"});
  EXPECT_EQ(renamed.exit_code, 0) << renamed.err;
  EXPECT_EQ(Oscm({"communities", "rename", "alpha", "bob"}).exit_code, 1);  // taken
  auto missing = Oscm({"communities", "rename", "nope", "x"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no community 'nope'"), std::string::npos) << missing.err;
  EXPECT_EQ(Oscm({"communities"}).out, "alpha  " + repo_->path() + "\nbob  " + other.path() + "\n");

  auto removed = Oscm({"communities", "remove", "bob"});
  EXPECT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_NE(removed.err.find("removed community 'bob': 1 git repositories (1 commits)"), std::string::npos) << removed.err;
  EXPECT_EQ(Oscm({"communities"}).out, "alpha  " + repo_->path() + "\n");
  EXPECT_EQ(Oscm({"communities", "remove", "bob"}).exit_code, 1);
  auto after = Oscm({"assess", "alpha", "--as-of", "2025-06-30", "--format", "json"});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(oscm::testing::ReplaceAll(after.out, "\"alpha\"", "\"tiny\""), before);
  // Removed and added again: the same commits, nothing left over from before.
  ASSERT_EQ(Oscm({"ingest", "git", other.path(), "--community", "bob"}).exit_code, 0);
  EXPECT_NE(Oscm({"ingest", "git", other.path(), "--community", "bob"}).err.find("0 new commits"), std::string::npos);
}

// Every assessment is kept, once per distinct outcome, so `history` shows how the stage and the
// scores moved; removing the community takes its history with it.
TEST_F(CliTest, AssessmentsAreKeptAsHistory) {
  ASSERT_EQ(Oscm({"ingest", "git", repo_->path(), "-c", "tiny", "-q"}).exit_code, 0);
  auto empty = Oscm({"history", "tiny"});
  ASSERT_EQ(empty.exit_code, 0) << empty.err;
  EXPECT_NE(empty.out.find("No assessment kept yet"), std::string::npos) << empty.out;
  for (const char* date : {"2025-06-30", "2025-01-31", "2025-06-30"}) {
    ASSERT_EQ(Oscm({"assess", "tiny", "--as-of", date, "--format", "json"}).exit_code, 0);
  }
  auto json = Oscm({"history", "tiny", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(CountOccurrences(json.out, "\"as_of\""), 2) << json.out;
  const size_t january = json.out.find("\"as_of\": \"2025-01-31\"");
  const size_t june = json.out.find("\"as_of\": \"2025-06-30\"");
  ASSERT_NE(january, std::string::npos);
  ASSERT_NE(june, std::string::npos);
  EXPECT_LT(january, june) << "runs in date order";
  // What the assessment said is what the history says: the stage, popularity and its low end of
  // assess's CSV (its 5th, 7th and 8th columns) are history's (its 7th, 10th and 11th) for that date.
  auto fields = [](const std::string& line) {
    std::vector<std::string> out(1);
    for (char c : line) {
      if (c == ',') {
        out.emplace_back();
      } else {
        out.back().push_back(c);
      }
    }
    return out;
  };
  auto assessed = Oscm({"assess", "tiny", "--as-of", "2025-06-30", "--format", "csv"});
  const auto a = fields(assessed.out.substr(assessed.out.find('\n') + 1));
  auto csv = Oscm({"history", "tiny", "--format", "csv"});
  const auto h = fields(csv.out.substr(csv.out.rfind('\n', csv.out.size() - 2) + 1));
  ASSERT_GT(a.size(), 7u);
  ASSERT_GT(h.size(), 11u);
  EXPECT_EQ(h[1], "2025-06-30");
  EXPECT_EQ(h[6], a[4]);
  EXPECT_FALSE(h[6].empty());
  EXPECT_EQ(h[9].empty(), a[6].empty());
  EXPECT_NEAR(std::stod(h[10]), std::stod(a[7]), 0.05);

  EXPECT_EQ(csv.out.substr(0, csv.out.find('\n')),
            "community,as_of,model,model_version,landscape,recorded_at,stage,quadrant,quadrant_possible,popularity,popularity_low,"
            "popularity_high,popularity_coverage,commercial,commercial_low,commercial_high,commercial_coverage");
  EXPECT_EQ(CountOccurrences(csv.out, "\n"), 3);
  auto table = Oscm({"history", "tiny"});
  EXPECT_NE(table.out.find("tiny  assessment history (2 runs kept)"), std::string::npos) << table.out;

  EXPECT_EQ(Oscm({"history", "nope"}).exit_code, 1);
  ASSERT_EQ(Oscm({"communities", "remove", "tiny"}).exit_code, 0);
  ASSERT_EQ(Oscm({"ingest", "git", repo_->path(), "-c", "tiny", "-q"}).exit_code, 0);
  EXPECT_NE(Oscm({"history", "tiny"}).out.find("No assessment kept yet"), std::string::npos);
}

// A community is named after the remote's owner/name, else after the meaningful folder: two
// clones in folders called "repo" get the names of where they came from, and the remote is kept
// for reports (without the credentials a remote URL may carry).
TEST_F(CliTest, CommunitiesAreNamedAfterTheirRemoteOrMeaningfulFolder) {
  oscm::testing::GitFixture widget(tmp_.Sub("clones/a/repo"));
  oscm::testing::BuildTinyCommunity(widget);
  widget.Remote("origin", "https://bob:ghp_token@github.com/acme/widget.git");
  oscm::testing::GitFixture gadget(tmp_.Sub("clones/gadget/repo"));
  oscm::testing::BuildTinyCommunity(gadget);
  auto a = Oscm({"ingest", "git", widget.path()});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_NE(a.err.find("acme/widget: "), std::string::npos) << a.err;
  auto b = Oscm({"ingest", "git", gadget.path()});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_NE(b.err.find("gadget: "), std::string::npos) << b.err;
  EXPECT_EQ(Oscm({"communities"}).out, "acme/widget  " + widget.path() + "\ngadget  " + gadget.path() + "\n");
  // A file:// URL names it after its path's meaningful folder too.
  oscm::testing::GitFixture gizmo(tmp_.Sub("clones/gizmo.git"));
  oscm::testing::BuildTinyCommunity(gizmo);
  auto c = Oscm({"ingest", "git", "file://" + gizmo.path()});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_NE(c.err.find("gizmo: "), std::string::npos) << c.err;
  auto assessed = Oscm({"assess", "acme/widget", "--as-of", "2025-06-30", "--format", "json"});
  ASSERT_EQ(assessed.exit_code, 0) << assessed.err;
  auto report = Oscm({"report", "acme/widget", "gadget", "gizmo", "--as-of", "2025-06-30", "--out", tmp_.Sub("report")});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const std::string html = oscm::testing::ReadFile(tmp_.Sub("report/index.html"));
  EXPECT_NE(html.find("<li>git: <a href=\"https://github.com/acme/widget.git\">"), std::string::npos);
  EXPECT_NE(html.find("<li>git: gadget</li>"), std::string::npos);
  EXPECT_NE(html.find("<li>git: gizmo</li>"), std::string::npos);
  EXPECT_EQ(html.find(tmp_.path()), std::string::npos) << "no local path in the report";
  EXPECT_EQ(html.find("ghp_token"), std::string::npos);
}

TEST_F(CliTest, SeveralCommunitiesAtOnce) {
  ASSERT_EQ(Oscm({"ingest", "git", repo_->path(), "-c", "one", "-q"}).exit_code, 0);
  oscm::testing::GitFixture other(tmp_.Sub("other"));
  oscm::testing::BuildTinyCommunity(other);
  ASSERT_EQ(Oscm({"ingest", "git", other.path(), "-c", "two", "-q"}).exit_code, 0);
  auto json = Oscm({"assess", "one", "two", "--as-of", "2025-06-30", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(json.out.substr(0, 4), "[\n{\n");
  EXPECT_NE(json.out.find("\"community\": \"one\""), std::string::npos);
  EXPECT_NE(json.out.find("\"community\": \"two\""), std::string::npos);
  EXPECT_EQ(json.out.substr(json.out.size() - 4), "}\n]\n");
  auto table = Oscm({"assess", "one", "two", "--as-of", "2025-06-30"});
  EXPECT_NE(table.out.find("one  as of 2025-06-30"), std::string::npos);
  EXPECT_NE(table.out.find("two  as of 2025-06-30"), std::string::npos);
}

TEST_F(CliTest, GhArchiveLandscapeTracksItsCommunities) {
  oscm::testing::WriteFile(tmp_.Sub("web.toml"),
                           "name = \"3D on the web\"\n\n[[community]]\nid = \"three\"\n"
                           "repositories = [\"https://github.com/mrdoob/three.js\"]\n");
  auto r = Oscm({"ingest", "gharchive", oscm::testing::SharedDataPath("gharchive-sample/gharchive-2012-02-15-0.json.gz"),
                 "--landscape", tmp_.Sub("web.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("17 new events"), std::string::npos) << r.err;  // Python's json module: 17
  oscm::testing::WriteFile(tmp_.Sub("bad.toml"), "name = \"x\"\n[[community]]\nid = \"Bad Id\"\n");
  auto bad = Oscm({"ingest", "gharchive", tmp_.path(), "--landscape", tmp_.Sub("bad.toml")});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find(tmp_.Sub("bad.toml") + ":3:6: 'id' must be a lower-case id"), std::string::npos) << bad.err;
}

// Control characters in names from data (a community, an organisation, a landscape) reach the
// terminal escaped in every output: tables, JSON, lists, summaries and errors.
TEST_F(CliTest, ControlCharactersInNamesAreEscaped) {
  const std::string name = "T\x1b[2J";  // clears the screen when printed raw
  const std::string shown = "T\\u001b[2J";
  oscm::testing::WriteFile(tmp_.Sub("aff.txt"), "Carol: carol@google.com\n\tEvil\x1b]0;owned\x07" "Corp\n");
  oscm::testing::WriteFile(tmp_.Sub("land.toml"), "name = \"L\\u001b[2J\"\n\n[[community]]\nid = \"tiny\"\n"
                                                  "repositories = [\"file://" + repo_->path() + "\"]\n");
  std::vector<CommandResult> outputs = {
      Oscm({"ingest", "git", repo_->path(), "--community", name, "--affiliations", tmp_.Sub("aff.txt")}),
      Oscm({"communities"}),
      Oscm({"assess", name, "--as-of", "2025-06-30"}),
      Oscm({"assess", name, "--as-of", "2025-06-30", "--format", "json"}),
      Oscm({"assess", "nope\x1b[2J"}),
      Oscm({"landscape", tmp_.Sub("land.toml"), "--as-of", "2025-06-30"}),
  };
  for (size_t i = 0; i < outputs.size(); ++i) {
    SCOPED_TRACE(i);
    for (const std::string* text : {&outputs[i].out, &outputs[i].err}) {
      EXPECT_EQ(text->find_first_of("\x1b\x07\r"), std::string::npos) << *text;
    }
  }
  EXPECT_NE(outputs[0].err.find(shown + ": " + repo_->path() + ": "), std::string::npos) << outputs[0].err;
  EXPECT_EQ(outputs[1].out.substr(0, shown.size() + 2), shown + "  ");
  EXPECT_NE(outputs[2].out.find(shown + "  as of 2025-06-30"), std::string::npos) << outputs[2].out;
  EXPECT_NE(outputs[2].out.find("Evil\\u001b]0;owned\\u0007Corp"), std::string::npos) << outputs[2].out;
  EXPECT_NE(outputs[3].out.find("\"community\": \"" + shown + "\""), std::string::npos) << outputs[3].out;
  EXPECT_NE(outputs[4].err.find("unknown community 'nope\\u001b[2J'"), std::string::npos) << outputs[4].err;
  EXPECT_NE(outputs[5].out.find("L\\u001b[2J"), std::string::npos) << outputs[5].out;
}

TEST_F(CliTest, FileUrlWorksOffline) {
  auto r = Oscm({"ingest", "git", "file://" + repo_->path(), "--community", "viaurl", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto json = Oscm({"assess", "viaurl", "--as-of", "2025-06-30", "--format", "json"});
  EXPECT_NE(json.out.find("\"commits\": 6,"), std::string::npos) << json.out;
}

TEST_F(CliTest, MetricsListsTheRegistry) {
  auto r = Oscm({"metrics"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(Lines(r.out), 51);  // 21 from git, 18 from GH Archive, 9 from profiles, 3 from package registries
  EXPECT_NE(r.out.find("openrank"), std::string::npos);
  EXPECT_NE(r.out.find("dependent_repos"), std::string::npos);
  EXPECT_NE(r.out.find("working_hours_share"), std::string::npos);
}

TEST_F(CliTest, MaxBadTurnsBadRecordsIntoAFailure) {
  oscm::testing::GitFixture odd(tmp_.Sub("odd"));
  oscm::testing::FixtureCommit c;
  c.date = "2024-01-01T10:00:00";
  c.author_email = "(none)";
  c.files = {{"a", "a"}};
  odd.Commit(c);
  auto r = Oscm({"ingest", "git", odd.path(), "--max-bad", "0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("1 bad records, more than --max-bad 0; the first: commit "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("malformed author identity 'Alice <(none)>'"), std::string::npos) << r.err;
  EXPECT_EQ(Oscm({"communities"}).out, "");  // nothing stored
  EXPECT_EQ(Oscm({"ingest", "git", odd.path(), "--max-bad", "1"}).exit_code, 0);
}

TEST_F(CliTest, AsOfMustBeADayThatHasBeen) {
  for (const char* bad : {"", "9999-12-31", "2024-02-30", "yesterday", "0000-01-01"}) {
    SCOPED_TRACE(bad);
    auto r = Oscm({"assess", "anything", "--as-of", bad});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(Lines(r.err), 1) << r.err;
    EXPECT_NE(r.err.find("--as-of"), std::string::npos) << r.err;
  }
}

TEST_F(CliTest, GhArchiveIngestAndAssess) {
  // The whole sample directory: the 2013 and 2014 hours are there twice (normalised and timeline
  // layouts, which GH Archive never serves together), and ids of id-less events come from the
  // line, so three.js's one 2014 event counts twice: 20 distinct events, 21 stored.
  auto r = Oscm({"ingest", "gharchive", oscm::testing::SharedDataPath("gharchive-sample"), "--community",
                 "three=mrdoob/three.js"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("8 files (0 already ingested), 21 new events of tracked repositories"), std::string::npos) << r.err;
  auto again = Oscm({"ingest", "gharchive", oscm::testing::SharedDataPath("gharchive-sample")});
  EXPECT_NE(again.err.find("8 files (8 already ingested), 0 new events"), std::string::npos) << again.err;
  // The 2012-02-15 hour holds 2 issues opened and 1 closed of three.js (counted with Python's json
  // module), but one hour of a year says nothing about the year: the year's counts are null, and
  // the evidence says what was read.
  auto json = Oscm({"assess", "three", "--as-of", "2012-12-31", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.out.find("\"issues_opened\": null,"), std::string::npos) << json.out.substr(0, 2000);
  EXPECT_NE(json.out.find("\"issues_closed\": null,"), std::string::npos);
  EXPECT_NE(json.out.find("\"hours_read\": 1,"), std::string::npos);
  EXPECT_NE(json.out.find("\"window_hours\": 8784"), std::string::npos);
  EXPECT_NE(json.out.find("\"commits\": null,"), std::string::npos);  // no git data: unavailable
  auto table = Oscm({"assess", "three", "--as-of", "2012-12-31"});
  EXPECT_NE(table.out.find("git history: no data"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("GH Archive 1 of the window's 8784 hours read (0.0%)"), std::string::npos) << table.out;
  // Before the first event there is no history: no stage, vitality or scores.
  auto before = Oscm({"assess", "three", "--as-of", "2010-06-01"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  EXPECT_NE(before.out.find("no history before 2011-02-15: no stage, vitality or scores"), std::string::npos) << before.out;
  EXPECT_EQ(before.out.find("stage "), std::string::npos) << before.out;
  auto before_json = Oscm({"assess", "three", "--as-of", "2010-06-01", "--format", "json"});
  EXPECT_NE(before_json.out.find("\"stage\": null,"), std::string::npos);
  EXPECT_NE(before_json.out.find("\"scores\": null,"), std::string::npos);
  oscm::testing::WriteFile(tmp_.Sub("hours/bad.json.gz"), std::string("\x1f\x8b\x08\x00garbage", 12));
  auto rejected = Oscm({"ingest", "gharchive", tmp_.Sub("hours")});
  EXPECT_EQ(rejected.exit_code, 1);
  EXPECT_NE(rejected.err.find("error: " + tmp_.Sub("hours/bad.json.gz") + ": line 1: "), std::string::npos) << rejected.err;
  EXPECT_NE(rejected.err.find("1 rejected"), std::string::npos) << rejected.err;
  auto bad = Oscm({"ingest", "gharchive", tmp_.path(), "--community", "broken"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("expected NAME=owner/repo"), std::string::npos) << bad.err;
}

// README's first command ends with `build/oscm assess .` on the project's own history.
TEST_F(CliTest, ReadmeMainJobOnOwnHistory) {
  const std::string root = oscm::testing::SourcePath("");
  if (!std::filesystem::exists(root + ".git")) GTEST_SKIP() << "not a git checkout";
  // oscm refuses shallow clones: their cut-off history would make every metric wrong.
  if (std::filesystem::exists(root + ".git/shallow")) GTEST_SKIP() << "shallow checkout";
  auto r = Oscm({"assess", root, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"contributors_active\": "), std::string::npos);
  EXPECT_EQ(r.out.find("\"commits\": null"), std::string::npos) << "the project's history has commits";
}

class CliErrorTest : public CliTest {};

TEST_F(CliErrorTest, UnknownCommunity) {
  auto r = Oscm({"assess", "nope"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("unknown community 'nope'"), std::string::npos) << r.err;
}

TEST_F(CliErrorTest, NotARepository) {
  auto r = Oscm({"ingest", "git", tmp_.path()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("not a git repository"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(tmp_.path()), std::string::npos) << r.err;
}

TEST_F(CliErrorTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Oscm({"assess", "tiny", "--format", "xml"}).exit_code, 2);
  EXPECT_EQ(Oscm({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(Oscm({}).exit_code, 2);
  auto bad_date = Oscm({"assess", "tiny", "--as-of", "2025-02-30"});
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_NE(bad_date.err.find("2025-02-30"), std::string::npos) << bad_date.err;
}

// An empty --db would have SQLite ingest into a temporary database that vanishes on exit.
TEST_F(CliErrorTest, EmptyStorePathIsAUsageError) {
  auto r = oscm::testing::RunCommand({oscm::testing::OscmBinary(), "--db", "", "ingest", "git", repo_->path()},
                                     {"HOME=" + tmp_.path()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--db: the store path is empty"), std::string::npos) << r.err;
}

// libgit2 1.5.1 spins forever on a loose object cut short; oscm finds it first and says which.
TEST_F(CliErrorTest, TruncatedLooseObjectIsAnErrorNotAHang) {
  const std::string oid = repo_->Oid(4);
  const std::string object = repo_->path() + "/.git/objects/" + oid.substr(0, 2) + "/" + oid.substr(2);
  std::filesystem::permissions(object, std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
  std::filesystem::resize_file(object, 20);
  oscm::testing::ChildProcess oscm({oscm::testing::OscmBinary(), "--db", tmp_.Sub("oscm.db"), "ingest", "git",
                                    repo_->path()}, {"HOME=" + tmp_.path()});
  auto r = oscm.WaitFor(std::chrono::seconds(60));
  ASSERT_TRUE(r.has_value()) << "oscm hangs on a truncated loose object";
  EXPECT_EQ(r->exit_code, 1);
  EXPECT_EQ(Lines(r->err), 1) << r->err;
  EXPECT_NE(r->err.find("loose object " + oid), std::string::npos) << r->err;
  EXPECT_NE(r->err.find("cut short"), std::string::npos) << r->err;
  EXPECT_EQ(Oscm({"communities"}).out, "");
}

// A directory without GH Archive files is a mistake, not "0 files"; a file of random bytes is
// rejected; an empty file is taken, and said to be empty.
TEST_F(CliErrorTest, GhArchiveInputsWithoutEvents) {
  std::filesystem::create_directories(tmp_.Sub("nothing/here"));
  auto empty_dir = Oscm({"ingest", "gharchive", tmp_.Sub("nothing"), "--all-repos"});
  EXPECT_EQ(empty_dir.exit_code, 1);
  EXPECT_EQ(empty_dir.err, "error: ingest: " + tmp_.Sub("nothing") + ": no GH Archive files (*.json.gz, *.json) in it\n");
  std::string noise;
  for (int i = 0; i < 4000; ++i) noise += static_cast<char>((i * 7919 + 13) % 251);
  oscm::testing::WriteFile(tmp_.Sub("hours/random.json.gz"), noise);
  oscm::testing::WriteFile(tmp_.Sub("hours/empty.json"), "");
  auto r = Oscm({"ingest", "gharchive", tmp_.Sub("hours"), "--all-repos"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("error: " + tmp_.Sub("hours/random.json.gz") + ": not GH Archive data"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(tmp_.Sub("hours/empty.json") + ": empty: no events\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 files (0 already ingested, 1 rejected)"), std::string::npos) << r.err;
}

TEST_F(CliErrorTest, InvalidAffiliationFileNamesFileAndLine) {
  oscm::testing::WriteFile(tmp_.Sub("aff.txt"), "Jane: jane!acme.com\n\tAcme until 2019-13-01\n");
  auto r = Oscm({"ingest", "git", repo_->path(), "--affiliations", tmp_.Sub("aff.txt")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(tmp_.Sub("aff.txt") + ":2:"), std::string::npos) << r.err;
  EXPECT_EQ(Oscm({"communities"}).out, "");
}

TEST_F(CliErrorTest, CorruptStore) {
  oscm::testing::WriteFile(tmp_.Sub("oscm.db"), std::string(8192, 'z'));
  auto r = Oscm({"assess", "tiny"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("oscm.db"), std::string::npos) << r.err;
}

}  // namespace
// Completion comes from the command definitions: bash completes commands, options, the values of
// --format, --lang and chart kinds, and the zsh script is the same through bashcompinit.
TEST_F(CliTest, ShellCompletionFromTheCommandDefinitions) {
  auto bash = Oscm({"completion", "bash"});
  ASSERT_EQ(bash.exit_code, 0) << bash.err;
  EXPECT_NE(bash.out.find("complete -o filenames -F _oscm oscm"), std::string::npos);
  oscm::testing::WriteFile(tmp_.Sub("oscm.bash"), bash.out);
  auto complete = [&](const std::string& words) {
    const std::string script = "source " + tmp_.Sub("oscm.bash") + "; COMP_WORDS=(" + words +
                               "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _oscm; echo \"${COMPREPLY[*]}\"";
    auto r = oscm::testing::RunCommand({"/bin/bash", "-c", script}, {});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  };
  EXPECT_EQ(complete("oscm ''"), "ingest assess landscape report chart model metrics communities completion orgs history\n");
  EXPECT_EQ(complete("oscm history x --format c"), "csv\n");
  EXPECT_EQ(complete("oscm ingest g"), "git gharchive github gitee\n");
  EXPECT_EQ(complete("oscm chart ''"), "quadrant timeline series flywheel rings funnel radar scores\n");
  EXPECT_EQ(complete("oscm chart --lang zh r"), "rings radar\n") << "an option's value is not the kind";
  EXPECT_EQ(complete("oscm chart quadrant --si"), "--size\n");
  EXPECT_EQ(complete("oscm --db x.db landscape --format ''"), "table json csv csv-months\n");
  EXPECT_EQ(complete("oscm model s"), "show\n");
  EXPECT_EQ(complete("oscm assess x --d"), "--domain-orgs --db\n") << "global options follow any command";
  auto zsh = Oscm({"completion", "zsh"});
  ASSERT_EQ(zsh.exit_code, 0);
  EXPECT_EQ(zsh.out.rfind("#compdef oscm\n", 0), 0u);
  EXPECT_NE(zsh.out.find("bashcompinit"), std::string::npos);
  EXPECT_NE(zsh.out.find(bash.out.substr(bash.out.find("_oscm_spec() {"))), std::string::npos);
  EXPECT_EQ(Oscm({"completion", "fish"}).exit_code, 2);
}

}  // namespace oscm
