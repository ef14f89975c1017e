#include "model/stages.h"

#include <cmath>

#include <fmt/format.h>

#include "metrics/registry.h"

namespace oscm::model {

bool Compare(double value, CompareOp op, double target) {
  switch (op) {
    case CompareOp::kGe: return value >= target;
    case CompareOp::kGt: return value > target;
    case CompareOp::kLe: return value <= target;
    case CompareOp::kLt: return value < target;
    case CompareOp::kEq: return value == target;
    case CompareOp::kNe: return value != target;
  }
  return false;
}

std::string FormatCriterionValue(const Criterion& c, std::optional<double> value) {
  if (!value) return "no data";
  const metrics::MetricDef* def = metrics::FindMetric(c.metric);
  if (def != nullptr && (def->unit == "share" || def->unit == "bits" || def->unit == "years" || def->unit == "hours")) {
    return fmt::format("{:.2f}", *value);
  }
  return std::floor(*value) == *value ? fmt::format("{}", static_cast<int64_t>(*value)) : fmt::format("{:.2f}", *value);
}

std::string FormatCriterionValues(const CriterionResult& r) {
  if (r.spec->alternatives.empty()) return FormatCriterionValue(*r.spec, r.value);
  std::string out = fmt::format("{} {}", r.spec->metric, FormatCriterionValue(*r.spec, r.value));
  for (size_t i = 0; i < r.spec->alternatives.size(); ++i) {
    const Criterion& alt = r.spec->alternatives[i];
    out += fmt::format(", {} {}", alt.metric, FormatCriterionValue(alt, r.alternative_values[i]));
  }
  return out;
}

StageResult EvaluateStage(const ModelSpec& model, MetricSnapshot& metrics) {
  StageResult r;
  bool reached = true;
  for (size_t i = 0; i < model.stages.size(); ++i) {
    const StageSpec& s = model.stages[i];
    StageCheck check;
    check.spec = &s;
    for (const Criterion& c : s.criteria) {
      CriterionResult cr;
      cr.spec = &c;
      cr.value = metrics.Get(c.metric);
      cr.pass = cr.value.has_value() && Compare(*cr.value, c.op, c.value);
      for (const Criterion& alt : c.alternatives) {
        const std::optional<double> v = metrics.Get(alt.metric);
        cr.alternative_values.push_back(v);
        cr.pass = cr.pass || (v.has_value() && Compare(*v, alt.op, alt.value));
      }
      check.passed += cr.pass ? 1 : 0;
      check.criteria.push_back(cr);
    }
    check.needed = static_cast<int>(std::ceil(s.min_pass * static_cast<double>(s.criteria.size()) - 1e-9));
    check.pass = check.passed >= check.needed;
    if (reached && check.pass) {
      r.stage = static_cast<int>(i);
    } else {
      reached = false;
    }
    r.checks.push_back(std::move(check));
  }
  SetStage(&r, r.stage);
  return r;
}

void SetStage(StageResult* r, int stage) {
  r->stage = stage;
  r->gaps.clear();
  r->gaps_needed = 0;
  const size_t next = static_cast<size_t>(stage) + 1;
  if (next < r->checks.size()) {
    const StageCheck& c = r->checks[next];
    r->gaps_needed = std::max(0, c.needed - c.passed);
    for (const auto& cr : c.criteria) {
      if (!cr.pass) r->gaps.push_back(fmt::format("{}, now {}", cr.spec->text, FormatCriterionValues(cr)));
    }
  }
}

StageTimeline EvaluateTimeline(const ModelSpec& model, const metrics::CommunityActivity& activity, int64_t as_of,
                               ScoreTimeline* scores) {
  StageTimeline t;
  if (activity.first_commit == 0 || activity.first_commit > as_of) return t;
  const MonthIndex last = MonthOf(as_of);
  if (scores != nullptr) scores->values.assign(model.dimensions.size(), {});
  for (MonthIndex m = MonthOf(activity.first_commit); m <= last; ++m) {
    const int64_t end = m == last ? as_of : MonthStart(m + 1) - kSecondsPerDay;
    MetricSnapshot snapshot(activity, TrailingMonths(end, 12));
    t.months.push_back(m);
    t.raw.push_back(EvaluateStage(model, snapshot).stage);
    if (scores != nullptr) {
      scores->months.push_back(m);
      const std::vector<DimensionScore> dims = ScoreDimensions(model, snapshot, nullptr);
      for (size_t d = 0; d < dims.size(); ++d) scores->values[d].push_back(dims[d].value);
    }
  }
  std::vector<int> smoothed = t.raw;
  SmoothStages(model.timeline.min_months, &smoothed);
  t.stages = HoldStages(model.timeline.leave_months, smoothed);
  if (!t.stages.empty() && t.raw.back() < t.stages.back()) {
    size_t i = t.raw.size();
    while (i > 0 && t.raw[i - 1] < t.stages.back()) --i;
    t.failing_since = t.months[i];
  }
  for (size_t i = 1; i < t.stages.size(); ++i) {
    if (t.stages[i] != t.stages[i - 1]) t.transitions.push_back(StageTransition{t.months[i], t.stages[i - 1], t.stages[i]});
  }
  return t;
}

std::vector<int> HoldStages(int leave_months, const std::vector<int>& raw) {
  std::vector<int> out;
  int current = 0;
  int below = 0;  // consecutive months under the current stage
  for (size_t i = 0; i < raw.size(); ++i) {
    if (i == 0 || raw[i] >= current) {
      current = raw[i];
      below = 0;
    } else if (++below >= leave_months) {
      current = raw[i];
      below = 0;
    }
    out.push_back(current);
  }
  return out;
}

void SmoothStages(int min_months, std::vector<int>* stages) {
  std::vector<int>& s = *stages;
  size_t run = 0;  // start of the current run
  for (size_t i = 1; i <= s.size(); ++i) {
    if (i < s.size() && s[i] == s[run]) continue;
    // [run, i) is one run; a short one that is neither the first nor the last joins the one before.
    if (run > 0 && i < s.size() && i - run < static_cast<size_t>(min_months)) {
      for (size_t k = run; k < i; ++k) s[k] = s[run - 1];
      // The absorbed run now continues the previous one; the next run starts at i.
    }
    run = i;
  }
}

}  // namespace oscm::model
