#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "model/evaluation.h"
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
    std::fprintf(stderr, "error: name communities or --landscape FILE (one of the two)\n");
    return 2;
  }
  std::optional<int64_t> as_of;
  std::optional<model::ModelSpec> model;
  if (int rc = ReadEvaluationOptions(o, &as_of, &model); rc != 0) return rc;
  report::HtmlReportInput in;
  in.model = &*model;
  in.lang = TableLang(o);
  std::optional<model::LandscapeEvaluation> landscape;
  std::vector<model::CommunityEvaluation> single;
  if (!ro.landscape.file.empty()) {
    auto l = EvaluateLandscapeFile(g, ro.landscape, ingest_opts, io, *model, as_of);
    if (!l) return Fail(l.error());
    landscape = std::move(l).value();
    in.title = landscape->name;
    in.as_of = landscape->as_of;
    in.split = fmt::format("{} {:.1f} / {:.1f}", model->quadrant.median_split ? "medians" : "fixed", landscape->split_x,
                           landscape->split_y);
  } else {
    auto r = EvaluateTargets(g, o, ingest_opts, gh, io, *model, as_of);
    if (!r) return Fail(r.error());
    single = std::move(r).value();
    in.title = single.front().assessment.community;
    for (size_t i = 1; i < single.size(); ++i) in.title += ", " + single[i].assessment.community;
    in.as_of = single.front().assessment.as_of;
  }
  const auto& evaluations = landscape ? landscape->communities : single;
  for (const auto& e : evaluations) in.communities.push_back(report::HtmlCommunity{&e, {}});
  if (Status s = WriteReport(ro.out, report::RenderHtmlReport(in)); !s.ok()) return Fail(s);
  if (!g.quiet) std::fprintf(stderr, "%s/index.html\n", ro.out.c_str());
  return 0;
}

}  // namespace oscm::cli
