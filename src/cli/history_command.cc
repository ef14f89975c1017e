#include <cstdio>

#include <fmt/format.h>

#include "base/clock.h"
#include "cli/commands.h"
#include "model/evaluation.h"
#include "report/history_report.h"
#include "store/assessment_runs.h"

namespace oscm::cli {
namespace {

store::AssessmentRun RunOf(const model::CommunityEvaluation& e, const model::ModelSpec& model,
                           const std::string& landscape, int64_t now) {
  store::AssessmentRun run;
  run.community = e.assessment.community;
  run.as_of = e.assessment.as_of;
  run.model = model.name;
  run.model_version = model.version;
  run.landscape = landscape;
  run.recorded_at = now;
  if (e.HasHistory() && e.stage.stage >= 0 && static_cast<size_t>(e.stage.stage) < model.stages.size()) {
    run.stage = model.stages[static_cast<size_t>(e.stage.stage)].id;
  }
  if (e.quadrant && e.quadrant->kind) {
    run.quadrant = std::string(model::QuadrantId(*e.quadrant->kind));
    for (const model::QuadrantKind k : e.quadrant->possible) run.quadrant_possible.emplace_back(model::QuadrantId(k));
  }
  for (const auto& d : e.scores) {
    run.scores.push_back(store::RunScore{d.spec->id, d.value, d.low, d.high, d.coverage});
  }
  return run;
}

}  // namespace

void KeepAssessments(store::Store& store, const model::ModelSpec& model,
                     const std::vector<const model::CommunityEvaluation*>& evaluations, const std::string& landscape) {
  const int64_t now = SystemClock().NowUnix();
  for (const model::CommunityEvaluation* e : evaluations) {
    auto kept = store::RecordAssessmentRun(store, RunOf(*e, model, landscape, now));
    if (!kept) {
      // The assessment itself stands; only its record is missing (a read-only store, say).
      Printf(stderr, "warning: %s: the assessment of %s is not kept in its history: %s\n", store.path().c_str(),
             e->assessment.community.c_str(), kept.error().message().c_str());
    }
  }
}

int CmdHistory(const GlobalOptions& g, const std::string& community, const std::string& format) {
  auto store = OpenStore(g);
  if (!store) return Fail(store.error());
  auto runs = store::AssessmentRuns(*store, community);
  if (!runs) return Fail(runs.error());
  if (format == "json") {
    Print(stdout, report::RenderHistoryJson(community, *runs));
  } else if (format == "csv") {
    Print(stdout, report::RenderHistoryCsv(community, *runs));
  } else {
    const bool color = ColorOutput();
    Print(stdout, report::RenderHistoryTable(community, *runs, TerminalColumns(), color ? "\033[1m" : "",
                                             color ? "\033[0m" : ""),
          color);
  }
  return 0;
}

}  // namespace oscm::cli
