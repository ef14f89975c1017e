// Renderers for an Assessment: a terminal table and a JSON document.
//
// JSON shape (keys sorted, numbers at fixed precision):
//   { "as_of": "2026-09-01", "community": "etcd", "files": [{"first_seen", "kind", "language",
//     "path", "spdx"}...], "first_commit": ..., "last_commit": ..., "metrics": {id: value|null},
//     "organisations": [{"commits", "name", "share"}...] (the window's commits by affiliation),
//     "repositories": [...], "series": {id: {"2024-01": value|null, ...}},
//     "window": {"begin": "2025-09-02", "end": "2026-09-01"} }
// Counts are integers; shares and bits have 4 decimals. Pure functions; thread-safe.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "metrics/assessment.h"
#include "report/json_writer.h"

namespace oscm::report {

std::string RenderAssessmentJson(const metrics::Assessment& a);

// The members of a JSON object by key, written in key order: renderers that add to the
// assessment (the model's evaluation) merge their members with the assessment's.
using JsonMembers = std::map<std::string, std::function<void(JsonWriter&)>>;
void AddAssessmentMembers(const metrics::Assessment& a, JsonMembers* members);
void WriteMembers(JsonWriter& w, const JsonMembers& members);
// A metric's value in JSON: an integer for counts, months, levels and flags; 4 decimals otherwise.
void WriteValue(JsonWriter& w, const metrics::MetricDef& def, const std::optional<double>& v);
// `width`-column table with a sparkline of the last 24 months per metric; `color` adds ANSI bold
// to headings (only when printing to a terminal).
std::string RenderAssessmentTable(const metrics::Assessment& a, bool color);

// A value as shown to people and in JSON: integers for counts and months, 4 decimals otherwise.
std::string FormatMetricValue(const metrics::MetricDef& def, double value);

}  // namespace oscm::report
