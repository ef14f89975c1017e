#include "report/evaluation_report.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "metrics/registry.h"
#include "report/assessment_report.h"
#include "report/json_writer.h"

namespace oscm::report {
namespace {

// ---------------------------------------------------------------------------------------------
// JSON

void Optional(JsonWriter& w, const std::optional<double>& v, int decimals) {
  if (v) {
    w.Number(*v, decimals);
  } else {
    w.Null();
  }
}

void OptionalInt(JsonWriter& w, const std::optional<int64_t>& v) {
  if (v) {
    w.Int(*v);
  } else {
    w.Null();
  }
}

std::string_view OpText(model::CompareOp op) {
  switch (op) {
    case model::CompareOp::kGe: return ">=";
    case model::CompareOp::kGt: return ">";
    case model::CompareOp::kLe: return "<=";
    case model::CompareOp::kLt: return "<";
    case model::CompareOp::kEq: return "==";
    case model::CompareOp::kNe: return "!=";
  }
  return ">=";
}

void WriteMetricValue(JsonWriter& w, const std::string& metric, const std::optional<double>& v) {
  const metrics::MetricDef* def = metrics::FindMetric(metric);
  WriteValue(w, *def, v);
}

void WriteScores(JsonWriter& w, const model::CommunityEvaluation& e) {
  w.BeginObject();
  // Dimensions in id order, so the keys stay sorted.
  std::vector<size_t> order(e.scores.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return e.scores[a].spec->id < e.scores[b].spec->id; });
  for (size_t i : order) {
    const model::DimensionScore& d = e.scores[i];
    w.Key(d.spec->id);
    w.BeginObject();
    w.Key("coverage");
    w.Number(d.coverage, 4);
    w.Key("factors");
    w.BeginObject();
    std::vector<const model::FactorScore*> factors;
    for (const auto& f : d.factors) factors.push_back(&f);
    std::sort(factors.begin(), factors.end(), [](auto* a, auto* b) { return a->spec->id < b->spec->id; });
    for (const auto* f : factors) {
      w.Key(f->spec->id);
      w.BeginObject();
      w.Key("coverage");
      w.Number(f->coverage, 4);
      w.Key("indicators");
      w.BeginObject();
      std::vector<const model::IndicatorScore*> indicators;
      for (const auto& is : f->indicators) indicators.push_back(&is);
      std::sort(indicators.begin(), indicators.end(), [](auto* a, auto* b) { return a->spec->id < b->spec->id; });
      for (const auto* is : indicators) {
        w.Key(is->spec->id);
        w.BeginObject();
        w.Key("metric");
        w.String(is->spec->metric);
        w.Key("raw");
        WriteMetricValue(w, is->spec->metric, is->raw);
        w.Key("score");
        Optional(w, is->score, 4);
        w.Key("weight");
        w.Number(is->weight, 2);
        w.EndObject();
      }
      w.EndObject();
      w.Key("value");
      Optional(w, f->value, 2);
      w.Key("weight");
      w.Number(f->spec->weight, 2);
      w.EndObject();
    }
    w.EndObject();
    w.Key("previous");
    Optional(w, e.previous_scores[i], 2);
    w.Key("value");
    Optional(w, d.value, 2);
    w.EndObject();
  }
  w.EndObject();
}

void WriteStage(JsonWriter& w, const model::CommunityEvaluation& e, const model::ModelSpec& m) {
  const model::StageResult& s = e.stage;
  w.BeginObject();
  w.Key("criteria");
  w.BeginObject();
  // Stage ids are not in alphabetical order; write them as an object keyed by id, sorted.
  std::vector<const model::StageCheck*> checks;
  for (const auto& c : s.checks) checks.push_back(&c);
  std::sort(checks.begin(), checks.end(), [](auto* a, auto* b) { return a->spec->id < b->spec->id; });
  for (const auto* c : checks) {
    w.Key(c->spec->id);
    w.BeginObject();
    w.Key("checks");
    w.BeginArray();
    for (const auto& cr : c->criteria) {
      w.BeginObject();
      w.Key("criterion");
      w.String(cr.spec->text);
      w.Key("metric");
      w.String(cr.spec->metric);
      w.Key("op");
      w.String(OpText(cr.spec->op));
      w.Key("pass");
      w.Bool(cr.pass);
      w.Key("target");
      w.Number(cr.spec->value, 4);
      w.Key("value");
      WriteMetricValue(w, cr.spec->metric, cr.value);
      w.EndObject();
    }
    w.EndArray();
    w.Key("needed");
    w.Int(c->needed);
    w.Key("pass");
    w.Bool(c->pass);
    w.Key("passed");
    w.Int(c->passed);
    w.EndObject();
  }
  w.EndObject();
  w.Key("gaps");
  const size_t next = static_cast<size_t>(s.stage) + 1;
  if (next < m.stages.size()) {
    w.BeginObject();
    w.Key("criteria");
    w.BeginArray();
    for (const auto& g : s.gaps) w.String(g);
    w.EndArray();
    w.Key("needed");
    w.Int(s.gaps_needed);
    w.Key("to");
    w.String(m.stages[next].id);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("id");
  w.String(m.stages[static_cast<size_t>(s.stage)].id);
  w.Key("name");
  w.String(m.stages[static_cast<size_t>(s.stage)].name_en);
  w.Key("name_zh");
  w.String(m.stages[static_cast<size_t>(s.stage)].name_zh);
  w.Key("timeline");
  w.BeginObject();
  w.Key("months");
  w.BeginObject();
  for (size_t i = 0; i < e.timeline.months.size(); ++i) {
    w.Key(FormatMonth(e.timeline.months[i]));
    w.String(m.stages[static_cast<size_t>(e.timeline.stages[i])].id);
  }
  w.EndObject();
  w.Key("transitions");
  w.BeginArray();
  for (const auto& t : e.timeline.transitions) {
    w.BeginObject();
    w.Key("from");
    w.String(m.stages[static_cast<size_t>(t.from)].id);
    w.Key("month");
    w.String(FormatMonth(t.month));
    w.Key("to");
    w.String(m.stages[static_cast<size_t>(t.to)].id);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
}

void WriteMonthly(JsonWriter& w, const std::vector<double>& values, const std::vector<MonthIndex>& months) {
  w.BeginObject();
  for (size_t i = 0; i < months.size(); ++i) {
    w.Key(FormatMonth(months[i]));
    w.Int(static_cast<int64_t>(std::llround(values[i])));
  }
  w.EndObject();
}

void WriteFlywheelSeries(JsonWriter& w, const model::FlywheelSeries& s, const std::vector<MonthIndex>& months) {
  w.Key(s.id);
  w.BeginObject();
  w.Key("basis");
  w.String(s.basis);
  w.Key("components");
  w.BeginObject();
  auto components = s.components;
  std::sort(components.begin(), components.end());
  for (const auto& [name, values] : components) {
    w.Key(name);
    WriteMonthly(w, values, months);
  }
  w.EndObject();
  w.Key("growth");
  Optional(w, s.growth, 4);
  w.Key("series");
  WriteMonthly(w, s.values, months);
  w.EndObject();
}

void WriteFlywheel(JsonWriter& w, const model::Flywheel& f) {
  w.BeginObject();
  for (const model::FlywheelSeries* s : {&f.b, &f.c}) WriteFlywheelSeries(w, *s, f.months);
  w.Key("links");
  w.BeginArray();
  for (const auto& l : f.links) {
    w.BeginObject();
    w.Key("a");
    w.String(l.a);
    w.Key("b");
    w.String(l.b);
    w.Key("best_lag");
    OptionalInt(w, l.best_lag ? std::optional<int64_t>(*l.best_lag) : std::nullopt);
    w.Key("best_rho");
    Optional(w, l.best_rho, 4);
    w.Key("rho");
    w.BeginObject();  // by lag; keys sort as strings, so they are zero-padded with a sign
    std::vector<std::pair<std::string, size_t>> lags;
    for (size_t i = 0; i < l.rho.size(); ++i) {
      lags.emplace_back(fmt::format("{:+03d}", static_cast<int>(i) - f.max_lag), i);
    }
    std::sort(lags.begin(), lags.end());
    for (const auto& [key, i] : lags) {
      w.Key(key);
      Optional(w, l.rho[i], 4);
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.Key("momentum");
  Optional(w, f.momentum, 4);
  w.Key("note");
  w.String("Spearman rank correlations of month-over-month changes; lag k > 0: a leads b by k months. "
           "Associations, not causes.");
  WriteFlywheelSeries(w, f.p, f.months);
  w.EndObject();
}

void WriteRings(JsonWriter& w, const model::TalentRings& r) {
  w.BeginObject();
  w.Key("audience");
  OptionalInt(w, r.audience);
  w.Key("casual");
  w.Int(r.casual);
  w.Key("core");
  w.Int(r.core);
  w.Key("core_organisations");
  w.BeginArray();
  for (const auto& o : r.core_orgs) {
    w.BeginObject();
    w.Key("name");
    w.String(o.name);
    w.Key("people");
    w.Int(o.people);
    w.EndObject();
  }
  w.EndArray();
  w.Key("regular");
  w.Int(r.regular);
  w.Key("users");
  OptionalInt(w, r.users);
  w.EndObject();
}

void WriteFunnel(JsonWriter& w, const model::Funnel& f) {
  w.BeginObject();
  w.Key("cohort_window");
  w.BeginObject();
  w.Key("begin");
  w.String(FormatDate(f.cohort_window.begin));
  w.Key("end");
  w.String(FormatDate(f.cohort_window.end - kSecondsPerDay));
  w.EndObject();
  w.Key("steps");
  w.BeginArray();
  for (const auto& s : f.steps) {
    w.BeginObject();
    w.Key("cohort");
    OptionalInt(w, s.cohort);
    w.Key("from");
    w.String(s.from);
    w.Key("rate");
    Optional(w, s.rate, 4);
    w.Key("reached");
    OptionalInt(w, s.reached);
    w.Key("to");
    w.String(s.to);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteInternationalisation(JsonWriter& w, const model::Internationalisation& i) {
  w.BeginObject();
  w.Key("doc_languages");
  w.BeginArray();
  for (const auto& l : i.doc_languages) w.String(l);
  w.EndArray();
  w.Key("regions");
  if (i.region_shares) {
    w.BeginObject();
    w.Key("americas");
    w.Number((*i.region_shares)[0], 4);
    w.Key("asia_pacific");
    w.Number((*i.region_shares)[2], 4);
    w.Key("europe_africa");
    w.Number((*i.region_shares)[1], 4);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("title_languages");
  if (i.title_shares) {
    w.BeginObject();
    w.Key("en");
    w.Number((*i.title_shares)[1], 4);
    w.Key("other");
    w.Number((*i.title_shares)[2], 4);
    w.Key("zh");
    w.Number((*i.title_shares)[0], 4);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("titles");
  w.Int(i.titles);
  w.Key("tz_entropy");
  Optional(w, i.tz_entropy, 4);
  w.EndObject();
}

void WriteQuadrant(JsonWriter& w, const model::QuadrantPlacement& q, const model::ModelSpec& m) {
  w.BeginObject();
  w.Key("id");
  if (q.kind) w.String(model::QuadrantId(*q.kind)); else w.Null();
  w.Key("label");
  if (q.kind) w.String(m.quadrant.labels[static_cast<size_t>(*q.kind)][0]); else w.Null();
  w.Key("label_zh");
  if (q.kind) w.String(m.quadrant.labels[static_cast<size_t>(*q.kind)][1]); else w.Null();
  w.Key("movement");
  if (q.x && q.y && q.prev_x && q.prev_y) {
    w.BeginObject();
    w.Key("dx");
    w.Number(*q.x - *q.prev_x, 2);
    w.Key("dy");
    w.Number(*q.y - *q.prev_y, 2);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("previous");
  w.BeginObject();
  w.Key("x");
  Optional(w, q.prev_x, 2);
  w.Key("y");
  Optional(w, q.prev_y, 2);
  w.EndObject();
  w.Key("x");
  Optional(w, q.x, 2);
  w.Key("y");
  Optional(w, q.y, 2);
  w.EndObject();
}

// The declared facts known by the evaluation date, with their sources: the evidence behind the
// profile metrics.
void WriteProfile(JsonWriter& w, const model::CommunityEvaluation& e) {
  w.BeginArray();
  for (const auto& f : e.profile) {
    w.BeginObject();
    w.Key("as_of");
    w.String(FormatDate(f.as_of));
    w.Key("detail");
    w.String(f.detail);
    w.Key("kind");
    w.String(f.kind);
    w.Key("name");
    w.String(f.name);
    w.Key("since");
    if (f.since != 0) w.String(FormatDate(f.since)); else w.Null();
    w.Key("source");
    w.String(f.source);
    w.EndObject();
  }
  w.EndArray();
}

void WriteModel(JsonWriter& w, const model::ModelSpec& m) {
  w.BeginObject();
  w.Key("name");
  w.String(m.name);
  w.Key("path");
  w.String(m.path);
  w.Key("version");
  w.String(m.version);
  w.EndObject();
}

void AddEvaluationMembers(const model::CommunityEvaluation& e, const model::ModelSpec& m, bool with_model,
                          JsonMembers* members) {
  AddAssessmentMembers(e.assessment, members);
  JsonMembers& j = *members;
  j["flywheel"] = [&e](JsonWriter& w) { WriteFlywheel(w, e.flywheel); };
  j["funnel"] = [&e](JsonWriter& w) { WriteFunnel(w, e.funnel); };
  j["internationalisation"] = [&e](JsonWriter& w) { WriteInternationalisation(w, e.i18n); };
  if (with_model) j["model"] = [&m](JsonWriter& w) { WriteModel(w, m); };
  if (e.quadrant) j["quadrant"] = [&e, &m](JsonWriter& w) { WriteQuadrant(w, *e.quadrant, m); };
  j["profile"] = [&e](JsonWriter& w) { WriteProfile(w, e); };
  j["rings"] = [&e](JsonWriter& w) { WriteRings(w, e.rings); };
  j["scores"] = [&e](JsonWriter& w) { WriteScores(w, e); };
  j["stage"] = [&e, &m](JsonWriter& w) { WriteStage(w, e, m); };
  j["vitality"] = [&e, &m](JsonWriter& w) {
    w.BeginObject();
    w.Key("id");
    w.String(model::VitalityId(e.vitality.state));
    w.Key("last_12_months");
    WriteMetricValue(w, m.vitality.metric, e.vitality.last_12);
    w.Key("metric");
    w.String(m.vitality.metric);
    w.Key("previous_12_months");
    WriteMetricValue(w, m.vitality.metric, e.vitality.previous_12);
    w.Key("recent");
    WriteMetricValue(w, m.vitality.metric, e.vitality.recent);
    w.Key("recent_months");
    w.Int(m.vitality.dormant_months);
    w.EndObject();
  };
}

// ---------------------------------------------------------------------------------------------
// Terminal

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

// Display columns of a UTF-8 string: CJK characters take two.
size_t Columns(const std::string& s) {
  size_t cols = 0;
  for (size_t i = 0; i < s.size();) {
    const auto ch = static_cast<unsigned char>(s[i]);
    const size_t n = ch >= 0xF0 ? 4 : ch >= 0xE0 ? 3 : ch >= 0xC0 ? 2 : 1;
    cols += n >= 3 ? 2 : 1;
    i += n;
  }
  return cols;
}

std::string Pad(const std::string& s, size_t width) {
  const size_t cols = Columns(s);
  return cols >= width ? s + " " : s + std::string(width - cols, ' ');
}

std::string PadLeft(const std::string& s, size_t width) {
  const size_t cols = Columns(s);
  return cols >= width ? " " + s : std::string(width - cols, ' ') + s;
}

std::string Pct(double v) { return fmt::format("{:.0f}%", 100 * v); }

std::string VitalityWord(model::VitalityState s, Lang lang) {
  static constexpr Words kWords[] = {{"active", "活跃"}, {"declining", "衰退"}, {"dormant", "休眠"}, {"archived", "已归档"}};
  return T(lang, kWords[static_cast<int>(s)]);
}

std::string StageName(const model::StageSpec& s, Lang lang) {
  return lang == Lang::kZh ? fmt::format("{} ({})", s.name_zh, s.id) : fmt::format("{} ({})", s.id, s.name_zh);
}

std::string ScoreText(const std::optional<double>& v) { return v ? fmt::format("{:.1f}", *v) : "-"; }

std::string EvaluationSummary(const model::CommunityEvaluation& e, const model::ModelSpec& m, Lang lang,
                              const char* bold, const char* reset) {
  std::string out;
  const auto& stage = m.stages[static_cast<size_t>(e.stage.stage)];
  out += fmt::format("{}{:<12}{}{}", bold, T(lang, kStage), reset, StageName(stage, lang));
  for (auto it = e.timeline.transitions.rbegin(); it != e.timeline.transitions.rend(); ++it) {
    if (it->to == e.stage.stage) {
      out += fmt::format(fmt::runtime(lang == Lang::kZh ? "  自 {}" : "  since {}"), FormatMonth(it->month));
      break;
    }
  }
  out += '\n';
  out += fmt::format("{}{:<12}{}{}  ({} {}: {} / {})\n", bold, T(lang, kVitality), reset,
                     VitalityWord(e.vitality.state, lang), m.vitality.metric, lang == Lang::kZh ? "近 12 个月 / 此前 12 个月" : "last 12 months / the 12 before",
                     e.vitality.last_12 ? fmt::format("{:g}", *e.vitality.last_12) : "-",
                     e.vitality.previous_12 ? fmt::format("{:g}", *e.vitality.previous_12) : "-");
  out += fmt::format("{}{:<12}{}", bold, T(lang, kScores), reset);
  for (size_t i = 0; i < e.scores.size(); ++i) {
    const auto& d = e.scores[i];
    out += fmt::format("{}{} {} ({} {}){}", i == 0 ? "" : "   ", lang == Lang::kZh ? d.spec->name_zh : d.spec->id,
                       d.value ? ScoreText(d.value) : T(lang, kUnavailable), T(lang, kCoverage), Pct(d.coverage),
                       e.previous_scores[i] && d.value ? fmt::format(fmt::runtime(lang == Lang::kZh ? " 一年前 {:.1f}" : " a year ago {:.1f}"), *e.previous_scores[i]) : "");
  }
  out += '\n';
  if (e.quadrant && e.quadrant->kind) {
    const auto& labels = m.quadrant.labels[static_cast<size_t>(*e.quadrant->kind)];
    out += fmt::format("{}{:<12}{}{}\n", bold, T(lang, kQuadrant), reset, lang == Lang::kZh ? labels[1] : labels[0]);
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
  // Stage criteria.
  out += fmt::format("\n{}{}{}\n", bold, T(lang, kCriteria), reset);
  for (size_t i = 1; i < e.stage.checks.size(); ++i) {
    const auto& c = e.stage.checks[i];
    out += fmt::format("  {} {}/{}{}\n", StageName(*c.spec, lang), c.passed, c.criteria.size(), c.pass ? "  ✓" : "");
    for (const auto& cr : c.criteria) {
      out += fmt::format("    {} {:<34} {}\n", cr.pass ? "✓" : "✗", cr.spec->text, model::FormatCriterionValue(*cr.spec, cr.value));
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
    out += fmt::format("\n{}{} {}{}\n", bold, lang == Lang::kZh ? d.spec->name_zh : d.spec->name_en, ScoreText(d.value), reset);
    for (const auto& f : d.factors) {
      out += fmt::format("  {:<36}{:>6}  {} {}\n", lang == Lang::kZh ? f.spec->name_zh : f.spec->name_en,
                         f.value ? ScoreText(f.value) : T(lang, kUnavailable), T(lang, kCoverage), Pct(f.coverage));
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

std::string RenderEvaluationJson(const model::CommunityEvaluation& e, const model::ModelSpec& m) {
  JsonMembers members;
  AddEvaluationMembers(e, m, /*with_model=*/true, &members);
  JsonWriter w;
  WriteMembers(w, members);
  return w.str() + "\n";
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

std::string RenderLandscapeJson(const model::LandscapeEvaluation& l, const model::ModelSpec& m) {
  JsonWriter w;
  w.BeginObject();
  w.Key("as_of");
  w.String(FormatDate(l.as_of));
  w.Key("communities");
  w.BeginArray();
  std::vector<JsonMembers> members(l.communities.size());
  for (size_t i = 0; i < l.communities.size(); ++i) {
    AddEvaluationMembers(l.communities[i], m, /*with_model=*/false, &members[i]);
    WriteMembers(w, members[i]);
  }
  w.EndArray();
  w.Key("landscape");
  w.String(l.name);
  w.Key("model");
  WriteModel(w, m);
  w.Key("quadrant");
  w.BeginObject();
  w.Key("split");
  w.String(m.quadrant.median_split ? "median" : "fixed");
  w.Key("split_x");
  w.Number(l.split_x, 2);
  w.Key("split_y");
  w.Number(l.split_y, 2);
  w.Key("x");
  w.String(m.quadrant.x);
  w.Key("y");
  w.String(m.quadrant.y);
  w.EndObject();
  w.EndObject();
  return w.str() + "\n";
}

std::string RenderLandscapeTable(const model::LandscapeEvaluation& l, const model::ModelSpec& m, Lang lang, bool color) {
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
  out += fmt::format("{}{}{}{}{}{}{}  {}{}\n", bold, Pad(lang == Lang::kZh ? "社区" : "community", 18), Pad(T(lang, kStage), 28),
                     Pad(T(lang, kVitality), 12), PadLeft(lang == Lang::kZh ? ydim->name_zh : ydim->id, 12),
                     PadLeft(lang == Lang::kZh ? xdim->name_zh : xdim->id, 12),
                     PadLeft(lang == Lang::kZh ? "一年变化 (y, x)" : "12-month move (y, x)", 22), T(lang, kQuadrant), reset);
  for (const auto& c : l.communities) {
    const auto& q = *c.quadrant;
    std::string move = "-";
    if (q.x && q.y && q.prev_x && q.prev_y) move = fmt::format("{:+.1f}, {:+.1f}", *q.y - *q.prev_y, *q.x - *q.prev_x);
    std::string label = "-";
    if (q.kind) {
      const auto& labels = m.quadrant.labels[static_cast<size_t>(*q.kind)];
      label = lang == Lang::kZh ? labels[1] : labels[0];
    }
    const std::string stage = StageName(m.stages[static_cast<size_t>(c.stage.stage)], lang);
    out += fmt::format("{}{}{}{}{}{}  {}\n", Pad(c.assessment.community, 18), Pad(stage, 28),
                       Pad(VitalityWord(c.vitality.state, lang), 12), PadLeft(ScoreText(q.y), 12), PadLeft(ScoreText(q.x), 12),
                       PadLeft(move, 22), label);
  }
  for (const auto& c : l.communities) {
    out += fmt::format("\n{}── {} ──{}\n", bold, c.assessment.community, reset);
    out += EvaluationSummary(c, m, lang, bold, reset);
  }
  return out;
}

}  // namespace oscm::report
