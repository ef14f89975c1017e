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
  const std::string from = "\"releases >= 6\",";
  text.replace(text.find(from), from.size(), "\"releasez >= 6\",");
  WriteFile(tmp_.Sub("bad.toml"), text);
  auto bad = Oscm({"model", "check", tmp_.Sub("bad.toml")});
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_NE(bad.err.find(tmp_.Sub("bad.toml") + ":"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("unknown metric 'releasez'"), std::string::npos) << bad.err;
  EXPECT_EQ(std::count(bad.err.begin(), bad.err.end(), '\n'), 1) << "one line: " << bad.err;
  // The same model given to assess: exit 3 before anything is read or written.
  auto assess = Oscm({"assess", repo_->path(), "--model", tmp_.Sub("bad.toml")});
  EXPECT_EQ(assess.exit_code, 3);
  EXPECT_FALSE(std::filesystem::exists(tmp_.Sub("oscm.db")));
  auto missing = Oscm({"model", "check", tmp_.Sub("none.toml")});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("cannot read"), std::string::npos) << missing.err;
}

// The built-in model out, to edit: the same text as models/default.toml, accepted by model check,
// and used through --model it gives the same evaluation as no --model at all.
TEST_F(ModelCliTest, ModelShowPrintsTheBuiltInModel) {
  auto shown = Oscm({"model", "show"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(shown.out, std::string(BuiltinDefaultModel()));
  EXPECT_NE(shown.out.find("[[dimension]]"), std::string::npos);
  WriteFile(tmp_.Sub("mine.toml"), shown.out);
  auto check = Oscm({"model", "check", tmp_.Sub("mine.toml")});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE(check.out.find(": ok: "), std::string::npos);
  auto builtin = Oscm({"assess", repo_->path(), "--as-of", "2025-06-30", "--format", "csv"});
  ASSERT_EQ(builtin.exit_code, 0) << builtin.err;
  auto edited = Oscm({"assess", "tiny", "--as-of", "2025-06-30", "--format", "csv", "--model", tmp_.Sub("mine.toml")});
  ASSERT_EQ(edited.exit_code, 0) << edited.err;
  EXPECT_EQ(edited.out, builtin.out);
}

// CSV out: a header and a row per community (assess, landscape) or per community and month, with
// empty cells for no data.
TEST_F(ModelCliTest, CsvForAssessLandscapeAndMetrics) {
  WriteFile(tmp_.Sub("tiny.toml"), oscm::testing::kTinyProfile);
  WriteFile(tmp_.Sub("land.toml"), "name = \"Tiny, things\"\n[[community]]\nid = \"tiny\"\nrepositories = [\"tiny\"]\n"
                                   "profile = \"tiny.toml\"\n");
  auto land = Oscm({"landscape", tmp_.Sub("land.toml"), "--as-of", "2025-06-30", "--format", "csv"});
  ASSERT_EQ(land.exit_code, 0) << land.err;
  const std::vector<std::string_view> rows = SplitLines(land.out);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].rfind("community,repositories,as_of,model,stage,vitality,popularity,popularity_low,", 0), 0u);
  EXPECT_NE(rows[0].find(",quadrant,quadrant_certain,"), std::string::npos);
  EXPECT_EQ(rows[1].rfind("tiny,", 0), 0u);
  EXPECT_NE(rows[1].find(",2025-06-30,oscm default "), std::string::npos);
  EXPECT_EQ(std::count(rows[0].begin(), rows[0].end(), ','), std::count(rows[1].begin(), rows[1].end(), ','));
  auto months = Oscm({"landscape", tmp_.Sub("land.toml"), "--as-of", "2025-06-30", "--format", "csv-months"});
  ASSERT_EQ(months.exit_code, 0) << months.err;
  const std::vector<std::string_view> month_rows = SplitLines(months.out);
  EXPECT_EQ(month_rows[0].rfind("community,month,partial,stage,popularity,commercial,", 0), 0u);
  EXPECT_GT(month_rows.size(), 12u);
  EXPECT_EQ(month_rows.back().rfind("tiny,2025-06,false,", 0), 0u) << "June 30 ends June";
  auto assess = Oscm({"assess", "tiny", "--as-of", "2025-06-15", "--format", "csv-months"});
  ASSERT_EQ(assess.exit_code, 0) << assess.err;
  EXPECT_EQ(SplitLines(assess.out).back().rfind("tiny,2025-06,true,", 0), 0u) << "June is not over on the 15th";
  auto registry = Oscm({"metrics", "--format", "csv"});
  ASSERT_EQ(registry.exit_code, 0);
  EXPECT_EQ(registry.out.rfind("id,unit,source,description\n", 0), 0u);
  EXPECT_EQ(Oscm({"assess", "tiny", "--format", "xls"}).exit_code, 2);
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
  EXPECT_NE(land.out.find("\"id\": \"trigger\""), std::string::npos) << "five contributors: tiny is still in trigger at 2025-06-30";
  EXPECT_NE(land.out.find("\"vendor_share\": 0.3333"), std::string::npos) << "the profile was ingested";
  // Again: nothing to ingest, the same output.
  auto again = Oscm({"landscape", tmp_.Sub("land.toml"), "--as-of", "2025-06-30", "--format", "json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, land.out);
  EXPECT_EQ(again.err.find("new commits"), std::string::npos) << "a stored repository is not walked again: " << again.err;

  auto zh = Oscm({"assess", "tiny", "--as-of", "2025-06-30", "--lang", "zh"});
  ASSERT_EQ(zh.exit_code, 0) << zh.err;
  EXPECT_NE(zh.out.find("触发期 (trigger)"), std::string::npos) << zh.out;
  EXPECT_NE(zh.out.find("进入下一阶段 发展期"), std::string::npos) << zh.out;
  auto en = Oscm({"assess", "tiny", "--as-of", "2025-06-30"});
  ASSERT_EQ(en.exit_code, 0) << en.err;
  EXPECT_NE(en.out.find("to reach development"), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("contributors_active >= 8, now 5"), std::string::npos) << en.out;

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

// Charts for slides: --size sets the file's size (PNG pixels, PDF points, SVG width and height),
// --title the title, --lang every word; radar and scores over time from the same evaluation.
TEST_F(ModelCliTest, ChartsForSlides) {
  WriteFile(tmp_.Sub("tiny.toml"), oscm::testing::kTinyProfile);
  WriteFile(tmp_.Sub("land.toml"), "name = \"Tiny things\"\n[[community]]\nid = \"tiny\"\nrepositories = [\"tiny\"]\n"
                                   "profile = \"tiny.toml\"\n");
  auto png_size = [&](const std::string& path) {
    const std::string png = oscm::testing::ReadFile(path);
    auto be32 = [&](size_t at) {
      return (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
             (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
    };
    return png.size() > 24 ? std::pair{be32(16), be32(20)} : std::pair{0, 0};
  };
  const std::vector<std::string> land = {"--landscape", tmp_.Sub("land.toml"), "--as-of", "2025-06-30"};
  auto chart = [&](std::vector<std::string> args) {
    args.insert(args.begin(), "chart");
    args.insert(args.end(), land.begin(), land.end());
    return Oscm(args);
  };
  auto r = chart({"quadrant", "--size", "16:9", "--title", "Slide 3: where we stand", "--out", tmp_.Sub("q.png")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(png_size(tmp_.Sub("q.png")), (std::pair{1920, 1080}));
  r = chart({"quadrant", "--size", "1600x1200", "--out", tmp_.Sub("q43.png")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(png_size(tmp_.Sub("q43.png")), (std::pair{1600, 1200}));
  r = chart({"quadrant", "--size", "4:3", "--out", tmp_.Sub("q.pdf")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(oscm::testing::ReadFile(tmp_.Sub("q.pdf")).find("/MediaBox [ 0 0 720 540 ]"), std::string::npos);
  r = chart({"quadrant", "--size", "1:1", "--title", "Slide 3: <where> we stand", "--lang", "zh", "--out", tmp_.Sub("q.svg")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string svg = oscm::testing::ReadFile(tmp_.Sub("q.svg"));
  EXPECT_NE(svg.find("width=\"720\" height=\"720\" viewBox=\"0 0 720 720\""), std::string::npos) << svg.substr(0, 300);
  EXPECT_NE(svg.find(">Slide 3: &lt;where&gt; we stand</text>"), std::string::npos);
  // Every word in Chinese: axes, quadrant names, legend (the community's name is data).
  EXPECT_NE(svg.find(">商业成熟度</text>"), std::string::npos);
  for (const char* english : {"Commercial", "Popularity", "popularity", "Model:", "as of", "Leaders", "Strategists", "community"}) {
    EXPECT_EQ(svg.find(english), std::string::npos) << english;
  }

  for (const char* kind : {"radar", "scores"}) {
    for (const char* lang : {"en", "zh"}) {
      const std::string out = tmp_.Sub(std::string(kind) + "_" + lang + ".svg");
      r = chart({kind, "--lang", lang, "--size", "16:9", "--out", out});
      ASSERT_EQ(r.exit_code, 0) << kind << " " << lang << ": " << r.err;
      svg = oscm::testing::ReadFile(out);
      EXPECT_NE(svg.find(">tiny"), std::string::npos) << kind;
      if (std::string(lang) == "zh") {
        EXPECT_NE(svg.find("项目流行性"), std::string::npos) << kind;
        for (const char* english : {"Project popularity", "Commercial", "Model:", "as of", "no data"}) {
          EXPECT_EQ(svg.find(english), std::string::npos) << kind << ": " << english;
        }
      } else {
        EXPECT_NE(svg.find("Project popularity"), std::string::npos) << kind;
      }
    }
  }
  // Communities named on the command line work as well as a landscape.
  r = Oscm({"chart", "radar", "tiny", "--as-of", "2025-06-30", "--out", tmp_.Sub("radar.png")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // A series chart names the metric in the chart's language, not by its id.
  r = Oscm({"chart", "series", "tiny", "--as-of", "2025-06-30", "--lang", "zh", "--out", tmp_.Sub("series.svg")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  svg = oscm::testing::ReadFile(tmp_.Sub("series.svg"));
  EXPECT_NE(svg.find(">每月活跃贡献者"), std::string::npos);
  EXPECT_NE(svg.find(">人</text>"), std::string::npos) << "the unit";
  EXPECT_EQ(svg.find("contributors_active"), std::string::npos) << "no metric id on a Chinese chart";

  // Flywheel, rings and funnel of several communities: small multiples, one panel each.
  oscm::testing::GitFixture twin(tmp_.Sub("twin"));
  oscm::testing::BuildTinyCommunity(twin);
  ASSERT_EQ(Oscm({"ingest", "git", twin.path(), "--community", "twin"}).exit_code, 0);
  for (const char* kind : {"rings", "flywheel"}) {
    r = Oscm({"chart", kind, "tiny", "twin", "--as-of", "2025-06-30", "--size", "16:9", "--out", tmp_.Sub("many.svg")});
    ASSERT_EQ(r.exit_code, 0) << kind << ": " << r.err;
    svg = oscm::testing::ReadFile(tmp_.Sub("many.svg"));
    size_t panels = 0;
    for (size_t at = svg.find("<g class=\"panel\">"); at != std::string::npos; at = svg.find("<g class=\"panel\">", at + 1)) ++panels;
    EXPECT_EQ(panels, 2u) << kind;
    EXPECT_NE(svg.find(">twin</text>"), std::string::npos) << kind;
  }

  // A bad size is a usage error in one line, and nothing is written.
  r = chart({"quadrant", "--size", "16:10", "--out", tmp_.Sub("bad.png")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "error: --size '16:10': expected 16:9, 4:3, 1:1 or WIDTHxHEIGHT (e.g. 1600x900)\n");
  EXPECT_FALSE(std::filesystem::exists(tmp_.Sub("bad.png")));
}

// oscm model calibrate end to end: clones found under --clone-root are ingested, every row is
// evaluated at its date, and --fit writes a model oscm accepts, leaving the one in use alone.
TEST_F(ModelCliTest, CalibrateAgainstVerdicts) {
  // Three busy projects (many people, monthly commits and releases) and three that stopped.
  for (int p = 0; p < 6; ++p) {
    const bool busy = p < 3;
    oscm::testing::GitFixture repo(tmp_.Sub(fmt::format("clones/org{}+proj/repo", p)));
    for (int m = 0; m < (busy ? 24 : 2); ++m) {
      for (int k = 0; k < (busy ? 4 : 1); ++k) {
        oscm::testing::FixtureCommit c;
        c.author_name = fmt::format("Dev {}", busy ? (m * 4 + k) % (10 + p) : 0);
        c.author_email = fmt::format("dev{}@gmail.com", busy ? (m * 4 + k) % (10 + p) : 0);
        c.date = fmt::format("{}-{:02}-{:02}T10:00:00", 2020 + m / 12, m % 12 + 1, 3 + 5 * k);
        c.files = {{"f.txt", std::to_string(m * 4 + k)}};
        const int i = repo.Commit(c);
        if (busy && k == 0 && m % 2 == 0) repo.Tag(fmt::format("v1.{}.0", m), i);
      }
    }
  }
  std::string csv = "repository,foundation,date,verdict,rank,meaning\n";
  for (int p = 0; p < 6; ++p) {
    csv += fmt::format("org{}/proj,cncf,2021-12-20,{},{},\"row, {}\"\n", p, p < 3 ? "sandbox" : "archived", p < 3 ? 1 : 0, p);
  }
  WriteFile(tmp_.Sub("verdicts.csv"), csv);

  // Not in the store and no clone named: one line listing them, exit 1.
  auto missing = Oscm({"model", "calibrate", tmp_.Sub("verdicts.csv")});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(Lines(missing.err), 1) << missing.err;
  EXPECT_NE(missing.err.find("6 repositories of " + tmp_.Sub("verdicts.csv") + " are not in the store"), std::string::npos) << missing.err;

  auto r = Oscm({"-q", "model", "calibrate", tmp_.Sub("verdicts.csv"), "--clone-root", tmp_.Sub("clones"), "--format", "json",
                 "--resamples", "200", "--fit", tmp_.Sub("fitted.toml"), "--folds", "3", "--samples", tmp_.Sub("samples.csv")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"foundation\": \"cncf\""), std::string::npos);
  EXPECT_NE(r.out.find("\"rows\": 6,"), std::string::npos) << r.out.substr(0, 3000);
  // The busy projects are in development, the stopped ones in trigger: a perfect stage AUC.
  // Any threshold from 1 to 10 people separates them: the model's own 8 is kept.
  EXPECT_NE(r.out.find("\"after\": \"contributors_active >= 8\""), std::string::npos) << r.out.substr(0, 600);
  const std::string reports = r.out.substr(r.out.find("\"reports\""));
  // The stage predictor's AUC: its entry in the report's predictors, as JSON formats it.
  const size_t stage_at = reports.find("\"id\": \"stage\"");
  ASSERT_NE(stage_at, std::string::npos);
  const std::string stage_auc = reports.substr(reports.rfind("\"archived<sandbox\"", stage_at), 200);
  EXPECT_NE(stage_auc.find("\"low\": 1.0000"), std::string::npos) << stage_auc;
  EXPECT_NE(stage_auc.find("\"value\": 1.0000"), std::string::npos) << stage_auc;
  const std::string samples = oscm::testing::ReadFile(tmp_.Sub("samples.csv"));
  EXPECT_NE(samples.find("org0/proj,cncf,sandbox,1,2021-12-20,0,1,development,"), std::string::npos) << samples;
  EXPECT_NE(samples.find("org5/proj,cncf,archived,0,2021-12-20,0,1,trigger,"), std::string::npos) << samples;
  // The proposal is a valid model; the built-in one is untouched.
  EXPECT_EQ(Oscm({"model", "check", tmp_.Sub("fitted.toml")}).exit_code, 0);
  const std::string fitted = oscm::testing::ReadFile(tmp_.Sub("fitted.toml"));
  EXPECT_NE(fitted.find("# fitted: "), std::string::npos);
  // A second run finds the repositories in the store and gives the same report.
  auto again = Oscm({"-q", "model", "calibrate", tmp_.Sub("verdicts.csv"), "--format", "json", "--resamples", "200"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out.substr(again.out.find("\"reports\"")), r.out.substr(r.out.find("\"reports\"")));
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
