#include "model/model_loader.h"

#include <gtest/gtest.h>

#include <sstream>

#include "base/builtin_data.h"
#include "metrics/registry.h"
#include "support/test_util.h"

namespace oscm::model {
namespace {

TEST(ModelLoaderTest, TheShippedModelLoads) {
  auto m = DefaultModel();
  ASSERT_OK(m);
  ASSERT_EQ(m->stages.size(), 4u);
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(m->stages[i].id, kStageIds[i]);
  EXPECT_EQ(m->stages[0].name_zh, "触发期");
  EXPECT_EQ(m->stages[3].name_zh, "流行期");
  ASSERT_NE(m->FindDimension("popularity"), nullptr);
  ASSERT_NE(m->FindDimension("commercial"), nullptr);
  EXPECT_EQ(m->FindDimension("popularity")->factors.size(), 6u);  // DESIGN.md §4
  EXPECT_EQ(m->FindDimension("commercial")->factors.size(), 4u);
  EXPECT_EQ(m->quadrant.x, "commercial");
  EXPECT_EQ(m->quadrant.y, "popularity");
  EXPECT_EQ(m->quadrant.labels[static_cast<size_t>(QuadrantKind::kNichePlayers)][1], "独特领域者");
  // The commercial dimension uses measured enterprise investment, not only declared facts.
  const auto& invest = m->FindDimension("commercial")->factors[1];
  EXPECT_EQ(invest.id, "enterprise_investment");
  std::vector<std::string> metrics;
  for (const auto& wi : invest.indicators) metrics.push_back(m->FindIndicator(wi.indicator)->metric);
  EXPECT_EQ(metrics, (std::vector<std::string>{"org_commit_share", "orgs_active", "vendor_share", "working_hours_share"}));
}

TEST(ModelLoaderTest, EveryThresholdOfTheShippedModelSaysWhereItComesFrom) {
  std::istringstream in{std::string(BuiltinDefaultModel())};
  std::string line;
  int n = 0;
  int checked = 0;
  while (std::getline(in, line)) {
    ++n;
    const bool value_line = line.rfind("threshold", 0) == 0 || line.rfind("max =", 0) == 0 ||
                            line.rfind("dormant_months", 0) == 0 || line.rfind("declining_ratio", 0) == 0 ||
                            line.rfind("core_share", 0) == 0 || line.rfind("min_months", 0) == 0 ||
                            line.rfind("  \"", 0) == 0;
    if (!value_line) continue;
    ++checked;
    EXPECT_NE(line.find('#'), std::string::npos) << "models/default.toml:" << n << ": no comment on where it comes from: " << line;
  }
  EXPECT_GT(checked, 40);
}

// The default model's text with one replacement; the error must name `line` of the result.
struct Broken {
  const char* name;
  std::string from;
  std::string to;
  std::string message;
};

TEST(ModelLoaderTest, BrokenModelsAreRejectedWithFileAndLine) {
  const std::string base(BuiltinDefaultModel());
  const Broken kCases[] = {
      {"unknown metric", "[[indicator]]\nid = \"stars\"", "[[indicator]]\nid = \"stars\"\nmetric = \"starz\"", "unknown metric 'starz'"},
      {"duplicate id", "[[indicator]]\nid = \"forks\"", "[[indicator]]\nid = \"stars\"", "duplicate indicator id 'stars'"},
      {"zero factor weight", "  id = \"innovation\"\n  name = \"Innovation\"\n  name_zh = \"创新性\"\n  weight = 1",
       "  id = \"innovation\"\n  name = \"Innovation\"\n  name_zh = \"创新性\"\n  weight = 0", "weight must be > 0"},
      {"negative indicator weight", "commits = 1, releases = 1", "commits = -1, releases = 1", "weight of 'commits' must be > 0"},
      {"unknown indicator in a factor", "commits = 1, releases = 1", "commitz = 1, releases = 1", "unknown indicator 'commitz'"},
      {"threshold zero", "threshold = 26 ", "threshold = 0 ", "threshold must be > 0"},
      {"linear max below min", "min = 0.27 ", "min = 0.9 ", "max must be greater than min"},
      {"impossible criterion", "\"release_months >= 2\",", "\"org_commit_share > 1\",",
       "stage 'development' is unreachable: 'org_commit_share > 1' can never hold"},
      {"contradicting criteria", "\"release_months >= 2\", ", "\"release_months >= 2\", \"release_months < 1\", ",
       "stage 'development' is unreachable: its criteria on release_months contradict each other"},
      {"criterion without comparison", "\"active_months >= 6\",", "\"active_months six\",", "has no comparison"},
      {"criterion on an unknown metric", "\"bus_factor >= 3\",", "\"bus >= 3\",", "unknown metric 'bus'"},
      {"alternative on an unknown metric", "\"bus_factor >= 3\",", "\"bus_factor >= 3 or bus >= 1\",", "unknown metric 'bus'"},
      {"alternative without comparison", "\"bus_factor >= 3\",", "\"bus_factor >= 3 or adopters\",", "has no comparison"},
      {"leave_months zero", "min_months = 3", "min_months = 3\nleave_months = 0", "leave_months must be"},
      {"stages out of order", "id = \"development\"\nname = \"Development\"", "id = \"popularity\"\nname = \"Development\"",
       "stage 2 must be 'development'"},
      {"unknown key", "min_factor_coverage = 0.5", "min_factor_coverage = 0.5\nminimum_coverage = 1", "unknown key 'minimum_coverage'"},
      {"axis not a dimension", "x = \"commercial\"", "x = \"commerce\"", "quadrant x 'commerce' is not a dimension"},
      {"syntax error", "split_x = 50", "split_x = = 50", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    std::string text = base;
    const size_t at = text.find(c.from);
    ASSERT_NE(at, std::string::npos) << c.from;
    text.replace(at, c.from.size(), c.to);
    auto m = ParseModel(text, "my-model.toml");
    ASSERT_FALSE(m.has_value());
    EXPECT_EQ(m.error().code(), StatusCode::kInvalidArgument);
    const std::string& msg = m.error().message();
    EXPECT_NE(msg.find(c.message), std::string::npos) << msg;
    EXPECT_EQ(msg.rfind("my-model.toml:", 0), 0u) << msg;
    // The line named is the one the change is on (or, for a whole-stage problem, inside it).
    const int line = std::stoi(msg.substr(std::string("my-model.toml:").size()));
    const int changed = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    const int changed_end = changed + static_cast<int>(std::count(c.to.begin(), c.to.end(), '\n'));
    EXPECT_GE(line, changed - 12) << msg;
    EXPECT_LE(line, changed_end + 1) << msg;
  }
}

TEST(ModelLoaderTest, TriggerTakesNoCriteria) {
  std::string text(BuiltinDefaultModel());
  const std::string from = "id = \"trigger\"\nname = \"Trigger\"";
  text.replace(text.find(from), from.size(), from + "\ncriteria = [\"commits >= 1\"]");
  auto m = ParseModel(text, "m.toml");
  ASSERT_FALSE(m.has_value());
  EXPECT_NE(m.error().message().find("takes no criteria"), std::string::npos) << m.error().message();
}

TEST(ModelLoaderTest, AFractionalPassRuleToleratesOneImpossibleCriterion) {
  // With pass = 0.8 of 6 criteria, 5 must pass: one criterion that can never hold leaves the
  // stage reachable; two do not.
  std::string text(BuiltinDefaultModel());
  const std::string from = "\"bus_factor >= 3\",";
  text.replace(text.find(from), from.size(), "\"top_org_share > 1\",");
  ASSERT_OK(ParseModel(text, "m.toml"));
  const std::string second = "\"adopters >= 3\",";
  text.replace(text.find(second), second.size(), "\"org_commit_share > 1\",");
  auto m = ParseModel(text, "m.toml");
  ASSERT_FALSE(m.has_value());
  EXPECT_NE(m.error().message().find("needs 5 criteria to pass and only 4 can"), std::string::npos) << m.error().message();
}

}  // namespace
}  // namespace oscm::model
