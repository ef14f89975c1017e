#include "support/chart_samples.h"

namespace oscm::testing {

using report::ChartLanguage;
using report::Localized;

report::QuadrantChartInput SampleQuadrant(ChartLanguage lang) {
  report::QuadrantChartInput in;
  in.title = std::string(Localized(lang, "Distributed SQL databases (synthetic)", "分布式数据库（示例数据）"));
  in.model_name = "default";
  in.as_of = "2026-09-01";
  in.x_title = std::string(Localized(lang, "Commercial maturity", "商业成熟度"));
  in.y_title = std::string(Localized(lang, "Project popularity", "项目流行性"));
  in.labels = report::DefaultQuadrantLabels(lang);
  in.language = lang;
  in.points = {
      {"TiDB", 78, 81, 70, 74},
      {"CockroachDB", 74, 70, 71, 66},
      {"YugabyteDB", 57, 55, 49, 47},
      {"OceanBase 海量数据库", 68, 48, 52, 33},
      {"openGauss", 44, 58, 41, 50},
      {"Vitess", 36, 66, 37, 69},
      {"矩阵起源 MatrixOne", 30, 28, 18, 20},
      {"StoneDB 石原子", 21, 17, std::nullopt, std::nullopt},
      {"PolarDB-X", 55, 52, 50, 45},
      {"Apache ShardingSphere", 46, 63, 44, 60},
  };
  return in;
}

}  // namespace oscm::testing
