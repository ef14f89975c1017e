#include "support/chart_samples.h"

#include <cmath>

namespace oscm::testing {

using report::ChartLanguage;
using report::Localized;

int CountOccurrences(std::string_view haystack, std::string_view needle) {
  int n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string_view::npos;
       pos = haystack.find(needle, pos + 1))
    ++n;
  return n;
}

report::QuadrantChartInput SampleQuadrant(ChartLanguage lang) {
  report::QuadrantChartInput in;
  in.title = std::string(
      Localized(lang, "Distributed SQL databases (synthetic)", "分布式数据库（示例数据）"));
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

report::QuadrantChartInput CrowdedQuadrant(int n, double spread) {
  report::QuadrantChartInput in = SampleQuadrant(ChartLanguage::kEnglish);
  in.title = "Crowded landscape (synthetic)";
  in.points.clear();
  const char* names[] = {"TiDB",
                         "CockroachDB",
                         "YugabyteDB",
                         "OceanBase 海量数据库",
                         "openGauss",
                         "Vitess",
                         "矩阵起源 MatrixOne",
                         "StoneDB 石原子",
                         "PolarDB-X",
                         "Apache ShardingSphere",
                         "Citus",
                         "GreptimeDB",
                         "Databend",
                         "RisingWave",
                         "Doris 多瑞丝",
                         "StarRocks"};
  for (int i = 0; i < n; ++i) {
    const double dx = (i % 4) * spread / 3;
    const double dy = (i / 4 % 4) * spread / 3;
    in.points.push_back(
        {std::string(names[i % 16]) + (i >= 16 ? " " + std::to_string(i / 16 + 1) : ""), 50 + dx,
         50 + dy, 45 + dy, 40 + dx});
  }
  return in;
}

namespace {

MonthIndex M(int year, int month) { return year * 12 + month - 1; }

// A row whose stage changes at the given months (the first band starts at `start`).
report::StageTimelineRow Row(std::string name, MonthIndex start, MonthIndex end,
                             std::vector<MonthIndex> changes) {
  report::StageTimelineRow row{std::move(name), {}, {}};
  MonthIndex from = start;
  for (size_t i = 0; i <= changes.size(); ++i) {
    const MonthIndex to = i < changes.size() ? changes[i] - 1 : end;
    row.bands.push_back({static_cast<int>(i), from, to});
    if (i < changes.size()) row.transitions.push_back({changes[i], static_cast<int>(i + 1)});
    from = to + 1;
  }
  return row;
}

}  // namespace

report::StageTimelineInput SampleStageTimeline(ChartLanguage lang) {
  report::StageTimelineInput in;
  in.title =
      std::string(Localized(lang, "Lifecycle stages (synthetic)", "生命周期阶段（示例数据）"));
  in.as_of = "2026-09-01";
  in.language = lang;
  const MonthIndex end = M(2026, 8);
  in.rows = {
      Row("TiDB", M(2015, 9), end, {M(2016, 5), M(2018, 7), M(2021, 11)}),
      Row("CockroachDB", M(2014, 2), end, {M(2015, 6), M(2017, 5), M(2022, 3)}),
      Row("OceanBase 海量数据库", M(2021, 6), end, {M(2021, 10), M(2024, 2)}),
      Row("矩阵起源 MatrixOne", M(2021, 8), end, {M(2023, 1)}),
      Row("StoneDB 石原子", M(2022, 6), end, {}),
      Row("Vitess", M(2012, 2), end, {M(2012, 9), M(2012, 12), M(2019, 11)}),  // close transitions
  };
  in.rows[4].note = std::string(Localized(lang, "declining", "衰退"));
  return in;
}

report::TimeSeriesChartInput SampleTimeSeries(ChartLanguage lang) {
  report::TimeSeriesChartInput in;
  in.title = std::string(
      Localized(lang, "Active contributors per month (synthetic)", "每月活跃贡献者（示例数据）"));
  in.y_title = std::string(Localized(lang, "people", "人"));
  in.caption = std::string(
      Localized(lang, "As of 2026-09-01 · gaps: no data", "截至 2026-09-01 · 断开处：无数据"));
  in.language = lang;
  struct Shape {
    const char* name;
    double base, growth, wave;
    int start_year;
  } shapes[] = {{"TiDB", 60, 2.1, 12, 2019},
                {"CockroachDB", 90, 0.9, 8, 2019},
                {"OceanBase 海量数据库", 5, 1.8, 4, 2021},
                {"矩阵起源 MatrixOne", 3, 1.1, 3, 2021}};
  for (const Shape& shape : shapes) {
    report::MetricSeries s{shape.name, M(shape.start_year, 6), {}};
    const int months = M(2026, 8) - s.first_month + 1;
    for (int k = 0; k < months; ++k) {
      // Integer counts from a smooth curve; a three-month gap in one series (an ingest hole).
      const double v = shape.base + shape.growth * k + shape.wave * std::sin(k / 2.5);
      if (shape.name[0] == 'O' && k >= 20 && k < 23) {
        s.values.push_back(std::nullopt);
      } else {
        s.values.push_back(std::round(v));
      }
    }
    in.series.push_back(std::move(s));
  }
  return in;
}

report::FlywheelChartInput SampleFlywheel(ChartLanguage lang) {
  using report::FlywheelNode;
  report::FlywheelChartInput in;
  in.title = std::string(Localized(lang, "TiDB flywheel (synthetic)", "TiDB 飞轮（示例数据）"));
  in.caption = std::string(Localized(lang, "As of 2026-09-01 · monthly series since 2019-06",
                                     "截至 2026-09-01 · 2019-06 起的月度序列"));
  in.growth[0] = 0.35;
  in.growth[1] = 0.12;
  in.growth[2] = -0.04;
  in.momentum = 0.48;
  in.language = lang;
  in.links = {{FlywheelNode::kB, FlywheelNode::kC, 1, 0.42},
              {FlywheelNode::kC, FlywheelNode::kP, 2, 0.61},
              {FlywheelNode::kP, FlywheelNode::kB, 3, 0.27},
              {FlywheelNode::kC, FlywheelNode::kB, 0, -0.12},
              {FlywheelNode::kP, FlywheelNode::kC, std::nullopt, std::nullopt}};
  return in;
}

report::TalentRingsInput SampleTalentRings(ChartLanguage lang) {
  report::TalentRingsInput in;
  in.title =
      std::string(Localized(lang, "TiDB talent rings (synthetic)", "TiDB 人才圈层（示例数据）"));
  in.caption =
      std::string(Localized(lang, "12 months to 2026-09-01", "截至 2026-09-01 的 12 个月"));
  in.people[0] = 14;
  in.people[1] = 61;
  in.people[2] = 412;
  in.people[3] = 3870;
  in.people[4] = 41250;
  in.core_organisations = {
      {"PingCAP", 0.71}, {"independent", 0.12}, {"字节跳动 ByteDance", 0.08}, {"unknown", 0.05}};
  in.language = lang;
  return in;
}

report::FunnelChartInput SampleFunnel(ChartLanguage lang) {
  report::FunnelChartInput in;
  in.title = std::string(Localized(lang, "TiDB funnel (synthetic)", "TiDB 用户漏斗（示例数据）"));
  in.caption =
      std::string(Localized(lang, "People first seen 2024-09 to 2025-08 · GH Archive and git",
                            "2024-09 至 2025-08 首次出现的人 · GH Archive 与 git"));
  in.people[0] = 41250;
  in.people[1] = 3870;
  in.people[2] = 473;
  in.people[3] = 14;
  in.conversion[0] = 0.042;
  in.conversion[1] = 0.081;
  in.conversion[2] = std::nullopt;
  in.language = lang;
  return in;
}

}  // namespace oscm::testing
