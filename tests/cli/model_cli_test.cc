// End-to-end: the model commands of the real binary (model check, ingest profile, assess with the
// model, landscape) on the tiny community.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "base/builtin_data.h"
#include "base/strings.h"
#include "cli/cli_fixture.h"
#include "store/store.h"
#include "support/community_fixture.h"
#include "support/profile_fixture.h"
#include "support/test_util.h"

namespace oscm {
namespace {

using oscm::testing::WriteFile;

using ModelCliTest = CliFixture;

TEST_F(ModelCliTest, ModelCheckAcceptsTheShippedModelAndRejectsABrokenOneWithExit3) {
  auto ok = Oscm({"model", "check", oscm::testing::SourcePath("models/default.toml")});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("ok: oscm default"), std::string::npos) << ok.out;
  std::string text(BuiltinDefaultModel());
  const std::string from = "\"orgs_active >= 10\",";
  text.replace(text.find(from), from.size(), "\"orgs_activ >= 10\",");
  WriteFile(tmp_.Sub("bad.toml"), text);
  auto bad = Oscm({"model", "check", tmp_.Sub("bad.toml")});
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_NE(bad.err.find(tmp_.Sub("bad.toml") + ":"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("unknown metric 'orgs_activ'"), std::string::npos) << bad.err;
  EXPECT_EQ(std::count(bad.err.begin(), bad.err.end(), '\n'), 1) << "one line: " << bad.err;
  // The same model given to assess: exit 3 before anything is read or written.
  auto assess = Oscm({"assess", repo_->path(), "--model", tmp_.Sub("bad.toml")});
  EXPECT_EQ(assess.exit_code, 3);
  EXPECT_FALSE(std::filesystem::exists(tmp_.Sub("oscm.db")));
  auto missing = Oscm({"model", "check", tmp_.Sub("none.toml")});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("cannot read"), std::string::npos) << missing.err;
}

TEST_F(ModelCliTest, ProfileLandscapeAndAssessInBothLanguages) {
  WriteFile(tmp_.Sub("tiny.toml"), oscm::testing::kTinyProfile);
  // A profile for a community that is not in the store yet: a clear error, nothing stored.
  auto early = Oscm({"ingest", "profile", tmp_.Sub("tiny.toml")});
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_NE(early.err.find("unknown community 'tiny'"), std::string::npos) << early.err;

  WriteFile(tmp_.Sub("land.toml"), "name = \"Tiny things\"\n\n[[community]]\nid = \"tiny\"\nrepositories = [\"tiny\"]\n"
                                   "profile = \"tiny.toml\"\n");
  auto land = Oscm({"landscape", tmp_.Sub("land.toml"), "--as-of", "2025-06-30", "--format", "json"});
  ASSERT_EQ(land.exit_code, 0) << land.err;
  EXPECT_NE(land.out.find("\"landscape\": \"Tiny things\""), std::string::npos);
  EXPECT_NE(land.out.find("\"quadrant\": {"), std::string::npos);
  EXPECT_NE(land.out.find("\"id\": \"development\""), std::string::npos) << "tiny is in development at 2025-06-30";
  EXPECT_NE(land.out.find("\"vendor_share\": 0.3333"), std::string::npos) << "the profile was ingested";
  // Again: nothing to ingest, the same output.
  auto again = Oscm({"landscape", tmp_.Sub("land.toml"), "--as-of", "2025-06-30", "--format", "json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, land.out);
  EXPECT_EQ(again.err.find("new commits"), std::string::npos) << "a stored repository is not walked again: " << again.err;

  auto zh = Oscm({"assess", "tiny", "--as-of", "2025-06-30", "--lang", "zh"});
  ASSERT_EQ(zh.exit_code, 0) << zh.err;
  EXPECT_NE(zh.out.find("发展期 (development)"), std::string::npos) << zh.out;
  EXPECT_NE(zh.out.find("进入下一阶段 结晶期"), std::string::npos) << zh.out;
  auto en = Oscm({"assess", "tiny", "--as-of", "2025-06-30"});
  ASSERT_EQ(en.exit_code, 0) << en.err;
  EXPECT_NE(en.out.find("to reach crystallization"), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("adopters >= 3, now 2"), std::string::npos) << en.out;

  // A broken profile names its file and line, and leaves the stored one alone.
  WriteFile(tmp_.Sub("broken.toml"), "community = \"tiny\"\n[[adopter]]\nname = \"X\"\n");
  auto broken = Oscm({"ingest", "profile", tmp_.Sub("broken.toml")});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.err.find(tmp_.Sub("broken.toml") + ":2:1: missing 'source'"), std::string::npos) << broken.err;
  EXPECT_EQ(Oscm({"landscape", tmp_.Sub("land.toml"), "--as-of", "2025-06-30", "--format", "json"}).out, land.out);
}

TEST_F(ModelCliTest, LandscapeReadsTheGhArchiveFilesItNames) {
  const std::string hours = oscm::testing::SharedDataPath("gharchive-sample/pinot-2021-07-21-few-hours.json");
  // Independently of oscm: the stars of bytedance/flutter_ume in those hours.
  int64_t stars = 0;
  const std::string text = oscm::testing::ReadFile(hours);
  for (std::string_view line : SplitLines(text)) {
    stars += line.find("\"type\":\"WatchEvent\"") != std::string_view::npos &&
             line.find("\"name\":\"bytedance/flutter_ume\"") != std::string_view::npos;
  }
  ASSERT_GT(stars, 0);
  WriteFile(tmp_.Sub("land.toml"), "name = \"x\"\ngharchive = [\"" + hours + "\"]\n[[community]]\nid = \"tiny\"\n"
                                   "repositories = [\"tiny\"]\ngithub = [\"bytedance/flutter_ume\"]\n");
  auto r = Oscm({"landscape", tmp_.Sub("land.toml"), "--as-of", "2025-06-30", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The events are stored, but an extract that is not an hour of the archive covers no time: no
  // star count is known (the landscape says so rather than counting a sample).
  {
    auto store = store::Store::Open(tmp_.Sub("oscm.db"));
    ASSERT_OK(store);
    EXPECT_EQ(oscm::testing::QueryInt(store->db(), "SELECT COUNT(*) FROM gh_events WHERE type = 'WatchEvent'"), stars);
  }
  EXPECT_NE(r.out.find("\"stars_total\": null,"), std::string::npos);
  EXPECT_NE(r.out.find("\"hours_read\": 0,"), std::string::npos);
  EXPECT_NE(r.err.find("GH Archive: 1 files"), std::string::npos) << r.err;
  auto again = Oscm({"landscape", tmp_.Sub("land.toml"), "--as-of", "2025-06-30", "--format", "json"});
  EXPECT_NE(again.err.find("0 new events"), std::string::npos) << again.err;
  EXPECT_EQ(again.out, r.out);
}

TEST_F(ModelCliTest, ChartsInEveryFormat) {
  WriteFile(tmp_.Sub("tiny.toml"), oscm::testing::kTinyProfile);
  WriteFile(tmp_.Sub("land.toml"), "name = \"Tiny things\"\n[[community]]\nid = \"tiny\"\nrepositories = [\"tiny\"]\n"
                                   "profile = \"tiny.toml\"\n");
  auto quadrant = Oscm({"chart", "quadrant", "--landscape", tmp_.Sub("land.toml"), "--as-of", "2025-06-30", "--out", tmp_.Sub("q.svg")});
  ASSERT_EQ(quadrant.exit_code, 0) << quadrant.err;
  const std::string svg = oscm::testing::ReadFile(tmp_.Sub("q.svg"));
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find(">tiny<"), std::string::npos) << "the community is labelled";
  EXPECT_NE(svg.find("Strategists"), std::string::npos);
  for (const char* kind : {"timeline", "series", "flywheel", "rings"}) {
    auto r = Oscm({"chart", kind, "tiny", "--as-of", "2025-06-30", "--lang", "zh", "--out", tmp_.Sub(std::string(kind) + ".png")});
    ASSERT_EQ(r.exit_code, 0) << kind << ": " << r.err;
    EXPECT_EQ(oscm::testing::ReadFile(tmp_.Sub(std::string(kind) + ".png")).substr(1, 3), "PNG") << kind;
  }
  // Nobody was first seen in the funnel's cohort year (2023-07 .. 2024-06) and no GitHub events
  // were read: nothing to draw is an error in one line, and no file.
  auto funnel = Oscm({"chart", "funnel", "tiny", "--as-of", "2025-06-30", "--out", tmp_.Sub("funnel.svg")});
  EXPECT_EQ(funnel.exit_code, 1);
  EXPECT_EQ(funnel.err, "error: chart funnel: nothing to draw: nobody first seen in the funnel's cohort year "
                        "(oscm ingest git, oscm ingest gharchive)\n");
  EXPECT_FALSE(std::filesystem::exists(tmp_.Sub("funnel.svg")));
  auto stars = Oscm({"chart", "series", "tiny", "--metric", "stars", "--as-of", "2025-06-30", "--out", tmp_.Sub("stars.svg")});
  EXPECT_EQ(stars.exit_code, 1);
  EXPECT_NE(stars.err.find("no month has a value of stars; it needs GH Archive hours"), std::string::npos) << stars.err;
  auto pdf = Oscm({"chart", "rings", "tiny", "--as-of", "2025-06-30", "--out", tmp_.Sub("rings.pdf")});
  ASSERT_EQ(pdf.exit_code, 0) << pdf.err;
  EXPECT_EQ(oscm::testing::ReadFile(tmp_.Sub("rings.pdf")).substr(0, 5), "%PDF-");
  // Usage errors: exit 2, one line, nothing written.
  EXPECT_EQ(Oscm({"chart", "quadrant", "tiny", "--out", tmp_.Sub("x.svg")}).exit_code, 2) << "a quadrant needs a landscape";
  EXPECT_EQ(Oscm({"chart", "rings", "tiny", "--out", tmp_.Sub("x.gif")}).exit_code, 2);
  EXPECT_EQ(Oscm({"chart", "series", "tiny", "--metric", "nope", "--out", tmp_.Sub("x.svg")}).exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(tmp_.Sub("x.svg")));
  auto unwritable = Oscm({"chart", "rings", "tiny", "--as-of", "2025-06-30", "--out", tmp_.Sub("no/such/dir/r.png")});
  EXPECT_EQ(unwritable.exit_code, 1);
  EXPECT_NE(unwritable.err.find("no/such/dir/r.png"), std::string::npos) << unwritable.err;
}

TEST_F(ModelCliTest, LandscapeRefusesAProfileOfAnotherCommunity) {
  WriteFile(tmp_.Sub("tiny.toml"), oscm::testing::kTinyProfile);
  WriteFile(tmp_.Sub("land.toml"), "name = \"x\"\n[[community]]\nid = \"small\"\nrepositories = [\"tiny\"]\n"
                                   "profile = \"tiny.toml\"\n");
  auto r = Oscm({"landscape", tmp_.Sub("land.toml")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(tmp_.Sub("tiny.toml") + ": the profile is for 'tiny', but the landscape uses it for 'small'"),
            std::string::npos) << r.err;
  auto store = store::Store::Open(tmp_.Sub("oscm.db"));
  ASSERT_OK(store);
  EXPECT_EQ(oscm::testing::QueryInt(store->db(), "SELECT count(*) FROM profile_facts WHERE origin = 'profile'"), 0)
      << "nothing of the profile is stored";
}

TEST_F(ModelCliTest, LandscapeWithAnUnknownRepositoryFailsCleanly) {
  WriteFile(tmp_.Sub("land.toml"), "name = \"x\"\n[[community]]\nid = \"ghost\"\nrepositories = [\"no-such-dir\"]\n");
  auto r = Oscm({"landscape", tmp_.Sub("land.toml")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("community 'ghost'"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

}  // namespace
}  // namespace oscm
