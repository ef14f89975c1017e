// Fixed synthetic chart inputs shaped like a real landscape (distributed databases, names in
// English and Chinese). The golden SVG tests and the chart_demo tool draw these; the numbers are
// made up and describe no real community.
#pragma once

#include "report/charts/quadrant_chart.h"

namespace oscm::testing {

report::QuadrantChartInput SampleQuadrant(report::ChartLanguage lang);

}  // namespace oscm::testing
