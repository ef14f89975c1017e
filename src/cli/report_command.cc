#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/evaluated.h"
#include "model/evaluation.h"
#include "report/evaluation_charts.h"
#include "report/html_report.h"

namespace oscm::cli {
namespace {

namespace fs = std::filesystem;

// Writes `text` to dir/index.html through a temporary file, so that an interrupted run never
// leaves a half-written report.
Status WriteReport(const std::string& dir, const std::string& text) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return IoError(fmt::format("{}: cannot create directory: {}", dir, ec.message()));
  const fs::path path = fs::path(dir) / "index.html";
  const fs::path tmp = fs::path(dir) / ".index.html.partial";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) return IoError(fmt::format("{}: cannot write", tmp.string()));
  }
  fs::rename(tmp, path, ec);
  if (ec) return IoError(fmt::format("{}: cannot move into place: {}", path.string(), ec.message()));
  return Status::Ok();
}

}  // namespace

int CmdReport(const GlobalOptions& g, const ReportOptions& ro, const AssessOptions& o, const IngestGitOptions& ingest_opts,
              const GitHubOptions& gh, const IdentityOptions& io) {
  if (ro.landscape.file.empty() == o.targets.empty()) {
    Printf(stderr, "error: name communities or --landscape FILE (one of the two)\n");
    return 2;
  }
  std::optional<int64_t> as_of;
  std::optional<model::ModelSpec> model;
  if (int rc = ReadEvaluationOptions(o, &as_of, &model); rc != 0) return rc;
  report::HtmlReportInput in;
  in.model = &*model;
  in.lang = TableLang(o);
  auto evaluated = EvaluateForOutput(g, ro.landscape, o, ingest_opts, gh, io, *model, as_of);
  if (!evaluated) return Fail(evaluated.error());
  const auto& landscape = evaluated->landscape;
  const std::vector<const model::CommunityEvaluation*> all = evaluated->All();
  in.title = evaluated->title;
  in.as_of = landscape ? landscape->as_of : all.front()->assessment.as_of;
  if (landscape) {
    in.split = fmt::format("{} {:.1f} / {:.1f}", model->quadrant.median_split ? "medians" : "fixed", landscape->split_x,
                           landscape->split_y);
  }
  const bool zh = in.lang == report::Lang::kZh;
  report::ChartStyle style;
  style.lang = in.lang;
  style.subject = in.title;
  if (landscape) in.charts.push_back({"quadrant", zh ? "成熟度象限" : "Maturity quadrant", report::QuadrantSvg(*landscape, *model, style)});
  in.charts.push_back({"timeline", zh ? "生命周期阶段时间线" : "Stage timeline", report::StageTimelineSvg(all, style)});
  in.charts.push_back({"contributors", zh ? "每月活跃贡献者" : "Active contributors per month",
                       report::MetricSeriesSvg("contributors_active", all, style)});
  in.charts.push_back({"organisations", zh ? "每月活跃组织" : "Active organisations per month",
                       report::MetricSeriesSvg("orgs_active", all, style)});
  // Stars only when some community has GH data: a chart of empty series says nothing.
  const bool stars = std::any_of(all.begin(), all.end(), [](const auto* e) {
    return std::any_of(e->assessment.metrics.begin(), e->assessment.metrics.end(),
                       [](const auto& r) { return r.def->id == "stars" && r.value.has_value(); });
  });
  if (stars) in.charts.push_back({"stars", zh ? "每月新增星标" : "Stars per month", report::MetricSeriesSvg("stars", all, style)});
  for (const auto* e : all) {
    const std::string id = e->assessment.community;
    in.communities.push_back(report::HtmlCommunity{
        e,
        {{id + "-flywheel", zh ? "B–C–P 飞轮" : "B–C–P flywheel", report::FlywheelSvg(*e, style)},
         {id + "-rings", zh ? "人才圈层" : "Talent rings", report::TalentRingsSvg(*e, style)},
         {id + "-funnel", zh ? "用户漏斗" : "User funnel", report::FunnelSvg(*e, style)}}});
  }
  if (Status s = WriteReport(ro.out, report::RenderHtmlReport(in)); !s.ok()) return Fail(s);
  if (!g.quiet) Printf(stderr, "%s/index.html\n", ro.out.c_str());
  return 0;
}

}  // namespace oscm::cli
