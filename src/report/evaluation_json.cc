#include "report/evaluation_report.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "metrics/registry.h"
#include "report/assessment_report.h"
#include "report/json_writer.h"

// The JSON renderers (docs/json.md).
namespace oscm::report {
namespace {

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
      w.Key("high");
      w.Number(f->high, 2);
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
      w.Key("low");
      w.Number(f->low, 2);
      w.Key("value");
      Optional(w, f->value, 2);
      w.Key("weight");
      w.Number(f->spec->weight, 2);
      w.EndObject();
    }
    w.EndObject();
    w.Key("high");
    w.Number(d.high, 2);
    w.Key("low");
    w.Number(d.low, 2);
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
      if (!cr.spec->alternatives.empty()) {
        w.Key("alternatives");
        w.BeginArray();
        for (size_t k = 0; k < cr.spec->alternatives.size(); ++k) {
          const model::Criterion& alt = cr.spec->alternatives[k];
          w.BeginObject();
          w.Key("metric");
          w.String(alt.metric);
          w.Key("op");
          w.String(OpText(alt.op));
          w.Key("target");
          w.Number(alt.value, 4);
          w.Key("value");
          WriteMetricValue(w, alt.metric, cr.alternative_values[k]);
          w.EndObject();
        }
        w.EndArray();
      }
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
  w.Key("held");
  if (s.raw_stage && s.failing_since) {
    w.BeginObject();
    w.Key("failing_since");
    w.String(FormatMonth(*s.failing_since));
    w.Key("raw");
    w.String(m.stages[static_cast<size_t>(*s.raw_stage)].id);
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
  w.Key("new_contributors");
  WriteMonthly(w, f.new_contributors, f.months);
  w.Key("note");
  w.String("Spearman rank correlations of month-over-month changes; lag k > 0: a leads b by k months. "
           "Associations, not causes.");
  WriteFlywheelSeries(w, f.p, f.months);
  w.Key("releases");
  WriteMonthly(w, f.releases, f.months);
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
  w.Key("certain");
  if (q.kind) w.Bool(q.possible.size() == 1); else w.Null();
  w.Key("could_be");
  w.BeginArray();
  for (model::QuadrantKind k : q.possible) w.String(model::QuadrantId(k));
  w.EndArray();
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
  w.Key("needs");
  w.BeginArray();
  for (const auto& n : q.needs) w.String(n);
  w.EndArray();
  w.Key("previous");
  w.BeginObject();
  w.Key("x");
  Optional(w, q.prev_x, 2);
  w.Key("y");
  Optional(w, q.prev_y, 2);
  w.EndObject();
  w.Key("x");
  Optional(w, q.x, 2);
  w.Key("x_range");
  w.BeginArray();
  w.Number(q.x_low, 2);
  w.Number(q.x_high, 2);
  w.EndArray();
  w.Key("y");
  Optional(w, q.y, 2);
  w.Key("y_range");
  w.BeginArray();
  w.Number(q.y_low, 2);
  w.Number(q.y_high, 2);
  w.EndArray();
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
  j["warnings"] = [&e](JsonWriter& w) {
    w.BeginArray();
    for (const auto& s : e.warnings) w.String(s);
    w.EndArray();
  };
  j["first_evidence"] = [&e](JsonWriter& w) {
    if (e.first_evidence == 0) w.Null(); else w.String(FormatTimestamp(e.first_evidence));
  };
  // Before the first evidence there is no history to judge: no stage, vitality or scores.
  if (!e.HasHistory()) {
    for (const char* key : {"scores", "stage", "vitality"}) j[key] = [](JsonWriter& w) { w.Null(); };
    return;
  }
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

}  // namespace

std::string RenderEvaluationJson(const model::CommunityEvaluation& e, const model::ModelSpec& m) {
  JsonMembers members;
  AddEvaluationMembers(e, m, /*with_model=*/true, &members);
  JsonWriter w;
  WriteMembers(w, members);
  return w.str() + "\n";
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

}  // namespace oscm::report
