#include "report/csv_report.h"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "base/time.h"
#include "metrics/registry.h"

namespace oscm::report {
namespace {

// "12", "0.4375", "-3.5": four decimals at most, no trailing zeros; empty for no data.
std::string Number(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return "";
  std::string s = fmt::format("{:.4f}", *v);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

class Csv {
 public:
  void Cell(std::string_view text) {
    if (!first_) out_ += ',';
    out_ += CsvField(text);
    first_ = false;
  }
  void Cell(const std::optional<double>& v) { Cell(Number(v)); }
  void EndRow() {
    out_ += '\n';
    first_ = true;
  }
  std::string str() && { return std::move(out_); }

 private:
  std::string out_;
  bool first_ = true;
};

std::string StageId(const model::ModelSpec& m, int stage) {
  return stage >= 0 && static_cast<size_t>(stage) < m.stages.size() ? m.stages[static_cast<size_t>(stage)].id : "";
}

}  // namespace

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string RenderEvaluationsCsv(const std::vector<const model::CommunityEvaluation*>& es, const model::ModelSpec& m,
                                 bool landscape) {
  Csv csv;
  for (const char* h : {"community", "repositories", "as_of", "model", "stage", "vitality"}) csv.Cell(h);
  for (const model::DimensionSpec& d : m.dimensions) {
    for (const char* suffix : {"", "_low", "_high", "_coverage", "_previous"}) csv.Cell(d.id + suffix);
  }
  for (const model::DimensionSpec& d : m.dimensions) {
    for (const model::FactorSpec& f : d.factors) csv.Cell(d.id + "." + f.id);
  }
  if (landscape) {
    csv.Cell("quadrant");
    csv.Cell("quadrant_certain");
  }
  for (const metrics::MetricDef& def : metrics::Registry()) csv.Cell(def.id);
  csv.EndRow();

  for (const model::CommunityEvaluation* e : es) {
    const bool history = e->HasHistory();
    csv.Cell(e->assessment.community);
    std::string repositories;
    for (const std::string& r : e->assessment.repositories) repositories += (repositories.empty() ? "" : " ") + r;
    csv.Cell(repositories);
    csv.Cell(FormatDate(e->assessment.as_of));
    csv.Cell(fmt::format("{} {}", m.name, m.version));
    csv.Cell(history ? StageId(m, e->stage.stage) : "");
    csv.Cell(history ? model::VitalityId(e->vitality.state) : "");
    for (size_t d = 0; d < m.dimensions.size(); ++d) {
      const bool scored = history && d < e->scores.size();
      const model::DimensionScore* s = scored ? &e->scores[d] : nullptr;
      csv.Cell(s ? s->value : std::nullopt);
      csv.Cell(s ? std::optional<double>(s->low) : std::nullopt);
      csv.Cell(s ? std::optional<double>(s->high) : std::nullopt);
      csv.Cell(s ? std::optional<double>(s->coverage) : std::nullopt);
      csv.Cell(history && d < e->previous_scores.size() ? e->previous_scores[d] : std::nullopt);
    }
    for (size_t d = 0; d < m.dimensions.size(); ++d) {
      for (size_t f = 0; f < m.dimensions[d].factors.size(); ++f) {
        const bool scored = history && d < e->scores.size() && f < e->scores[d].factors.size();
        csv.Cell(scored ? e->scores[d].factors[f].value : std::nullopt);
      }
    }
    if (landscape) {
      const bool placed = e->quadrant && e->quadrant->kind;
      csv.Cell(placed ? std::string(model::QuadrantId(*e->quadrant->kind)) : "");
      csv.Cell(placed ? (e->quadrant->possible.size() <= 1 ? "true" : "false") : "");
    }
    for (const metrics::MetricDef& def : metrics::Registry()) {
      std::optional<double> value;
      for (const auto& r : e->assessment.metrics) {
        if (r.def->id == def.id) value = r.value;
      }
      csv.Cell(value);
    }
    csv.EndRow();
  }
  return std::move(csv).str();
}

std::string RenderMonthlyCsv(const std::vector<const model::CommunityEvaluation*>& es, const model::ModelSpec& m) {
  Csv csv;
  for (const char* h : {"community", "month", "partial", "stage"}) csv.Cell(h);
  for (const model::DimensionSpec& d : m.dimensions) csv.Cell(d.id);
  for (const metrics::MetricDef& def : metrics::Registry()) csv.Cell(def.id);
  csv.EndRow();

  for (const model::CommunityEvaluation* e : es) {
    const metrics::Assessment& a = e->assessment;
    std::map<MonthIndex, int> stage;
    for (size_t i = 0; i < e->timeline.months.size() && i < e->timeline.stages.size(); ++i) {
      stage[e->timeline.months[i]] = e->timeline.stages[i];
    }
    std::map<MonthIndex, size_t> score_index;
    for (size_t i = 0; i < e->score_timeline.months.size(); ++i) score_index[e->score_timeline.months[i]] = i;
    // Metric series in registry order (the assessment keeps that order; look up by id to be safe).
    std::vector<const metrics::MetricResult*> results;
    for (const metrics::MetricDef& def : metrics::Registry()) {
      const metrics::MetricResult* found = nullptr;
      for (const auto& r : a.metrics) {
        if (r.def->id == def.id) found = &r;
      }
      results.push_back(found);
    }
    for (size_t k = 0; k < a.months.size(); ++k) {
      const MonthIndex month = a.months[k];
      csv.Cell(a.community);
      csv.Cell(FormatMonth(month));
      csv.Cell(a.partial_month && *a.partial_month == month ? "true" : "false");
      const auto s = stage.find(month);
      csv.Cell(s != stage.end() ? StageId(m, s->second) : "");
      const auto si = score_index.find(month);
      for (size_t d = 0; d < m.dimensions.size(); ++d) {
        const bool has = si != score_index.end() && d < e->score_timeline.values.size();
        csv.Cell(has ? e->score_timeline.values[d][si->second] : std::nullopt);
      }
      for (const metrics::MetricResult* r : results) csv.Cell(r != nullptr && k < r->series.size() ? r->series[k] : std::nullopt);
      csv.EndRow();
    }
  }
  return std::move(csv).str();
}

std::string RenderMetricRegistryCsv() {
  Csv csv;
  for (const char* h : {"id", "unit", "source", "description"}) csv.Cell(h);
  csv.EndRow();
  for (const metrics::MetricDef& def : metrics::Registry()) {
    for (const std::string_view field : {def.id, def.unit, def.source, def.description}) csv.Cell(field);
    csv.EndRow();
  }
  return std::move(csv).str();
}

}  // namespace oscm::report
