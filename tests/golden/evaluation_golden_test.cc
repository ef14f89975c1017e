// Byte-exact model output for a small synthetic landscape at 2025-06-30: "tiny" (the tiny
// community with its profile) and "solo" (one person, a few commits, an ADOPTERS file).
// Regenerate after an intended change: OSCM_UPDATE_GOLDEN=1 build/tests/report_test
#include <gtest/gtest.h>

#include "ingest/git/git_ingest.h"
#include "ingest/profile/profile.h"
#include "ingest/profile/profile_ingest.h"
#include "metrics/activity.h"
#include "model/evaluation.h"
#include "model/model_loader.h"
#include "report/csv_report.h"
#include "report/evaluation_charts.h"
#include "report/evaluation_report.h"
#include "support/community_fixture.h"
#include "support/profile_fixture.h"
#include "support/test_util.h"

namespace oscm::report {
namespace {

using oscm::testing::TempDir;

using oscm::testing::CompareGolden;
using oscm::testing::ReplaceAll;

void BuildSolo(oscm::testing::GitFixture& repo) {
  oscm::testing::FixtureCommit c;
  c.author_name = "Sol";
  c.author_email = "sol@solo.dev";
  c.offset_minutes = -420;
  const char* kDates[] = {"2024-02-01T10:00:00", "2024-06-03T11:00:00", "2024-11-05T12:00:00", "2025-04-07T13:00:00"};
  int last = 0;
  for (int i = 0; i < 4; ++i) {
    c.date = kDates[i];
    c.message = "work " + std::to_string(i);
    c.files = {{"src.txt", std::string(static_cast<size_t>(i + 1), 'x')}};
    if (i == 1) c.files["ADOPTERS.md"] = "# Adopters\n\n- [Initech](https://initech.example) - reports\n- Hooli\n";
    last = repo.Commit(c);
  }
  repo.Tag("v0.1.0", last);
}

TEST(EvaluationGoldenTest, SyntheticLandscape) {
  TempDir tmp;
  oscm::testing::GitFixture tiny(tmp.Sub("tiny"));
  oscm::testing::BuildTinyCommunity(tiny);
  oscm::testing::GitFixture solo(tmp.Sub("solo"));
  BuildSolo(solo);
  auto s = store::Store::Open(tmp.Sub("oscm.db"));
  ASSERT_OK(s);
  NullProgress progress;
  for (const auto& [path, name] : {std::pair{tiny.path(), "tiny"}, std::pair{solo.path(), "solo"}}) {
    ingest::GitIngestOptions o;
    o.location = path;
    o.community = name;
    ASSERT_OK(ingest::IngestGit(*s, o, ingest::BotList::Builtin(), ingest::AffiliationResolver::Builtin(), progress));
  }
  auto profile = ingest::ParseProfile(oscm::testing::kTinyProfile, "tiny.toml");
  ASSERT_OK(profile);
  ASSERT_OK(ingest::IngestProfile(*s, *profile));
  auto model = model::DefaultModel();
  ASSERT_OK(model);
  std::vector<metrics::CommunityActivity> acts;
  for (const char* name : {"tiny", "solo"}) {
    auto a = metrics::LoadCommunityActivity(s->db(), name);
    ASSERT_OK(a);
    acts.push_back(std::move(a).value());
  }
  const auto l = model::EvaluateLandscape(*model, "Synthetic", {&acts[0], &acts[1]}, *ParseDate("2025-06-30"));
  auto all_of = [](const model::LandscapeEvaluation& le) {
    std::vector<const model::CommunityEvaluation*> out;
    for (const auto& c : le.communities) out.push_back(&c);
    return out;
  };
  auto anonymise = [&](std::string text) {
    return ReplaceAll(ReplaceAll(text, tiny.path(), "<tiny>"), solo.path(), "<solo>");
  };
  CompareGolden(anonymise(RenderLandscapeJson(l, *model)), "landscape.json");
  CompareGolden(anonymise(RenderLandscapeTable(l, *model, Lang::kZh, /*color=*/false)), "landscape_zh.txt");
  CompareGolden(anonymise(RenderEvaluationTable(l.communities[0], *model, Lang::kEn, /*color=*/false)), "tiny_evaluation.txt");
  // CSV of the same evaluation: a row per community, and per community and month.
  CompareGolden(anonymise(RenderEvaluationsCsv(all_of(l), *model, true)), "landscape.csv");
  CompareGolden(anonymise(RenderMonthlyCsv(all_of(l), *model)), "landscape_months.csv");
  // Charts of the same evaluation (report/charts draws them; these pin the wiring).
  std::vector<const model::CommunityEvaluation*> all = {&l.communities[0], &l.communities[1]};
  auto style = [](Lang lang, std::string subject = "") {
    ChartStyle cs;
    cs.lang = lang;
    cs.subject = std::move(subject);
    return cs;
  };
  CompareGolden(anonymise(QuadrantSvg(l, *model, style(Lang::kEn))), "charts/landscape_quadrant.svg");
  CompareGolden(anonymise(StageTimelineSvg(all, style(Lang::kZh, "Synthetic"))), "charts/landscape_timeline_zh.svg");
  CompareGolden(anonymise(FlywheelSvg(l.communities[0], style(Lang::kEn))), "charts/tiny_flywheel.svg");
  CompareGolden(anonymise(RadarSvg(all, *model, style(Lang::kEn, "Synthetic"))), "charts/landscape_radar.svg");
  CompareGolden(anonymise(ScoresSvg(all, *model, style(Lang::kZh, "Synthetic"))), "charts/landscape_scores_zh.svg");
  // Split where the landscape split (here as if at medians of 30 and 80), not at the model's 50.
  model::LandscapeEvaluation medians = l;
  medians.split_x = 30;
  medians.split_y = 80;
  EXPECT_NE(ScoresSvg(all, *model, style(Lang::kEn), &medians), ScoresSvg(all, *model, style(Lang::kEn)));
  EXPECT_EQ(ScoresSvg(all, *model, style(Lang::kEn), &l), ScoresSvg(all, *model, style(Lang::kEn))) << "l was split at 50";
  // The hostile adopter name is data: JSON escapes what it must and keeps it as text.
  EXPECT_EQ(RenderLandscapeJson(l, *model).find("<script>alert"), std::string::npos) << "it is known only from 2026";
}

}  // namespace
}  // namespace oscm::report
