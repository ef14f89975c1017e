// A community's assessment history (store/assessment_runs.h) as a terminal table, JSON or CSV:
// every kept run with its date, model, landscape, stage, quadrant and dimension scores.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "store/assessment_runs.h"

namespace oscm::report {

std::string RenderHistoryTable(const std::string& community, const std::vector<store::AssessmentRun>& runs,
                               size_t width, const char* bold = "", const char* reset = "");
std::string RenderHistoryJson(const std::string& community, const std::vector<store::AssessmentRun>& runs);
// Columns: community, as_of, model, model_version, landscape, recorded_at, stage, quadrant,
// quadrant_possible (space-separated), then
// per dimension <id>, <id>_low, <id>_high, <id>_coverage (empty cells for no data).
std::string RenderHistoryCsv(const std::string& community, const std::vector<store::AssessmentRun>& runs);

}  // namespace oscm::report
