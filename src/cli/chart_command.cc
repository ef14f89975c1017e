#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/evaluated.h"
#include "metrics/registry.h"
#include "model/evaluation.h"
#include "report/charts/chart_file.h"
#include "report/charts/chart_size.h"
#include "report/evaluation_charts.h"
#include "store/assessment_runs.h"

namespace oscm::cli {

int CmdChart(const GlobalOptions& g, const ChartOptions& co, const AssessOptions& o, const IngestGitOptions& ingest_opts,
             const GitHubOptions& gh, const IdentityOptions& io) {
  const bool landscape_kind = co.kind == "quadrant";
  const bool per_community = co.kind == "flywheel" || co.kind == "rings" || co.kind == "funnel";
  auto usage = [](const std::string& message) {
    Printf(stderr, "error: %s\n", message.c_str());
    return 2;
  };
  if (landscape_kind && co.report.landscape.file.empty()) return usage("chart quadrant needs --landscape FILE");
  if (!landscape_kind && co.report.landscape.file.empty() == o.targets.empty()) {
    return usage(fmt::format("chart {} needs communities or --landscape FILE (one of the two)", co.kind));
  }
  if (co.kind == "series" && metrics::FindMetric(co.metric) == nullptr) {
    return usage(fmt::format("chart series needs --metric ID, a registered metric (`oscm metrics`), not '{}'", co.metric));
  }
  const auto format = report::ChartFormatForPath(co.report.out);
  if (!format) return usage(format.error().message());
  std::optional<report::ChartSize> size;
  if (!co.size.empty()) {
    auto parsed = report::ParseChartSize(co.size);
    if (!parsed) return usage(parsed.error().message());
    size = *parsed;
  }
  std::optional<int64_t> as_of;
  std::optional<model::ModelSpec> model;
  if (int rc = ReadEvaluationOptions(o, &as_of, &model); rc != 0) return rc;
  report::ChartStyle style;
  style.lang = TableLang(o);
  style.title = co.title;
  report::ChartFileOptions file_options;
  if (size) {
    const report::Canvas canvas = report::ChartCanvas(*size, *format);
    style.width = canvas.width;
    style.height = canvas.height;
    file_options = report::ChartFileOptionsFor(*size, *format);
  }

  auto evaluated = EvaluateForOutput(g, co.report.landscape, o, ingest_opts, gh, io, *model, as_of);
  if (!evaluated) return Fail(evaluated.error());
  const std::vector<const model::CommunityEvaluation*> evaluations = evaluated->All();

  if (Status s = report::CheckChartHasData(co.kind, co.metric, evaluations,
                                           evaluated->landscape ? &*evaluated->landscape : nullptr);
      !s.ok()) {
    Printf(stderr, "error: chart %s: %s\n", co.kind.c_str(), s.message().c_str());
    return 1;
  }
  style.subject = evaluated->title;
  std::string svg;
  if (co.kind == "quadrant") {
    svg = report::QuadrantSvg(*evaluated->landscape, *model, style);
  } else if (co.kind == "timeline") {
    svg = report::StageTimelineSvg(evaluations, style);
  } else if (co.kind == "series") {
    svg = report::MetricSeriesSvg(co.metric, evaluations, style);
  } else if (co.kind == "radar") {
    svg = report::RadarSvg(evaluations, *model, style);
  } else if (co.kind == "scores") {
    // With what earlier assessments kept; a store that cannot be read for it leaves them out.
    std::vector<std::vector<store::AssessmentRun>> kept;
    if (auto store = OpenStore(g)) {
      for (const auto* e : evaluations) {
        auto runs = store::AssessmentRuns(*store, e->assessment.community);
        kept.push_back(runs ? std::move(runs).value() : std::vector<store::AssessmentRun>{});
      }
    }
    svg = report::ScoresSvg(evaluations, *model, style, evaluated->landscape ? &*evaluated->landscape : nullptr,
                            kept.empty() ? nullptr : &kept);
  } else if (per_community && evaluations.size() > 1) {
    svg = report::SmallMultiplesSvg(co.kind, evaluations, style);
  } else if (co.kind == "flywheel") {
    svg = report::FlywheelSvg(*evaluations.front(), style);
  } else if (co.kind == "rings") {
    svg = report::TalentRingsSvg(*evaluations.front(), style);
  } else {
    svg = report::FunnelSvg(*evaluations.front(), style);
  }
  if (Status s = report::WriteChartFile(svg, co.report.out, file_options); !s.ok()) return Fail(s);
  if (!g.quiet) Printf(stderr, "%s\n", co.report.out.c_str());
  return 0;
}

}  // namespace oscm::cli
