#include "report/evaluation_charts.h"

#include <algorithm>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "metrics/registry.h"
#include "report/metric_names.h"
#include "report/charts/flywheel_chart.h"
#include "report/charts/funnel_chart.h"
#include "report/charts/quadrant_chart.h"
#include "report/charts/radar_chart.h"
#include "report/charts/scores_chart.h"
#include "report/charts/small_multiples.h"
#include "report/charts/stage_timeline_chart.h"
#include "report/charts/talent_rings_chart.h"
#include "report/charts/time_series_chart.h"
#include "store/assessment_runs.h"

namespace oscm::report {
namespace {

ChartLanguage ChartLang(Lang lang) { return lang == Lang::kZh ? ChartLanguage::kChinese : ChartLanguage::kEnglish; }

std::string DimensionTitle(const model::ModelSpec& m, const std::string& id, Lang lang) {
  const model::DimensionSpec* d = m.FindDimension(id);
  return lang == Lang::kZh ? d->name_zh : d->name_en;
}

// The style's title, or "What: subject" in the chart's language.
std::string Title(const ChartStyle& style, std::string_view en, std::string_view zh, std::string_view subject) {
  if (!style.title.empty()) return style.title;
  if (subject.empty()) return std::string(style.lang == Lang::kZh ? zh : en);
  return style.lang == Lang::kZh ? fmt::format("{}：{}", zh, subject) : fmt::format("{}: {}", en, subject);
}

// The style's canvas, where it gives one.
template <typename Input>
void Size(const ChartStyle& style, Input* in) {
  if (style.width > 0) in->width = style.width;
  if (style.height > 0) in->height = style.height;
}

std::string AsOf(const model::CommunityEvaluation& e) { return FormatDate(e.assessment.as_of); }

std::string_view SourceName(std::string_view source, Lang lang) {
  if (source == "gharchive") return lang == Lang::kZh ? "GitHub 事件" : "GitHub events";
  if (source == "profile") return lang == Lang::kZh ? "社区档案" : "profile";
  return source;
}

// "commercial: profile; popularity: GitHub events": the sources whose evidence would place an
// unplaced community, short enough for a chart's caption.
std::string ShortNeeds(const model::CommunityEvaluation& c, Lang lang) {
  if (!c.HasHistory()) return lang == Lang::kZh ? "无历史" : "no history yet";
  std::string out;
  for (const auto& d : c.scores) {
    if (d.value) continue;
    std::vector<std::string_view> sources;
    for (const auto& f : d.factors) {
      for (const auto& is : f.indicators) {
        const metrics::MetricDef* def = metrics::FindMetric(is.spec->metric);
        if (is.raw || def == nullptr || std::find(sources.begin(), sources.end(), def->source) != sources.end()) continue;
        sources.push_back(def->source);
      }
    }
    std::string words;
    for (std::string_view s : sources) {
      std::string_view w = s;
      for (const model::EvidenceSource& src : model::EvidenceSources()) {
        if (src.id == s) w = lang == Lang::kZh ? src.short_zh : src.short_en;
      }
      words += (words.empty() ? "" : lang == Lang::kZh ? "、" : ", ") + std::string(w);
    }
    out += fmt::format("{}{} {} {}", out.empty() ? "" : "; ", lang == Lang::kZh ? d.spec->name_zh : d.spec->name_en,
                       lang == Lang::kZh ? "需要" : "needs", words);
  }
  return out;
}


// High y is the top, high x the right (QuadrantOf).
QuadrantLabels ModelQuadrantLabels(const model::ModelSpec& m, Lang lang) {
  const size_t word = lang == Lang::kZh ? 1 : 0;
  const auto& labels = m.quadrant.labels;
  QuadrantLabels out;
  out.top_right = labels[static_cast<size_t>(model::QuadrantKind::kLeaders)][word];
  out.top_left = labels[static_cast<size_t>(model::QuadrantKind::kChallengers)][word];
  out.bottom_right = labels[static_cast<size_t>(model::QuadrantKind::kStrategists)][word];
  out.bottom_left = labels[static_cast<size_t>(model::QuadrantKind::kNichePlayers)][word];
  return out;
}

}  // namespace

std::string QuadrantSvg(const model::LandscapeEvaluation& l, const model::ModelSpec& m, const ChartStyle& style) {
  const Lang lang = style.lang;
  QuadrantChartInput in;
  in.title = Title(style, "Maturity quadrant", "成熟度象限", style.subject.empty() ? l.name : style.subject);
  Size(style, &in);
  in.model_name = fmt::format("{} {}", m.name, m.version);
  in.as_of = FormatDate(l.as_of);
  in.x_title = DimensionTitle(m, m.quadrant.x, lang);
  in.y_title = DimensionTitle(m, m.quadrant.y, lang);
  in.split_x = l.split_x;
  in.split_y = l.split_y;
  in.labels = ModelQuadrantLabels(m, lang);
  in.language = ChartLang(lang);
  for (const auto& c : l.communities) {
    QuadrantPoint p;
    p.name = c.assessment.community;
    const auto& q = *c.quadrant;
    p.x = q.x.value_or(std::numeric_limits<double>::quiet_NaN());
    p.y = q.y.value_or(std::numeric_limits<double>::quiet_NaN());
    p.previous_x = q.prev_x;
    p.previous_y = q.prev_y;
    if (q.kind) {
      p.x_low = q.x_low;
      p.x_high = q.x_high;
      p.y_low = q.y_low;
      p.y_high = q.y_high;
      p.uncertain = q.possible.size() > 1;
    } else {
      p.needs = ShortNeeds(c, lang);
    }
    in.points.push_back(std::move(p));
  }
  return RenderQuadrantSvg(in);
}

std::string StageTimelineSvg(const std::vector<const model::CommunityEvaluation*>& es, const ChartStyle& style) {
  const Lang lang = style.lang;
  StageTimelineInput in;
  in.title = Title(style, "Lifecycle stages", "生命周期阶段", style.subject);
  Size(style, &in);
  in.language = ChartLang(lang);
  for (const auto* e : es) {
    in.as_of = AsOf(*e);
    StageTimelineRow row;
    row.name = e->assessment.community;
    row.note = VitalityWord(e->vitality.state, lang);
    const auto& t = e->timeline;
    for (size_t i = 0; i < t.months.size(); ++i) {
      if (row.bands.empty() || row.bands.back().stage != t.stages[i]) {
        row.bands.push_back(StageBand{t.stages[i], t.months[i], t.months[i]});
      } else {
        row.bands.back().to = t.months[i];
      }
    }
    for (const auto& tr : t.transitions) row.transitions.push_back(StageTransition{tr.month, tr.to});
    in.rows.push_back(std::move(row));
  }
  return RenderStageTimelineSvg(in);
}

std::string MetricSeriesSvg(const std::string& metric, const std::vector<const model::CommunityEvaluation*>& es,
                            const ChartStyle& style) {
  const Lang lang = style.lang;
  TimeSeriesChartInput in;
  const metrics::MetricDef* def = metrics::FindMetric(metric);
  const std::string_view name = MetricName(metric, lang);
  in.title = Title(style, fmt::format("{} per month", name), fmt::format("每月{}", name), style.subject);
  Size(style, &in);
  in.y_title = std::string(MetricUnit(metric, lang));
  in.language = ChartLang(lang);
  for (const auto* e : es) {
    // The metric's id (what `oscm metrics` and the JSON call it) in English only: a Chinese chart
    // names the metric in its title.
    in.caption = lang == Lang::kZh ? fmt::format("截至 {} · 来源：{}", AsOf(*e), SourceName(def != nullptr ? def->source : "", lang))
                                   : fmt::format("as of {} · source: {} ({})", AsOf(*e),
                                                 SourceName(def != nullptr ? def->source : "", lang), metric);
    for (const auto& r : e->assessment.metrics) {
      if (r.def->id != metric || e->assessment.months.empty()) continue;
      in.series.push_back(MetricSeries{e->assessment.community, e->assessment.months.front(), r.series});
    }
    if (e->assessment.partial_month) in.partial_month = e->assessment.partial_month;
  }
  return RenderTimeSeriesSvg(in);
}

std::string FlywheelSvg(const model::CommunityEvaluation& e, const ChartStyle& style) {
  const Lang lang = style.lang;
  const auto& f = e.flywheel;
  FlywheelChartInput in;
  in.title = Title(style, "B–C–P flywheel", "B–C–P 飞轮", e.assessment.community);
  Size(style, &in);
  in.caption = fmt::format("{} {} · {} {} .. {}", lang == Lang::kZh ? "截至" : "as of", AsOf(e),
                           lang == Lang::kZh ? "月度序列" : "monthly series", FormatMonth(f.months.front()), FormatMonth(f.months.back()));
  in.growth[0] = f.b.growth;
  in.growth[1] = f.c.growth;
  in.growth[2] = f.p.growth;
  in.momentum = f.momentum;
  in.language = ChartLang(lang);
  auto node = [](const std::string& id) {
    return id == "b" ? FlywheelNode::kB : id == "c" ? FlywheelNode::kC : FlywheelNode::kP;
  };
  for (const auto& l : f.links) {
    FlywheelLink link;
    const bool a_leads = !l.best_lag || *l.best_lag >= 0;
    link.from = node(a_leads ? l.a : l.b);
    link.to = node(a_leads ? l.b : l.a);
    if (l.best_lag) link.lag_months = a_leads ? *l.best_lag : -*l.best_lag;
    link.rho = l.best_rho;
    in.links.push_back(link);
  }
  return RenderFlywheelSvg(in);
}

std::string TalentRingsSvg(const model::CommunityEvaluation& e, const ChartStyle& style) {
  const Lang lang = style.lang;
  const auto& r = e.rings;
  TalentRingsInput in;
  in.title = Title(style, "Talent rings", "人才圈层", e.assessment.community);
  Size(style, &in);
  in.caption = fmt::format("{} {}", lang == Lang::kZh ? "截至 12 个月:" : "12 months to", AsOf(e));
  in.people[0] = r.core;
  in.people[1] = r.regular;
  in.people[2] = r.casual;
  in.people[3] = r.users;
  in.people[4] = r.audience;
  for (const auto& o : r.core_orgs) {
    in.core_organisations.push_back(
        OrganisationShare{o.name, r.core > 0 ? static_cast<double>(o.people) / static_cast<double>(r.core) : 0});
  }
  in.language = ChartLang(lang);
  return RenderTalentRingsSvg(in);
}

Status CheckChartHasData(const std::string& kind, const std::string& metric,
                         const std::vector<const model::CommunityEvaluation*>& es,
                         const model::LandscapeEvaluation* landscape) {
  auto any = [&](auto has) { return std::any_of(es.begin(), es.end(), [&](const auto* e) { return e->HasHistory() && has(*e); }); };
  if (kind == "quadrant") {
    if (landscape != nullptr && std::any_of(landscape->communities.begin(), landscape->communities.end(),
                                            [](const auto& c) { return c.quadrant && c.quadrant->kind; })) {
      return Status::Ok();
    }
    std::string needs;
    if (landscape != nullptr && !landscape->communities.empty() && landscape->communities.front().quadrant) {
      const auto& n = landscape->communities.front().quadrant->needs;
      if (!n.empty()) needs = fmt::format(" ({}, for instance, needs {})", landscape->communities.front().assessment.community, n.front());
    }
    return NotFoundError("nothing to draw: no community has both scores with enough evidence to be placed" + needs);
  }
  if (kind == "series") {
    const metrics::MetricDef* def = metrics::FindMetric(metric);
    const bool has = any([&](const model::CommunityEvaluation& e) {
      for (const auto& r : e.assessment.metrics) {
        if (r.def->id == metric && std::any_of(r.series.begin(), r.series.end(), [](const auto& v) { return v.has_value(); })) return true;
      }
      return false;
    });
    if (has) return Status::Ok();
    const std::string source = def == nullptr ? "" : std::string(def->source);
    const char* how = source == "gharchive" ? "GH Archive hours covering those months (oscm ingest gharchive) or the GitHub API (oscm ingest github)"
                      : source == "profile" ? "a profile (oscm ingest profile)"
                                            : "the git history (oscm ingest git)";
    return NotFoundError(fmt::format("nothing to draw: no month has a value of {}; it needs {}", metric, how));
  }
  if (kind == "radar") {
    if (any([](const model::CommunityEvaluation& e) {
          return std::any_of(e.scores.begin(), e.scores.end(), [](const auto& d) {
            return std::any_of(d.factors.begin(), d.factors.end(), [](const auto& f) { return f.value.has_value(); });
          });
        })) {
      return Status::Ok();
    }
    return NotFoundError("nothing to draw: no factor has a score with enough evidence (oscm ingest git, oscm ingest gharchive, oscm ingest profile)");
  }
  if (kind == "scores") {
    if (any([](const model::CommunityEvaluation& e) {
          return std::any_of(e.score_timeline.values.begin(), e.score_timeline.values.end(), [](const auto& v) {
            return std::any_of(v.begin(), v.end(), [](const auto& x) { return x.has_value(); });
          });
        })) {
      return Status::Ok();
    }
    return NotFoundError("nothing to draw: no month has a score with enough evidence (oscm ingest git, oscm ingest gharchive, oscm ingest profile)");
  }
  if (kind == "timeline" || kind == "flywheel") {
    if (any([](const model::CommunityEvaluation& e) { return !e.timeline.months.empty(); })) return Status::Ok();
    return NotFoundError("nothing to draw: no commit history up to the evaluation date (oscm ingest git)");
  }
  if (kind == "rings") {
    if (any([](const model::CommunityEvaluation& e) {
          return e.rings.core + e.rings.regular + e.rings.casual > 0 || e.rings.users || e.rings.audience;
        })) {
      return Status::Ok();
    }
    return NotFoundError("nothing to draw: no contributor or user in the 12 months (oscm ingest git, oscm ingest gharchive)");
  }
  if (any([](const model::CommunityEvaluation& e) {
        return std::any_of(e.funnel.steps.begin(), e.funnel.steps.end(), [](const auto& s) { return s.cohort && *s.cohort > 0; });
      })) {
    return Status::Ok();
  }
  return NotFoundError("nothing to draw: nobody first seen in the funnel's cohort year (oscm ingest git, oscm ingest gharchive)");
}

std::string FunnelSvg(const model::CommunityEvaluation& e, const ChartStyle& style) {
  const Lang lang = style.lang;
  const auto& f = e.funnel;
  FunnelChartInput in;
  in.title = Title(style, "User funnel", "用户漏斗", e.assessment.community);
  Size(style, &in);
  in.caption = fmt::format("{} {} .. {}", lang == Lang::kZh ? "首次出现于" : "people first seen", FormatDate(f.cohort_window.begin),
                           FormatDate(f.cohort_window.end - kSecondsPerDay));
  for (size_t i = 0; i < f.steps.size() && i < 3; ++i) {
    in.people[i] = f.steps[i].cohort;
    in.conversion[i] = f.steps[i].rate;
  }
  if (f.steps.size() == 3) in.people[3] = f.steps[2].reached;
  in.language = ChartLang(lang);
  return RenderFunnelSvg(in);
}

namespace {

std::string ModelCaption(const model::ModelSpec& m, const std::vector<const model::CommunityEvaluation*>& es, Lang lang) {
  const std::string as_of = es.empty() ? std::string() : AsOf(*es.front());
  return lang == Lang::kZh ? fmt::format("模型：{} {} · 截至 {}", m.name, m.version, as_of)
                           : fmt::format("Model: {} {} · as of {}", m.name, m.version, as_of);
}

size_t DimensionIndex(const model::ModelSpec& m, const std::string& id) {
  for (size_t d = 0; d < m.dimensions.size(); ++d) {
    if (m.dimensions[d].id == id) return d;
  }
  return 0;
}

}  // namespace

std::string RadarSvg(const std::vector<const model::CommunityEvaluation*>& es, const model::ModelSpec& m,
                     const ChartStyle& style) {
  const Lang lang = style.lang;
  RadarChartInput in;
  in.title = Title(style, "Factor scores", "因子得分", style.subject);
  Size(style, &in);
  in.language = ChartLang(lang);
  in.caption = ModelCaption(m, es, lang);
  for (size_t d = 0; d < m.dimensions.size(); ++d) {
    const model::DimensionSpec& dim = m.dimensions[d];
    in.group_names.push_back(lang == Lang::kZh ? dim.name_zh : dim.name_en);
    for (const model::FactorSpec& f : dim.factors) {
      in.axes.push_back({lang == Lang::kZh ? f.name_zh : f.name_en, static_cast<int>(d)});
    }
  }
  for (const auto* e : es) {
    RadarSeries s{e->assessment.community, {}};
    for (size_t d = 0; d < m.dimensions.size(); ++d) {
      for (size_t f = 0; f < m.dimensions[d].factors.size(); ++f) {
        const bool scored = d < e->scores.size() && f < e->scores[d].factors.size();
        s.values.push_back(scored ? e->scores[d].factors[f].value : std::nullopt);
      }
    }
    in.series.push_back(std::move(s));
  }
  return RenderRadarSvg(in);
}

namespace {

// Per month, the latest run kept with this model and version in this landscape, up to `as_of`.
std::vector<KeptScore> KeptScores(const std::vector<store::AssessmentRun>& runs, const model::ModelSpec& m,
                                  const std::string& landscape, int64_t as_of) {
  auto score = [](const store::AssessmentRun& r, const std::string& dimension) -> std::optional<double> {
    const store::RunScore* s = r.Score(dimension);
    return s != nullptr ? s->value : std::nullopt;
  };
  std::map<MonthIndex, KeptScore> by_month;  // runs come by as_of, then by when they ran
  for (const auto& r : runs) {
    if (r.model != m.name || r.model_version != m.version || r.landscape != landscape || r.as_of > as_of) continue;
    const MonthIndex month = MonthOf(r.as_of);
    by_month[month] = KeptScore{month, score(r, m.quadrant.x), score(r, m.quadrant.y)};
  }
  std::vector<KeptScore> out;
  for (auto& [month, k] : by_month) out.push_back(k);
  return out;
}

}  // namespace

std::string ScoresSvg(const std::vector<const model::CommunityEvaluation*>& es, const model::ModelSpec& m,
                      const ChartStyle& style, const model::LandscapeEvaluation* landscape,
                      const std::vector<std::vector<store::AssessmentRun>>* kept) {
  const Lang lang = style.lang;
  ScoresChartInput in;
  in.title = Title(style, "Scores over time", "得分变化", style.subject);
  Size(style, &in);
  in.language = ChartLang(lang);
  in.caption = ModelCaption(m, es, lang);
  in.x_title = DimensionTitle(m, m.quadrant.x, lang);
  in.y_title = DimensionTitle(m, m.quadrant.y, lang);
  in.labels = ModelQuadrantLabels(m, lang);
  in.split_x = landscape != nullptr ? landscape->split_x : m.quadrant.split_x;
  in.split_y = landscape != nullptr ? landscape->split_y : m.quadrant.split_y;
  const size_t xd = DimensionIndex(m, m.quadrant.x);
  const size_t yd = DimensionIndex(m, m.quadrant.y);
  for (const auto* e : es) {
    const model::ScoreTimeline& t = e->score_timeline;
    ScorePath p;
    p.name = e->assessment.community;
    if (!t.months.empty() && xd < t.values.size() && yd < t.values.size()) {
      p.first_month = t.months.front();
      p.x = t.values[xd];
      p.y = t.values[yd];
    }
    if (kept != nullptr && in.paths.size() < kept->size()) {
      p.kept = KeptScores((*kept)[in.paths.size()], m, landscape != nullptr ? landscape->name : "", e->assessment.as_of);
    }
    in.paths.push_back(std::move(p));
  }
  if (!es.empty()) in.partial_month = es.front()->assessment.partial_month;
  return RenderScoresSvg(in);
}

std::string SmallMultiplesSvg(const std::string& kind, const std::vector<const model::CommunityEvaluation*>& es,
                              const ChartStyle& style) {
  SmallMultiplesInput in;
  in.language = ChartLang(style.lang);
  in.width = style.width;
  in.height = style.height;
  in.title = kind == "flywheel" ? Title(style, "B–C–P flywheel", "B–C–P 飞轮", style.subject)
             : kind == "rings"  ? Title(style, "Talent rings", "人才圈层", style.subject)
                                : Title(style, "User funnel", "用户漏斗", style.subject);
  if (!es.empty()) in.caption = fmt::format("{} {}", style.lang == Lang::kZh ? "截至" : "as of", AsOf(*es.front()));
  for (const auto* e : es) {
    ChartStyle panel;
    panel.lang = style.lang;
    panel.title = e->assessment.community;
    panel.width = in.panel_width;
    panel.height = in.panel_height;
    in.panels.push_back(kind == "flywheel" ? FlywheelSvg(*e, panel)
                        : kind == "rings"  ? TalentRingsSvg(*e, panel)
                                           : FunnelSvg(*e, panel));
  }
  return RenderSmallMultiplesSvg(in);
}

}  // namespace oscm::report
