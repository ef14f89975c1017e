// Fixed synthetic chart inputs shaped like a real landscape (distributed databases, names in
// English and Chinese). The golden SVG tests and the chart_demo tool draw these; the numbers are
// made up and describe no real community.
#pragma once

#include <string_view>

#include "report/charts/flywheel_chart.h"
#include "report/charts/funnel_chart.h"
#include "report/charts/quadrant_chart.h"
#include "report/charts/radar_chart.h"
#include "report/charts/scores_chart.h"
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
// A landscape of `n` (up to 32) open-source communities spread over the plane as a real one is:
// most in the lower half, a few leaders, one at (100, 100), one at (0, 0), and every eighth
// without the evidence to be placed. Drawn at 16:9 (1280 x 720) unless resized.
report::QuadrantChartInput LandscapeQuadrant(report::ChartLanguage lang, int n);
// The default model's ten factors for `n` communities (some factors without a score).
report::RadarChartInput SampleRadar(report::ChartLanguage lang, int n);
// Popularity and commercial scores per month for `n` communities (a gap in one).
report::ScoresChartInput SampleScores(report::ChartLanguage lang, int n);
report::StageTimelineInput SampleStageTimeline(report::ChartLanguage lang);
report::TimeSeriesChartInput SampleTimeSeries(report::ChartLanguage lang);
report::FlywheelChartInput SampleFlywheel(report::ChartLanguage lang);
report::TalentRingsInput SampleTalentRings(report::ChartLanguage lang);
report::FunnelChartInput SampleFunnel(report::ChartLanguage lang);

}  // namespace oscm::testing
