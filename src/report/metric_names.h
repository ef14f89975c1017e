// What charts, reports and CSV headers call each registered metric and its unit, in English and
// Chinese ("contributors_active" is "Active contributors" / "活跃贡献者", counted in "people" /
// "人"). Every registered metric has an entry (metric_names_test checks), so no metric id or
// English unit reaches a Chinese chart. Pure functions; thread-safe.
#pragma once

#include <string_view>

#include "report/evaluation_report.h"

namespace oscm::report {

// The metric's short name; its id for a metric the table does not know.
std::string_view MetricName(std::string_view id, Lang lang);
// What one unit of the metric counts ("people", "commits", "share", "hours"); its registry unit
// for a metric the table does not know.
std::string_view MetricUnit(std::string_view id, Lang lang);
// Whether the table has the metric (for the test that every registered metric is named).
bool HasMetricName(std::string_view id);

}  // namespace oscm::report
