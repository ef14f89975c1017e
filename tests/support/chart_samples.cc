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

constexpr const char* kLandscapeNames[] = {
    "etcd-io/etcd",         "kubernetes/kubernetes", "apache/kafka",         "pingcap/tidb",
    "cockroachdb/cockroach", "vitessio/vitess",       "apache/shardingsphere", "oceanbase/oceanbase",
    "opengauss-mirror/openGauss-server", "matrixorigin/matrixone", "stoneatom/stonedb", "apache/doris",
    "StarRocks/starrocks",  "risingwavelabs/risingwave", "GreptimeTeam/greptimedb", "datafuselabs/databend",
    "citusdata/citus",      "yugabyte/yugabyte-db",  "apache/pulsar",        "apache/rocketmq",
    "nats-io/nats-server",  "redis/redis",           "valkey-io/valkey",     "dragonflydb/dragonfly",
    "prometheus/prometheus", "grafana/grafana",      "open-telemetry/opentelemetry-collector", "jaegertracing/jaeger",
    "envoyproxy/envoy",     "istio/istio",           "apache/apisix",        "Kong/kong"};

// A deterministic spread in [0, 1) (no <random>: the same bytes on every platform).
double Spread(int i, int salt) {
  const unsigned h = static_cast<unsigned>(i * 2654435761u + static_cast<unsigned>(salt) * 40503u);
  return static_cast<double>((h >> 8) % 1000) / 1000.0;
}

}  // namespace

report::QuadrantChartInput LandscapeQuadrant(ChartLanguage lang, int n) {
  report::QuadrantChartInput in = SampleQuadrant(lang);
  in.title = lang == ChartLanguage::kChinese ? "云原生与数据库社区（示例数据）"
                                             : "Cloud-native and database communities (synthetic)";
  in.width = 1280;
  in.height = 720;
  in.points.clear();
  for (int i = 0; i < n && i < 32; ++i) {
    report::QuadrantPoint p;
    p.name = kLandscapeNames[i];
    if (i == 1) {
      p.x = p.y = 100;
    } else if (i == 10) {
      p.x = p.y = 0;
    } else if (i % 8 == 7) {
      p.x = p.y = std::nan("");
      p.needs = std::string(Localized(lang, "commercial needs a profile", "商业成熟度需要社区档案"));
    } else {
      // Most in the lower half and towards the middle, as real landscapes are.
      p.x = std::round(10 + 80 * Spread(i, 1));
      p.y = std::round(8 + 70 * Spread(i, 2) * Spread(i, 3) + 20 * Spread(i, 4));
      if (i % 3 == 0) {
        p.previous_x = std::max(0.0, p.x - 4 - 8 * Spread(i, 5));
        p.previous_y = std::max(0.0, p.y - 3 - 6 * Spread(i, 6));
      }
      if (i % 4 == 1) {
        p.x_low = std::max(0.0, p.x - 15);
        p.x_high = std::min(100.0, p.x + 20);
        p.uncertain = true;
      }
    }
    in.points.push_back(std::move(p));
  }
  return in;
}

report::RadarChartInput SampleRadar(ChartLanguage lang, int n) {
  report::RadarChartInput in;
  in.title = std::string(Localized(lang, "Factor scores (synthetic)", "因子得分（示例数据）"));
  in.caption = std::string(Localized(lang, "Model: oscm default 2026.12 · as of 2026-09-01", "模型：oscm default 2026.12 · 截至 2026-09-01"));
  in.language = lang;
  in.group_names = {std::string(Localized(lang, "Project popularity", "项目流行性")),
                    std::string(Localized(lang, "Commercial maturity", "商业成熟度"))};
  const char* en[] = {"Users and developers", "Innovation", "Feasibility and supporting services", "Industry cases",
                      "Customer experience", "Community operations", "Product positioning and strategy",
                      "Enterprise investment", "Business model", "Market"};
  const char* zh[] = {"用户与开发者", "创新性", "可行性与配套服务", "行业案例", "客户体验",
                      "社区运营", "产品定位与战略", "企业投入", "商业模式", "市场"};
  for (int a = 0; a < 10; ++a) in.axes.push_back({lang == ChartLanguage::kChinese ? zh[a] : en[a], a < 6 ? 0 : 1});
  for (int i = 0; i < n && i < 32; ++i) {
    report::RadarSeries s{kLandscapeNames[i], {}};
    for (int a = 0; a < 10; ++a) {
      // Industry cases (3) unmeasured for all but the first; every third community lacks market (9).
      if ((a == 3 && i > 0) || (a == 9 && i % 3 == 2)) {
        s.values.push_back(std::nullopt);
      } else {
        s.values.push_back(std::round(15 + 80 * Spread(i * 10 + a, 7)));
      }
    }
    in.series.push_back(std::move(s));
  }
  return in;
}

report::ScoresChartInput SampleScores(ChartLanguage lang, int n) {
  report::ScoresChartInput in;
  in.title = std::string(Localized(lang, "Scores over time (synthetic)", "得分变化（示例数据）"));
  in.caption = std::string(Localized(lang, "Model: oscm default 2026.12 · as of 2026-09-01", "模型：oscm default 2026.12 · 截至 2026-09-01"));
  in.x_title = std::string(Localized(lang, "Commercial maturity", "商业成熟度"));
  in.y_title = std::string(Localized(lang, "Project popularity", "项目流行性"));
  in.labels = report::DefaultQuadrantLabels(lang);
  in.language = lang;
  in.partial_month = M(2026, 9);
  for (int i = 0; i < n && i < 32; ++i) {
    report::ScorePath p{kLandscapeNames[i], M(2019 + i % 4, 1 + i % 12), {}, {}};
    const int months = M(2026, 9) - p.first_month + 1;
    const double x_end = 15 + 75 * Spread(i, 8), y_end = 10 + 80 * Spread(i, 9);
    for (int k = 0; k < months; ++k) {
      const double t = static_cast<double>(k) / std::max(1, months - 1);
      const bool gap = i == 1 && k >= 10 && k < 14;  // months without enough evidence
      p.x.push_back(gap ? std::nullopt : std::optional<double>(std::round(x_end * (0.3 + 0.7 * t) + 3 * std::sin(k / 3.0))));
      p.y.push_back(gap ? std::nullopt : std::optional<double>(std::round(y_end * (0.2 + 0.8 * t * t) + 2 * std::cos(k / 4.0))));
    }
    in.paths.push_back(std::move(p));
  }
  return in;
}

namespace {

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
