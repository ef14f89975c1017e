// Byte-exact JSON and table for the tiny community at 2025-06-30.
// Regenerate after an intended change: OSCM_UPDATE_GOLDEN=1 build/tests/report_test
#include <gtest/gtest.h>

#include "ingest/git/git_ingest.h"
#include "metrics/assessment.h"
#include "report/assessment_report.h"
#include "support/community_fixture.h"
#include "support/test_util.h"

namespace oscm::report {
namespace {

using oscm::testing::TempDir;

using oscm::testing::CompareGolden;
using oscm::testing::ReplaceAll;

TEST(AssessmentGoldenTest, TinyCommunity) {
  TempDir tmp;
  oscm::testing::GitFixture repo(tmp.Sub("tiny"));
  oscm::testing::BuildTinyCommunity(repo);
  auto s = store::Store::Open(tmp.Sub("oscm.db"));
  ASSERT_OK(s);
  ingest::GitIngestOptions o;
  o.location = repo.path();
  o.community = "tiny";
  NullProgress progress;
  auto r = ingest::IngestGit(*s, o, ingest::BotList::Builtin(), ingest::AffiliationResolver::Builtin(), progress);
  ASSERT_OK(r);
  auto activity = metrics::LoadCommunityActivity(s->db(), "tiny");
  ASSERT_OK(activity);
  const metrics::Assessment a = metrics::Assess(*activity, *ParseDate("2025-06-30"));
  CompareGolden(ReplaceAll(RenderAssessmentJson(a), r->location, "<repo>"), "tiny_assessment.json");
  CompareGolden(ReplaceAll(RenderAssessmentTable(a, /*color=*/false), r->location, "<repo>"), "tiny_assessment.txt");
}

}  // namespace
}  // namespace oscm::report
