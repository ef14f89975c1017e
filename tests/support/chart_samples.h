// Fixed synthetic chart inputs shaped like a real landscape (distributed databases, names in
// English and Chinese). The golden SVG tests and the chart_demo tool draw these; the numbers are
// made up and describe no real community.
#pragma once

#include <string_view>

#include "report/charts/flywheel_chart.h"
#include "report/charts/funnel_chart.h"
#include "report/charts/quadrant_chart.h"
#include "report/charts/stage_timeline_chart.h"
#include "report/charts/talent_rings_chart.h"
#include "report/charts/time_series_chart.h"

namespace oscm::testing {

// How many times `needle` occurs in `haystack` (for counting SVG elements in tests).
int CountOccurrences(std::string_view haystack, std::string_view needle);

report::QuadrantChartInput SampleQuadrant(report::ChartLanguage lang);
// `n` communities on a grid `spread` score points wide around (50, 50), each moved from 5-10
// points down and left: a stress test for label placement.
report::QuadrantChartInput CrowdedQuadrant(int n, double spread);
report::StageTimelineInput SampleStageTimeline(report::ChartLanguage lang);
report::TimeSeriesChartInput SampleTimeSeries(report::ChartLanguage lang);
report::FlywheelChartInput SampleFlywheel(report::ChartLanguage lang);
report::TalentRingsInput SampleTalentRings(report::ChartLanguage lang);
report::FunnelChartInput SampleFunnel(report::ChartLanguage lang);

}  // namespace oscm::testing
