#include "report/evaluation_report.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "metrics/registry.h"
#include "report/assessment_report.h"
#include "report/terminal_text.h"

// The terminal renderers, in English or Chinese.
namespace oscm::report {
namespace {

struct Words {
  const char* en;
  const char* zh;
};

const char* T(Lang lang, const Words& w) { return lang == Lang::kZh ? w.zh : w.en; }

constexpr Words kStage{"stage", "阶段"};
constexpr Words kVitality{"vitality", "活力"};
constexpr Words kScores{"scores", "得分"};
constexpr Words kCoverage{"coverage", "覆盖率"};
constexpr Words kUnavailable{"unavailable", "数据不足"};
constexpr Words kToReach{"to reach", "进入下一阶段"};
constexpr Words kTimeline{"stage timeline", "阶段时间线"};
constexpr Words kCriteria{"criteria", "判据"};
constexpr Words kFlywheel{"flywheel (B enterprise users, C talent, P product)", "飞轮 (B 企业用户, C 人才, P 产品)"};
constexpr Words kGrowth{"12-month growth", "12 个月增长"};
constexpr Words kMomentum{"momentum", "动量"};
constexpr Words kAssociation{"rank correlations of monthly changes: associations, not causes",
                             "月度变化的秩相关: 关联, 非因果"};
constexpr Words kRings{"talent rings (12 months)", "人才圈层 (12 个月)"};
constexpr Words kFunnel{"funnel (people first seen", "用户漏斗 (首次出现于"};
constexpr Words kI18n{"internationalisation", "国际化"};
constexpr Words kRegions{"commits by region", "各区域提交占比"};
constexpr Words kTitles{"issue/PR title languages", "议题/PR 标题语言"};
constexpr Words kDocs{"translated docs", "文档翻译"};
constexpr Words kNoData{"no data", "无数据"};
constexpr Words kModel{"model", "模型"};
constexpr Words kQuadrant{"quadrant", "象限"};

std::string Pct(double v) { return fmt::format("{:.0f}%", 100 * v); }


std::string StageName(const model::StageSpec& s, Lang lang) {
  return lang == Lang::kZh ? fmt::format("{} ({})", s.name_zh, s.id) : fmt::format("{} ({})", s.id, s.name_zh);
}

std::string ScoreText(const std::optional<double>& v) { return v ? fmt::format("{:.1f}", *v) : "-"; }

std::string QuadrantLabel(const model::ModelSpec& m, model::QuadrantKind k, Lang lang) {
  const auto& labels = m.quadrant.labels[static_cast<size_t>(k)];
  return lang == Lang::kZh ? labels[1] : labels[0];
}

std::string EvaluationSummary(const model::CommunityEvaluation& e, const model::ModelSpec& m, Lang lang,
                              const char* bold, const char* reset) {
  std::string out;
  for (const auto& w : e.warnings) out += fmt::format("{}{}{} {}\n", bold, lang == Lang::kZh ? "警告:" : "warning:", reset, w);
  if (!e.HasHistory()) {
    if (e.first_evidence == 0) {
      return out + fmt::format(fmt::runtime(lang == Lang::kZh ? "{}无历史{}: 没有提交或 GitHub 事件; 不给出阶段、活力或得分\n"
                                                        : "{}no history{}: no commit or GitHub event; no stage, vitality or scores\n"),
                         bold, reset);
    }
    return out + fmt::format(fmt::runtime(lang == Lang::kZh ? "{}{} 之前无历史{}: 不给出阶段、活力或得分\n"
                                                      : "{}no history before {}{}: no stage, vitality or scores\n"),
                       bold, FormatDate(e.first_evidence), reset);
  }
  const auto& stage = m.stages[static_cast<size_t>(e.stage.stage)];
  out += fmt::format("{}{:<12}{}{}", bold, T(lang, kStage), reset, StageName(stage, lang));
  for (auto it = e.timeline.transitions.rbegin(); it != e.timeline.transitions.rend(); ++it) {
    if (it->to == e.stage.stage) {
      out += fmt::format(fmt::runtime(lang == Lang::kZh ? "  自 {}" : "  since {}"), FormatMonth(it->month));
      break;
    }
  }
  if (e.stage.raw_stage && e.stage.failing_since) {
    out += fmt::format(fmt::runtime(lang == Lang::kZh ? "  (保持中: 判据自 {} 起未满足, 今日判据给出 {}; 连续 {} 个月未满足才降级)"
                                                      : "  (held: its criteria fail since {}, which alone give {}; a stage is left after {} months of failing)"),
                       FormatMonth(*e.stage.failing_since), m.stages[static_cast<size_t>(*e.stage.raw_stage)].id,
                       m.timeline.leave_months);
  }
  out += '\n';
  out += fmt::format("{}{:<12}{}{}  ({} {}: {} / {})\n", bold, T(lang, kVitality), reset,
                     VitalityWord(e.vitality.state, lang), m.vitality.metric, lang == Lang::kZh ? "近 12 个月 / 此前 12 个月" : "last 12 months / the 12 before",
                     e.vitality.last_12 ? fmt::format("{:g}", *e.vitality.last_12) : "-",
                     e.vitality.previous_12 ? fmt::format("{:g}", *e.vitality.previous_12) : "-");
  out += fmt::format("{}{:<12}{}", bold, T(lang, kScores), reset);
  for (size_t i = 0; i < e.scores.size(); ++i) {
    const auto& d = e.scores[i];
    // The range beside every score: what it could be whatever the missing evidence says.
    out += fmt::format("{}{} {} [{:.0f}–{:.0f}] ({} {}){}", i == 0 ? "" : "   ", lang == Lang::kZh ? d.spec->name_zh : d.spec->id,
                       d.value ? ScoreText(d.value) : T(lang, kUnavailable), d.low, d.high, T(lang, kCoverage), Pct(d.coverage),
                       e.previous_scores[i] && d.value ? fmt::format(fmt::runtime(lang == Lang::kZh ? " 一年前 {:.1f}" : " a year ago {:.1f}"), *e.previous_scores[i]) : "");
  }
  out += '\n';
  if (e.quadrant && e.quadrant->kind) {
    out += fmt::format("{}{:<12}{}{}", bold, T(lang, kQuadrant), reset, QuadrantLabel(m, *e.quadrant->kind, lang));
    if (e.quadrant->possible.size() > 1) {
      std::string others;
      for (size_t k = 1; k < e.quadrant->possible.size(); ++k) {
        others += (k == 1 ? "" : ", ") + QuadrantLabel(m, e.quadrant->possible[k], lang);
      }
      out += fmt::format(fmt::runtime(lang == Lang::kZh ? "  (不确定: 缺失的证据可使其成为 {})" : "  (uncertain: the missing evidence could make it {})"), others);
    }
    out += '\n';
  } else if (e.quadrant) {
    out += fmt::format("{}{:<12}{}{}\n", bold, T(lang, kQuadrant), reset, lang == Lang::kZh ? "未放置, 需要:" : "not placed; would need:");
    for (const auto& n : e.quadrant->needs) out += fmt::format("  - {}\n", n);
  }
  const size_t next = static_cast<size_t>(e.stage.stage) + 1;
  if (next < m.stages.size()) {
    const auto& c = e.stage.checks[next];
    out += fmt::format("\n{}{} {}{}", bold, T(lang, kToReach), StageName(m.stages[next], lang), reset);
    if (c.needed < static_cast<int>(c.criteria.size())) {
      out += fmt::format(fmt::runtime(lang == Lang::kZh ? "  ({} 条判据中需满足 {} 条, 已满足 {} 条)" : "  ({} of {} criteria must pass; {} do)"),
                         lang == Lang::kZh ? c.criteria.size() : static_cast<size_t>(c.needed),
                         lang == Lang::kZh ? static_cast<size_t>(c.needed) : c.criteria.size(), c.passed);
    }
    out += '\n';
    for (const auto& g : e.stage.gaps) out += fmt::format("  - {}\n", g);
  }
  return out;
}

std::string EvaluationDetails(const model::CommunityEvaluation& e, const model::ModelSpec& m, Lang lang,
                              const char* bold, const char* reset) {
  std::string out;
  if (!e.HasHistory()) return out;
  // Stage criteria.
  out += fmt::format("\n{}{}{}\n", bold, T(lang, kCriteria), reset);
  for (size_t i = 1; i < e.stage.checks.size(); ++i) {
    const auto& c = e.stage.checks[i];
    out += fmt::format("  {} {}/{}{}\n", StageName(*c.spec, lang), c.passed, c.criteria.size(), c.pass ? "  ✓" : "");
    for (const auto& cr : c.criteria) {
      out += fmt::format("    {} {:<34} {}\n", cr.pass ? "✓" : "✗", cr.spec->text, model::FormatCriterionValues(cr));
    }
  }
  // Timeline.
  if (!e.timeline.months.empty()) {
    out += fmt::format("\n{}{}{}  {} {}", bold, T(lang, kTimeline), reset, FormatMonth(e.timeline.months.front()),
                       m.stages[static_cast<size_t>(e.timeline.stages.front())].id);
    for (const auto& t : e.timeline.transitions) {
      out += fmt::format(" → {} {}", FormatMonth(t.month), m.stages[static_cast<size_t>(t.to)].id);
    }
    out += '\n';
  }
  // Score details.
  for (const auto& d : e.scores) {
    out += fmt::format("\n{}{} {}{}  [{:.0f}–{:.0f}]  {} {}\n", bold, lang == Lang::kZh ? d.spec->name_zh : d.spec->name_en,
                       d.value ? ScoreText(d.value) : T(lang, kUnavailable), reset, d.low, d.high, T(lang, kCoverage),
                       Pct(d.coverage));
    for (const auto& f : d.factors) {
      out += fmt::format("  {:<36}{:>6}  [{:.0f}–{:.0f}]  {} {}\n", lang == Lang::kZh ? f.spec->name_zh : f.spec->name_en,
                         f.value ? ScoreText(f.value) : T(lang, kUnavailable), f.low, f.high, T(lang, kCoverage), Pct(f.coverage));
      for (const auto& is : f.indicators) {
        const metrics::MetricDef* def = metrics::FindMetric(is.spec->metric);
        out += fmt::format("    {:<32}{:>12}  {}\n", is.spec->id, is.raw ? FormatMetricValue(*def, *is.raw) : "-",
                           is.score ? fmt::format("{:.2f}", *is.score) : T(lang, kNoData));
      }
    }
  }
  // Flywheel.
  const auto& f = e.flywheel;
  out += fmt::format("\n{}{}{}\n", bold, T(lang, kFlywheel), reset);
  for (const model::FlywheelSeries* s : {&f.b, &f.c, &f.p}) {
    out += fmt::format("  {}  {:<70} {} {}\n", s->id == "b" ? "B" : s->id == "c" ? "C" : "P", s->basis, T(lang, kGrowth),
                       s->growth ? fmt::format("{:+.0f}%", 100 * *s->growth) : "-");
  }
  out += fmt::format("  {} {}\n", T(lang, kMomentum), f.momentum ? fmt::format("{:+.0f}%", 100 * *f.momentum) : "-");
  auto upper = [](const std::string& id) { return id == "b" ? "B" : id == "c" ? "C" : "P"; };
  for (const auto& l : f.links) {
    const auto& same = l.rho[static_cast<size_t>(f.max_lag)];
    std::string line = fmt::format("  {}–{}  {} {}", upper(l.a), upper(l.b), lang == Lang::kZh ? "同月" : "same month",
                                   same ? fmt::format("rho {:.2f}", *same) : "-");
    if (l.best_lag && *l.best_lag != 0) {
      const bool a_leads = *l.best_lag > 0;
      line += fmt::format(fmt::runtime(lang == Lang::kZh ? "; 最强: {} 领先 {} {} 个月, rho {:.2f}" : "; strongest: {} leads {} by {} months, rho {:.2f}"),
                          upper(a_leads ? l.a : l.b), upper(a_leads ? l.b : l.a), std::abs(*l.best_lag), *l.best_rho);
    }
    out += line + "\n";
  }
  out += fmt::format("  ({})\n", T(lang, kAssociation));
  // Rings.
  const auto& r = e.rings;
  out += fmt::format("\n{}{}{}\n", bold, T(lang, kRings), reset);
  out += fmt::format("  core {}   regular {}   casual {}   users {}   audience {}\n", r.core, r.regular, r.casual,
                     r.users ? fmt::format("{}", *r.users) : "-", r.audience ? fmt::format("{}", *r.audience) : "-");
  if (!r.core_orgs.empty()) {
    out += "  core:";
    for (size_t i = 0; i < r.core_orgs.size() && i < 8; ++i) {
      out += fmt::format("{} {} {}", i == 0 ? "" : ",", r.core_orgs[i].name, r.core_orgs[i].people);
    }
    if (r.core_orgs.size() > 8) out += fmt::format(", +{}", r.core_orgs.size() - 8);
    out += '\n';
  }
  // Funnel.
  out += fmt::format("\n{}{} {} .. {}){}\n", bold, T(lang, kFunnel), FormatDate(e.funnel.cohort_window.begin),
                     FormatDate(e.funnel.cohort_window.end - kSecondsPerDay), reset);
  for (const auto& s : e.funnel.steps) {
    if (!s.cohort) {
      out += fmt::format("  {:<26}{}\n", fmt::format("{} → {}", s.from, s.to), T(lang, kNoData));
    } else {
      out += fmt::format("  {:<26}{} / {}{}\n", fmt::format("{} → {}", s.from, s.to), *s.reached, *s.cohort,
                         s.rate ? fmt::format("  ({})", Pct(*s.rate)) : "");
    }
  }
  // Internationalisation.
  const auto& i18n = e.i18n;
  out += fmt::format("\n{}{}{}\n", bold, T(lang, kI18n), reset);
  if (i18n.region_shares) {
    out += fmt::format("  {:<28}Americas {}  Europe-Africa {}  Asia-Pacific {}  (tz entropy {:.2f})\n", T(lang, kRegions),
                       Pct((*i18n.region_shares)[0]), Pct((*i18n.region_shares)[1]), Pct((*i18n.region_shares)[2]),
                       i18n.tz_entropy.value_or(0));
  }
  if (i18n.title_shares) {
    out += fmt::format("  {:<28}zh {}  en {}  other {}  ({} titles)\n", T(lang, kTitles), Pct((*i18n.title_shares)[0]),
                       Pct((*i18n.title_shares)[1]), Pct((*i18n.title_shares)[2]), i18n.titles);
  }
  std::string docs;
  for (const auto& l : i18n.doc_languages) docs += (docs.empty() ? "" : ", ") + l;
  out += fmt::format("  {:<28}{}\n", T(lang, kDocs), docs.empty() ? "-" : docs);
  return out;
}

}  // namespace

std::string VitalityWord(model::VitalityState s, Lang lang) {
  static constexpr std::string_view kEn[] = {"active", "declining", "dormant", "archived", "unknown"};
  static constexpr std::string_view kZh[] = {"活跃", "衰退", "休眠", "已归档", "未知"};
  return std::string(lang == Lang::kZh ? kZh[static_cast<int>(s)] : kEn[static_cast<int>(s)]);
}

std::string RenderEvaluationTable(const model::CommunityEvaluation& e, const model::ModelSpec& m, Lang lang, bool color) {
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  const std::string assessment = RenderAssessmentTable(e.assessment, color);
  // The assessment's header (name, repositories, history), then the model's verdict, then the
  // metric tables and the evidence.
  const size_t header_end = assessment.find("\n\n");
  std::string out = assessment.substr(0, header_end + 1);
  out += fmt::format("  {:<10}  {} {}\n\n", T(lang, kModel), m.name, m.version);
  out += EvaluationSummary(e, m, lang, bold, reset);
  out += EvaluationDetails(e, m, lang, bold, reset);
  out += '\n';
  out += assessment.substr(header_end + 2);
  return out;
}

std::string RenderLandscapeTable(const model::LandscapeEvaluation& l, const model::ModelSpec& m, Lang lang, bool color,
                                 size_t width) {
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  std::string out = fmt::format("{}{}{}  {} {}  ({} {} {})\n", bold, l.name, reset, lang == Lang::kZh ? "评估日期" : "as of",
                                FormatDate(l.as_of), T(lang, kModel), m.name, m.version);
  out += fmt::format("{} x = {}, y = {}, {} {:.1f} / {:.1f}\n\n", T(lang, kQuadrant), m.quadrant.x, m.quadrant.y,
                     m.quadrant.median_split ? (lang == Lang::kZh ? "中位数分割" : "split at the medians")
                                             : (lang == Lang::kZh ? "固定分割" : "split at"),
                     l.split_x, l.split_y);
  const auto* ydim = m.FindDimension(m.quadrant.y);
  const auto* xdim = m.FindDimension(m.quadrant.x);
  const bool zh = lang == Lang::kZh;
  const std::vector<TextColumn> columns = {
      {zh ? "社区" : "community"},
      {T(lang, kStage)},
      {T(lang, kVitality)},
      {zh ? ydim->name_zh : ydim->id, /*right=*/true},
      {zh ? xdim->name_zh : xdim->id, /*right=*/true},
      {T(lang, kQuadrant)},
      {zh ? "一年变化 (y, x)" : "12-month move (y, x)", /*right=*/true, /*optional=*/true},
  };
  std::vector<std::vector<std::string>> rows;
  for (const auto& c : l.communities) {
    const auto& q = *c.quadrant;
    std::string move = "-";
    if (q.x && q.y && q.prev_x && q.prev_y) move = fmt::format("{:+.1f}, {:+.1f}", *q.y - *q.prev_y, *q.x - *q.prev_x);
    std::string label = zh ? "未放置" : "not placed";
    if (q.kind) label = QuadrantLabel(m, *q.kind, lang) + (q.possible.size() > 1 ? "?" : "");
    if (!c.HasHistory()) {
      rows.push_back({c.assessment.community, zh ? "无历史" : "no history", "-", "-", "-", label, "-"});
      continue;
    }
    const auto& stage = m.stages[static_cast<size_t>(c.stage.stage)];
    rows.push_back({c.assessment.community, zh ? stage.name_zh : stage.id,
                    VitalityWord(c.vitality.state, lang), ScoreText(q.y), ScoreText(q.x), label, move});
  }
  out += RenderTextTable(columns, rows, width, bold, reset);
  if (std::any_of(l.communities.begin(), l.communities.end(), [](const auto& c) { return c.quadrant->possible.size() > 1; })) {
    out += zh ? "? 象限不确定: 得分范围跨越分割线\n" : "? uncertain: a score's range given the missing evidence crosses a split\n";
  }
  for (const auto& c : l.communities) {
    out += fmt::format("\n{}── {} ──{}\n", bold, c.assessment.community, reset);
    out += EvaluationSummary(c, m, lang, bold, reset);
  }
  return out;
}

}  // namespace oscm::report
