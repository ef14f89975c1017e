#include "report/calibration_report.h"

#include <algorithm>

#include <fmt/format.h>

#include "report/json_writer.h"
#include "report/terminal_text.h"

namespace oscm::report {
namespace {

std::string EstimateText(const model::Estimate& e) {
  if (!e.value) return "-";
  if (!e.low || !e.high) return fmt::format("{:.2f}", *e.value);
  return fmt::format("{:.2f} [{:.2f}, {:.2f}]", *e.value, *e.low, *e.high);
}

std::string Title(const model::FoundationReport& r) {
  return fmt::format("{}, {}", r.foundation,
                     r.months_before == 0 ? "at the verdict's date" : fmt::format("{} months before the verdict", r.months_before));
}

std::string PairName(const model::FoundationReport& r, size_t i) {
  return fmt::format("{} < {}", r.verdicts[r.pairs[i].first], r.verdicts[r.pairs[i].second]);
}

// The metric with the highest value of `get` (AUC of a pair, or |Spearman|).
template <typename Get>
const model::PredictorAgreement* Best(const model::FoundationReport& r, Get get) {
  const model::PredictorAgreement* best = nullptr;
  double best_v = -1;
  for (const auto& p : r.predictors) {
    if (p.kind != "metric") continue;
    const auto v = get(p);
    if (v && *v > best_v) {
      best_v = *v;
      best = &p;
    }
  }
  return best;
}

void Agreement(std::string* out, const model::FoundationReport& r, size_t width, bool scores_only) {
  std::vector<TextColumn> columns = {{"predictor"}, {"spearman with rank", true}};
  for (size_t i = 0; i < r.pairs.size(); ++i) columns.push_back({"AUC " + PairName(r, i), true});
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : r.predictors) {
    if (p.kind == "metric") continue;
    if (scores_only && p.kind != "stage") continue;
    std::vector<std::string> row = {p.id, EstimateText(p.spearman)};
    for (const auto& e : p.pairs) row.push_back(EstimateText(e));
    rows.push_back(std::move(row));
  }
  if (!scores_only) {
    // The best single metric for each column: what the model must beat.
    const auto* best = Best(r, [](const model::PredictorAgreement& p) {
      return p.spearman.value ? std::optional<double>(std::abs(*p.spearman.value)) : std::nullopt;
    });
    std::vector<std::string> row = {"best metric", best != nullptr ? fmt::format("{} {}", best->id, EstimateText(best->spearman)) : "-"};
    for (size_t i = 0; i < r.pairs.size(); ++i) {
      const auto* b = Best(r, [&](const model::PredictorAgreement& p) { return p.pairs[i].value; });
      row.push_back(b != nullptr ? fmt::format("{} {}", b->id, EstimateText(b->pairs[i])) : "-");
    }
    rows.push_back(std::move(row));
  }
  *out += RenderTextTable(columns, rows, width);
}

}  // namespace

std::string RenderCalibrationTable(const CalibrationInput& in, size_t width) {
  const model::ModelSpec& m = *in.model;
  std::string out = fmt::format("calibration of {} {} against {}\n", m.name, m.version, in.verdicts_path);
  out += "95% intervals: bootstrap over repositories; AUC: chance that a row of the higher verdict reads higher (0.5: none)\n";
  for (const auto& r : in.reports) {
    out += fmt::format("\n── {} ──\n{} rows of {} repositories", Title(r), r.rows, r.repositories);
    if (r.no_history > 0) out += fmt::format(" ({} rows left out: no commit by their date)", r.no_history);
    if (r.changes_per_year) out += fmt::format("; stage changes per community-year: {:.2f}", *r.changes_per_year);
    out += "\n\nstage × verdict\n";
    std::vector<TextColumn> columns = {{"stage"}};
    for (const auto& v : r.verdicts) columns.push_back({v, true});
    std::vector<std::vector<std::string>> rows;
    for (size_t s = 0; s < m.stages.size(); ++s) {
      std::vector<std::string> row = {m.stages[s].id};
      for (int n : r.stage_by_verdict[s]) row.push_back(std::to_string(n));
      rows.push_back(std::move(row));
    }
    out += RenderTextTable(columns, rows, width);
    out += "\nagreement with the verdicts\n";
    Agreement(&out, r, width, false);
    out += "\ncriteria: share of rows passing, per verdict\n";
    std::vector<TextColumn> crit_columns = {{"stage"}, {"criterion"}};
    for (const auto& v : r.verdicts) crit_columns.push_back({v, true});
    std::vector<std::vector<std::string>> crit_rows;
    for (const auto& c : r.criteria) {
      std::vector<std::string> row = {c.stage, c.criterion};
      for (const auto& rate : c.pass_rate) row.push_back(rate ? fmt::format("{:.0f}%", 100 * *rate) : "-");
      crit_rows.push_back(std::move(row));
    }
    out += RenderTextTable(crit_columns, crit_rows, width);
  }
  if (!in.fitted.empty()) {
    out += fmt::format("\n── fitted thresholds (all rows; held-out figures from {}-fold cross-validation by repository) ──\n",
                       in.folds);
    std::vector<TextColumn> columns = {{"stage"}, {"was"}, {"fitted"}, {"Youden J", true}, {"AUC", true}, {"rows +/-", true}};
    std::vector<std::vector<std::string>> rows;
    for (const auto& f : in.fitted) {
      rows.push_back({m.stages[f.stage].id, f.before, f.after, fmt::format("{:.2f}", f.youden_j), fmt::format("{:.2f}", f.auc),
                      fmt::format("{}/{}", f.positives, f.negatives)});
    }
    out += RenderTextTable(columns, rows, width);
    for (const auto& r : in.held_out) {
      out += fmt::format("\nheld out: {}\n", Title(r));
      Agreement(&out, r, width, true);
    }
  }
  if (!in.left_out.empty()) {
    // The first ten; JSON lists them all.
    out += fmt::format("\n{} repositories left out{}:\n", in.left_out.size(), in.left_out.size() > 10 ? " (the first ten; --format json lists all)" : "");
    for (size_t i = 0; i < in.left_out.size() && i < 10; ++i) out += "  " + in.left_out[i] + "\n";
  }
  return out;
}

