#include "model/calibration.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <random>
#include <set>

#include <fmt/format.h>

#include "base/strings.h"
#include "metrics/registry.h"
#include "model/flywheel.h"
#include "model/metric_snapshot.h"
#include "model/scores.h"
#include "model/stages.h"

namespace oscm::model {
namespace {

// One statistic over items (with multiplicity), bootstrapped over the clusters the items belong to.
Estimate Bootstrap(const std::vector<size_t>& cluster_of, size_t clusters,
                   const std::function<std::optional<double>(const std::vector<size_t>&)>& stat,
                   const CalibrationOptions& options, uint64_t salt) {
  Estimate e;
  std::vector<size_t> all(cluster_of.size());
  std::iota(all.begin(), all.end(), 0);
  e.n = static_cast<int>(all.size());
  e.value = stat(all);
  if (!e.value || clusters < 2) return e;
  std::vector<std::vector<size_t>> members(clusters);
  for (size_t i = 0; i < cluster_of.size(); ++i) members[cluster_of[i]].push_back(i);
  // mt19937_64's output is fixed by the standard; the modulo keeps the draw portable too.
  std::mt19937_64 rng(options.seed ^ (salt * 0x9e3779b97f4a7c15ull));
  std::vector<double> values;
  std::vector<size_t> items;
  for (int r = 0; r < options.resamples; ++r) {
    items.clear();
    for (size_t c = 0; c < clusters; ++c) {
      const auto& m = members[static_cast<size_t>(rng() % clusters)];
      items.insert(items.end(), m.begin(), m.end());
    }
    if (auto v = stat(items)) values.push_back(*v);
  }
  // Too few resamples where the statistic exists: no interval rather than a misleading one.
  if (values.size() < static_cast<size_t>(options.resamples) / 2) return e;
  std::sort(values.begin(), values.end());
  const auto at = [&](double q) { return values[std::min(values.size() - 1, static_cast<size_t>(q * static_cast<double>(values.size())))]; };
  e.low = at(0.025);
  e.high = at(0.975);
  return e;
}

std::string FormatThreshold(const std::string& metric, double v) {
  const metrics::MetricDef* def = metrics::FindMetric(metric);
  if (def != nullptr && (def->unit == "share" || def->unit == "bits" || def->unit == "hours" || def->unit == "years")) {
    std::string s = fmt::format("{:.2f}", v);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
  }
  return fmt::format("{}", static_cast<int64_t>(std::llround(v)));
}

std::string_view OpText(CompareOp op) {
  switch (op) {
    case CompareOp::kGe: return ">=";
    case CompareOp::kGt: return ">";
    case CompareOp::kLe: return "<=";
    case CompareOp::kLt: return "<";
    case CompareOp::kEq: return "==";
    case CompareOp::kNe: return "!=";
  }
  return ">=";
}

size_t MetricIndex(std::string_view id) {
  const auto& r = metrics::Registry();
  for (size_t i = 0; i < r.size(); ++i) {
    if (r[i].id == id) return i;
  }
  return r.size();
}

}  // namespace

CalibrationSample EvaluateSample(const ModelSpec& model, const metrics::CommunityActivity& activity, size_t row,
                                 int64_t date, int months_before) {
  CalibrationSample s;
  s.row = row;
  s.date = FloorDiv(date, kSecondsPerDay) * kSecondsPerDay;
  s.months_before = months_before;
  const TimeWindow window = TrailingMonths(s.date, 12);
  int64_t first = activity.first_commit;
  if (!activity.gh_events.empty() && (first == 0 || activity.gh_events.front().time < first)) first = activity.gh_events.front().time;
  s.has_history = first != 0 && first < window.end;
  if (!s.has_history) return s;
  MetricSnapshot snapshot(activity, window);
  const StageResult stage = EvaluateStage(model, snapshot);
  const StageTimeline timeline = EvaluateTimeline(model, activity, s.date);
  s.stage = timeline.stages.empty() ? stage.stage : std::max(stage.stage, timeline.stages.back());
  s.transitions = static_cast<int>(timeline.transitions.size());
  s.timeline_months = static_cast<int>(timeline.months.size());
  // The scores' estimates whatever their coverage: git alone measures about half of popularity,
  // and whether the estimate agrees with the verdicts is the question here.
  ModelSpec ungated = model;
  ungated.min_dimension_coverage = 0;
  for (const auto& d : ScoreDimensions(ungated, snapshot, nullptr)) s.scores.push_back(d.value);
  for (const auto& def : metrics::Registry()) s.metrics.push_back(snapshot.Get(std::string(def.id)));
  for (const auto& check : stage.checks) {
    std::vector<bool> p;
    for (const auto& c : check.criteria) p.push_back(c.pass);
    s.passes.push_back(std::move(p));
  }
  return s;
}

std::optional<double> Auc(const std::vector<double>& scores, const std::vector<bool>& positive) {
  double n_pos = 0, n_neg = 0;
  for (bool p : positive) (p ? n_pos : n_neg) += 1;
  if (n_pos == 0 || n_neg == 0) return std::nullopt;
  const std::vector<double> ranks = Ranks(scores);
  double rank_sum = 0;
  for (size_t i = 0; i < scores.size(); ++i) rank_sum += positive[i] ? ranks[i] : 0;
  return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg);
}

