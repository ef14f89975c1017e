// Evaluations as CSV (RFC 4180: comma-separated, fields with a comma, quote or line break quoted,
// CRLF-free "\n" line ends, a header row): one row per community (`oscm assess|landscape --format
// csv`) or per community and calendar month (`--format csv-months`), for spreadsheets and
// pandas. An empty cell means no data, never 0. Columns are documented in docs/csv.md; they follow
// the model (one column per dimension and factor) and the metric registry (one per metric), so
// the same model gives the same header. Numbers have at most four decimals, without trailing
// zeros. Pure functions; deterministic for the same evaluations and model.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/evaluation.h"
#include "oscm/model_spec.h"

namespace oscm::report {

// `landscape`: add the quadrant columns (quadrant, quadrant_certain).
std::string RenderEvaluationsCsv(const std::vector<const model::CommunityEvaluation*>& es, const model::ModelSpec& m,
                                 bool landscape);
std::string RenderMonthlyCsv(const std::vector<const model::CommunityEvaluation*>& es, const model::ModelSpec& m);
// The metric registry: id, unit, source, description (`oscm metrics --format csv`).
std::string RenderMetricRegistryCsv();

// A CSV field: as is, or quoted with inner quotes doubled when it holds a comma, quote or line
// break. Exposed for tests.
std::string CsvField(std::string_view text);

}  // namespace oscm::report