namespace {

void WriteEstimate(JsonWriter& w, const model::Estimate& e) {
  w.BeginObject();
  w.Key("high");
  if (e.high) w.Number(*e.high, 4); else w.Null();
  w.Key("low");
  if (e.low) w.Number(*e.low, 4); else w.Null();
  w.Key("n");
  w.Int(e.n);
  w.Key("value");
  if (e.value) w.Number(*e.value, 4); else w.Null();
  w.EndObject();
}

void WriteReports(JsonWriter& w, const std::vector<model::FoundationReport>& reports, const model::ModelSpec& m) {
  w.BeginArray();
  for (const auto& r : reports) {
    w.BeginObject();
    w.Key("changes_per_year");
    if (r.changes_per_year) w.Number(*r.changes_per_year, 4); else w.Null();
    w.Key("criteria");
    w.BeginArray();
    for (const auto& c : r.criteria) {
      w.BeginObject();
      w.Key("criterion");
      w.String(c.criterion);
      w.Key("pass_rate");
      w.BeginObject();
      for (size_t v = 0; v < r.verdicts.size(); ++v) {
        w.Key(r.verdicts[v]);
        if (c.pass_rate[v]) w.Number(*c.pass_rate[v], 4); else w.Null();
      }
      w.EndObject();
      w.Key("stage");
      w.String(c.stage);
      w.EndObject();
    }
    w.EndArray();
    w.Key("foundation");
    w.String(r.foundation);
    w.Key("months_before");
    w.Int(r.months_before);
    w.Key("no_history");
    w.Int(r.no_history);
    w.Key("predictors");
    w.BeginArray();
    for (const auto& p : r.predictors) {
      w.BeginObject();
      w.Key("auc");
      w.BeginObject();
      for (size_t i = 0; i < r.pairs.size(); ++i) {
        w.Key(fmt::format("{}<{}", r.verdicts[r.pairs[i].first], r.verdicts[r.pairs[i].second]));
        WriteEstimate(w, p.pairs[i]);
      }
      w.EndObject();
      w.Key("id");
      w.String(p.id);
      w.Key("kind");
      w.String(p.kind);
      w.Key("spearman");
      WriteEstimate(w, p.spearman);
      w.EndObject();
    }
    w.EndArray();
    w.Key("repositories");
    w.Int(r.repositories);
    w.Key("rows");
    w.Int(r.rows);
    w.Key("stage_by_verdict");
    w.BeginObject();
    for (size_t s = 0; s < m.stages.size(); ++s) {
      w.Key(m.stages[s].id);
      w.BeginObject();
      for (size_t v = 0; v < r.verdicts.size(); ++v) {
        w.Key(r.verdicts[v]);
        w.Int(r.stage_by_verdict[s][v]);
      }
      w.EndObject();
    }
    w.EndObject();
    w.Key("verdicts");
    w.BeginArray();
    for (const auto& v : r.verdicts) w.String(v);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string RenderCalibrationJson(const CalibrationInput& in) {
  JsonWriter w;
  w.BeginObject();
  w.Key("fitted");
  w.BeginArray();
  for (const auto& f : in.fitted) {
    w.BeginObject();
    w.Key("after");
    w.String(f.after);
    w.Key("auc");
    w.Number(f.auc, 4);
    w.Key("before");
    w.String(f.before);
    w.Key("negatives");
    w.Int(f.negatives);
    w.Key("positives");
    w.Int(f.positives);
    w.Key("stage");
    w.String(in.model->stages[f.stage].id);
    w.Key("youden_j");
    w.Number(f.youden_j, 4);
    w.EndObject();
  }
  w.EndArray();
  w.Key("folds");
  w.Int(in.folds);
  w.Key("held_out");
  WriteReports(w, in.held_out, *in.model);
  w.Key("left_out");
  w.BeginArray();
  for (const auto& l : in.left_out) w.String(l);
  w.EndArray();
  w.Key("model");
  w.BeginObject();
  w.Key("name");
  w.String(in.model->name);
  w.Key("version");
  w.String(in.model->version);
  w.EndObject();
  w.Key("reports");
  WriteReports(w, in.reports, *in.model);
  w.Key("verdicts");
  w.String(in.verdicts_path);
  w.EndObject();
  return w.str() + "\n";
}

}  // namespace oscm::report