std::optional<int> StageTarget(const ModelSpec& model, const VerdictRow& row, int months_before) {
  auto index = [&](std::string_view id) -> std::optional<int> {
    for (size_t i = 0; i < model.stages.size(); ++i) {
      if (model.stages[i].id == id) return static_cast<int>(i);
    }
    return std::nullopt;
  };
  if (row.foundation == "cncf") {
    if (row.verdict == "archived") return index("trigger");
    if (row.verdict == "sandbox") return index("development");
    if (row.verdict == "incubating") return index("crystallization");
    if (row.verdict == "graduated") return index("popularity");
  } else if (row.foundation == "apache-incubator") {
    if (row.verdict == "retired") return index("trigger");
    if (row.verdict == "graduated") return index(months_before == 0 ? "crystallization" : "development");
  }
  return std::nullopt;
}

std::vector<FoundationReport> Calibrate(const ModelSpec& model, const std::vector<VerdictRow>& rows,
                                        const std::vector<CalibrationSample>& samples, const CalibrationOptions& options) {
  // One report per (foundation, months_before), in the order first seen.
  std::vector<std::pair<std::string, int>> keys;
  for (const auto& s : samples) {
    const std::pair<std::string, int> key{rows[s.row].foundation, s.months_before};
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  std::sort(keys.begin(), keys.end());
  const auto& registry = metrics::Registry();
  std::vector<FoundationReport> out;
  for (const auto& [foundation, months_before] : keys) {
    FoundationReport rep;
    rep.foundation = foundation;
    rep.months_before = months_before;
    std::vector<const CalibrationSample*> in;
    for (const auto& s : samples) {
      if (rows[s.row].foundation != foundation || s.months_before != months_before) continue;
      if (!s.has_history) {
        ++rep.no_history;
        continue;
      }
      in.push_back(&s);
    }
    rep.rows = static_cast<int>(in.size());
    {
      std::map<std::string, const CalibrationSample*> longest;
      for (const auto* s : in) {
        auto& l = longest[rows[s->row].repository];
        if (l == nullptr || s->timeline_months > l->timeline_months) l = s;
      }
      double changes = 0, months = 0;
      for (const auto& [repo, s] : longest) {
        changes += s->transitions;
        months += s->timeline_months;
      }
      if (months > 0) rep.changes_per_year = 12 * changes / months;
    }
    // Verdicts by rank, clusters by repository.
    std::map<std::pair<int, std::string>, size_t> verdict_order;
    std::map<std::string, size_t> repo_index;
    for (const auto* s : in) {
      verdict_order.emplace(std::make_pair(rows[s->row].rank, rows[s->row].verdict), 0);
      repo_index.emplace(rows[s->row].repository, 0);
    }
    for (auto& [key, i] : verdict_order) {
      i = rep.verdicts.size();
      rep.verdicts.push_back(key.second);
      rep.ranks.push_back(key.first);
    }
    size_t next_repo = 0;
    for (auto& [repo, i] : repo_index) i = next_repo++;
    rep.repositories = static_cast<int>(repo_index.size());
    for (size_t a = 0; a < rep.verdicts.size(); ++a) {
      for (size_t b = a + 1; b < rep.verdicts.size(); ++b) {
        if (rep.ranks[a] != rep.ranks[b]) rep.pairs.emplace_back(a, b);
      }
    }
    std::vector<size_t> verdict_of, cluster_of;
    std::vector<double> rank_of;
    for (const auto* s : in) {
      verdict_of.push_back(verdict_order.at({rows[s->row].rank, rows[s->row].verdict}));
      cluster_of.push_back(repo_index.at(rows[s->row].repository));
      rank_of.push_back(rows[s->row].rank);
    }

    // The predictors: stage, scores, metrics. A null value leaves the row out of that predictor.
    struct Predictor {
      std::string id, kind;
      std::vector<std::optional<double>> values;
    };
    std::vector<Predictor> predictors;
    predictors.push_back({"stage", "stage", {}});
    for (const auto* s : in) predictors.back().values.push_back(s->stage);
    for (size_t d = 0; d < model.dimensions.size(); ++d) {
      predictors.push_back({model.dimensions[d].id, "score", {}});
      for (const auto* s : in) predictors.back().values.push_back(s->scores[d]);
    }
    for (size_t m = 0; m < registry.size(); ++m) {
      predictors.push_back({std::string(registry[m].id), "metric", {}});
      for (const auto* s : in) predictors.back().values.push_back(s->metrics[m]);
    }
    uint64_t salt = 0;
    for (const Predictor& p : predictors) {
      PredictorAgreement agreement;
      agreement.id = p.id;
      agreement.kind = p.kind;
      std::vector<size_t> items, clusters;
      for (size_t i = 0; i < in.size(); ++i) {
        if (p.values[i]) items.push_back(i);
      }
      for (size_t i : items) clusters.push_back(cluster_of[i]);
      agreement.spearman = Bootstrap(
          clusters, repo_index.size(),
          [&](const std::vector<size_t>& pick) -> std::optional<double> {
            std::vector<double> x, y;
            for (size_t k : pick) {
              x.push_back(*p.values[items[k]]);
              y.push_back(rank_of[items[k]]);
            }
            return Spearman(x, y);
          },
          options, ++salt);
      for (const auto& [lo, hi] : rep.pairs) {
        std::vector<size_t> pair_items, pair_clusters;
        for (size_t i : items) {
          if (verdict_of[i] == lo || verdict_of[i] == hi) {
            pair_items.push_back(i);
            pair_clusters.push_back(cluster_of[i]);
          }
        }
        const size_t high = hi;
        agreement.pairs.push_back(Bootstrap(
            pair_clusters, repo_index.size(),
            [&](const std::vector<size_t>& pick) -> std::optional<double> {
              std::vector<double> x;
              std::vector<bool> positive;
              for (size_t k : pick) {
                x.push_back(*p.values[pair_items[k]]);
                positive.push_back(verdict_of[pair_items[k]] == high);
              }
              return Auc(x, positive);
            },
            options, ++salt));
      }
      rep.predictors.push_back(std::move(agreement));
    }

    rep.stage_by_verdict.assign(model.stages.size(), std::vector<int>(rep.verdicts.size(), 0));
    for (size_t i = 0; i < in.size(); ++i) ++rep.stage_by_verdict[static_cast<size_t>(in[i]->stage)][verdict_of[i]];
    for (size_t k = 1; k < model.stages.size(); ++k) {
      for (size_t c = 0; c < model.stages[k].criteria.size(); ++c) {
        CriterionRate rate;
        rate.stage = model.stages[k].id;
        rate.criterion = model.stages[k].criteria[c].text;
        std::vector<int> pass(rep.verdicts.size(), 0), total(rep.verdicts.size(), 0);
        for (size_t i = 0; i < in.size(); ++i) {
          ++total[verdict_of[i]];
          pass[verdict_of[i]] += in[i]->passes[k][c] ? 1 : 0;
        }
        for (size_t v = 0; v < rep.verdicts.size(); ++v) {
          rate.pass_rate.push_back(total[v] > 0 ? std::optional<double>(static_cast<double>(pass[v]) / total[v]) : std::nullopt);
        }
        rep.criteria.push_back(std::move(rate));
      }
    }
    out.push_back(std::move(rep));
  }
  return out;
}

std::vector<FittedCriterion> FitThresholds(const ModelSpec& model, const std::vector<VerdictRow>& rows,
                                           const std::vector<CalibrationSample>& samples, const std::vector<size_t>& use) {
  std::vector<FittedCriterion> out;
  for (size_t k = 1; k < model.stages.size(); ++k) {
    for (size_t c = 0; c < model.stages[k].criteria.size(); ++c) {
      const Criterion& crit = model.stages[k].criteria[c];
      const size_t m = MetricIndex(crit.metric);
      const bool higher = crit.op == CompareOp::kGe || crit.op == CompareOp::kGt;
      if (m >= metrics::Registry().size() || crit.op == CompareOp::kEq || crit.op == CompareOp::kNe) continue;
      std::vector<std::optional<double>> v;
      std::vector<bool> positive;
      for (size_t i : use) {
        const CalibrationSample& s = samples[i];
        const auto target = StageTarget(model, rows[s.row], s.months_before);
        if (!s.has_history || !target) continue;
        v.push_back(s.metrics[m]);
        positive.push_back(*target >= static_cast<int>(k));
      }
      const int pos = static_cast<int>(std::count(positive.begin(), positive.end(), true));
      const int neg = static_cast<int>(positive.size()) - pos;
      if (pos == 0 || neg == 0) continue;
      std::set<double> candidates;
      for (const auto& x : v) {
        if (x) candidates.insert(*x);
      }
      if (candidates.empty()) continue;
      // Youden's J for each candidate; a missing value fails the criterion, as it does in a stage.
      // Every threshold between a candidate and its neighbour on the failing side gives the same
      // J: of those, the one nearest the model's own is kept (the data say no more than that).
      const CompareOp op = crit.op == CompareOp::kGt ? CompareOp::kGe : crit.op == CompareOp::kLt ? CompareOp::kLe : crit.op;
      const bool integral = FormatThreshold(crit.metric, 0.5) != "0.5";
      const std::vector<double> sorted(candidates.begin(), candidates.end());
      double best_j = -2, best_t = crit.value;
      for (size_t c_i = 0; c_i < sorted.size(); ++c_i) {
        const double t = sorted[c_i];
        int tp = 0, fp = 0;
        for (size_t i = 0; i < v.size(); ++i) {
          const bool pass = v[i] && Compare(*v[i], op, t);
          (positive[i] ? tp : fp) += pass ? 1 : 0;
        }
        const double j = static_cast<double>(tp) / pos - static_cast<double>(fp) / neg;
        // The region of thresholds equivalent to t: (previous value, t] for >=, [t, next value) for <=.
        double lo = t, hi = t;
        const double step = integral ? 1 : 0.01;
        if (op == CompareOp::kGe) lo = c_i > 0 ? sorted[c_i - 1] + step : -1e18;
        if (op == CompareOp::kLe) hi = c_i + 1 < sorted.size() ? sorted[c_i + 1] - step : 1e18;
        const double here = std::clamp(crit.value, std::min(lo, t), std::max(hi, t));
        if (j > best_j + 1e-12 || (std::abs(j - best_j) <= 1e-12 && std::abs(here - crit.value) < std::abs(best_t - crit.value))) {
          best_j = j;
          best_t = here;
        }
      }
      std::vector<double> scores;
      std::vector<bool> labels;
      for (size_t i = 0; i < v.size(); ++i) {
        if (!v[i]) continue;
        scores.push_back(higher ? *v[i] : -*v[i]);
        labels.push_back(positive[i]);
      }
      FittedCriterion f;
      f.stage = k;
      f.criterion = c;
      f.line = crit.line;
      f.before = crit.text;
      // The fitted value as a >= / <= (a strict comparison would move the boundary).
      f.after = fmt::format("{} {} {}", crit.metric, OpText(op), FormatThreshold(crit.metric, best_t));
      const size_t or_at = crit.text.find(" or ");
      if (or_at != std::string::npos) f.after += crit.text.substr(or_at);
      f.youden_j = best_j;
      f.auc = Auc(scores, labels).value_or(0.5);
      f.positives = pos;
      f.negatives = neg;
      out.push_back(std::move(f));
    }
  }
  return out;
}

ModelSpec ApplyFit(const ModelSpec& model, const std::vector<FittedCriterion>& fit) {
  ModelSpec m = model;
  for (const auto& f : fit) {
    Criterion& c = m.stages[f.stage].criteria[f.criterion];
    const size_t space = f.after.find(' ');
    const size_t value_at = f.after.find(' ', space + 1) + 1;
    const size_t value_end = f.after.find(' ', value_at);
    const std::string op = f.after.substr(space + 1, value_at - space - 2);
    c.op = op == ">=" ? CompareOp::kGe : op == "<=" ? CompareOp::kLe : c.op;
    c.value = std::stod(f.after.substr(value_at, value_end == std::string::npos ? std::string::npos : value_end - value_at));
    c.text = f.after;
  }
  return m;
}

std::string RewriteCriteria(const std::string& text, const std::vector<FittedCriterion>& fit,
                            const std::vector<std::string>& notes) {
  std::vector<std::string> lines;
  for (std::string_view l : SplitLines(text)) lines.emplace_back(l);
  std::vector<size_t> order(fit.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return fit[a].line > fit[b].line; });
  for (size_t i : order) {
    const auto& f = fit[i];
    if (f.line < 1 || static_cast<size_t>(f.line) > lines.size()) continue;
    std::string& line = lines[static_cast<size_t>(f.line - 1)];
    const std::string quoted = "\"" + f.before + "\"";
    const size_t at = line.find(quoted);
    if (at == std::string::npos) continue;
    line.replace(at, quoted.size(), "\"" + f.after + "\"");
    const std::string indent = line.substr(0, line.find_first_not_of(' '));
    lines.insert(lines.begin() + (f.line - 1), indent + "# fitted: " + notes[i]);
  }
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

std::vector<int> FoldsByRepository(const std::vector<VerdictRow>& rows, int k) {
  std::vector<int> folds;
  for (const auto& r : rows) folds.push_back(static_cast<int>(Fnv1a(AsciiLower(r.repository)) % static_cast<uint64_t>(k)));
  return folds;
}

bool HeldBack(std::string_view repository) { return (Fnv1a(AsciiLower(repository)) >> 7) % 10 < 3; }

}  // namespace oscm::model
