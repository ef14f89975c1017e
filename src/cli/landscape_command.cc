#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "base/clock.h"
#include "cli/commands.h"
#include "report/csv_report.h"
#include "report/terminal_text.h"
#include "cli/terminal_progress.h"
#include "ingest/gharchive/gharchive_ingest.h"
#include "ingest/git/git_repo.h"
#include "ingest/profile/profile.h"
#include "ingest/profile/profile_ingest.h"
#include "metrics/activity.h"
#include "metrics/assessment.h"
#include "model/evaluation.h"
#include "model/landscape.h"
#include "report/evaluation_report.h"

namespace oscm::cli {
namespace {

// Whether the repository at `location` (path or URL) is already in the store.
Result<bool> Stored(store::Store& store, const std::string& location) {
  std::string key = location;
  if (!ingest::LooksLikeUrl(location)) {
    std::error_code ec;
    key = std::filesystem::weakly_canonical(location, ec).string();
  }
  OSCM_ASSIGN_OR_RETURN(auto row, store.FindRepository(key));
  return row.has_value();
}

}  // namespace

Result<model::LandscapeEvaluation> EvaluateLandscapeFile(const GlobalOptions& g, const LandscapeOptions& lo,
                                                         const IngestGitOptions& ingest_opts, const IdentityOptions& io,
                                                         const model::ModelSpec& model, std::optional<int64_t> as_of) {
  OSCM_ASSIGN_OR_RETURN(const model::Landscape landscape_value, model::LoadLandscape(lo.file));
  const model::Landscape* landscape = &landscape_value;
  OSCM_ASSIGN_OR_RETURN(store::Store store_value, OpenStore(g));
  store::Store* store = &store_value;
  ingest::BotList bots;
  ingest::AffiliationResolver aff;
  OSCM_RETURN_IF_ERROR(LoadIdentityConfig(io, &bots, &aff));

  // Ingest what is missing: repositories not in the store (all of them with --update), and the
  // profiles (a profile ingest that changes nothing writes nothing).
  for (const auto& c : landscape->communities) {
    for (const auto& repo : c.repositories) {
      OSCM_ASSIGN_OR_RETURN(const bool stored, Stored(*store, repo));
      if (stored && !lo.update) continue;
      IngestGitOptions opts = ingest_opts;
      opts.community = c.id;
      auto r = RunIngestGit(*store, repo, opts, bots, aff, g.quiet);
      if (!r) return r.error().WithContext(fmt::format("{}: community '{}'", lo.file, c.id));
    }
    if (!c.profile.empty()) {
      OSCM_ASSIGN_OR_RETURN(const ingest::Profile profile, ingest::LoadProfile(c.profile));
      if (profile.community != c.id) {
        return InvalidArgumentError(fmt::format("{}: the profile is for '{}', but the landscape uses it for '{}'",
                                                c.profile, profile.community, c.id));
      }
      OSCM_RETURN_IF_ERROR(ingest::IngestProfile(*store, profile).status());
    }
  }

  // GH Archive: the files the landscape names, for its communities' GitHub repositories (files
  // already read are skipped by the ingest log).
  if (!landscape->gharchive.empty()) {
    ingest::GhArchiveIngestOptions gha;
    for (const auto& c : landscape->communities) {
      if (!c.github.empty()) gha.track.push_back(ingest::TrackedCommunity{c.id, c.github});
    }
    auto files = ingest::ExpandGhArchivePaths(landscape->gharchive);
    if (!files) return files.error().WithContext(lo.file);
    gha.files = std::move(files).value();
    gha.cancel = &g_interrupted;
    TerminalProgress progress(!g.quiet && isatty(STDERR_FILENO) == 1);
    auto results = ingest::IngestGhArchive(*store, gha, bots, progress);
    if (!results) return results.error().WithContext(lo.file);
    int64_t stored = 0, rejected = 0;
    for (const auto& r : *results) {
      stored += r.events_stored;
      if (!r.error.ok()) {
        ++rejected;
        Printf(stderr, "warning: %s\n", r.error.message().c_str());
      }
    }
    if (!g.quiet) {
      Printf(stderr, "GH Archive: %zu files, %lld new events%s\n", results->size(), static_cast<long long>(stored),
                   rejected > 0 ? fmt::format(", {} rejected files", rejected).c_str() : "");
    }
  }

  std::vector<metrics::CommunityActivity> activities;
  int64_t latest = 0;
  for (const auto& c : landscape->communities) {
    auto activity = metrics::LoadCommunityActivity(store->db(), c.id);
    if (!activity) return activity.error().WithContext(fmt::format("{}: community '{}'", lo.file, c.id));
    latest = std::max(latest, metrics::DefaultAsOf(*activity, SystemClock().NowUnix()));
    activities.push_back(std::move(activity).value());
  }
  std::vector<const metrics::CommunityActivity*> pointers;
  for (const auto& a : activities) pointers.push_back(&a);
  model::LandscapeEvaluation evaluation = model::EvaluateLandscape(model, landscape->name, pointers, as_of ? *as_of : latest);
  std::vector<const model::CommunityEvaluation*> kept;
  for (const auto& c : evaluation.communities) kept.push_back(&c);
  KeepAssessments(*store, model, kept, landscape->name);
  return evaluation;
}

int CmdLandscape(const GlobalOptions& g, const LandscapeOptions& lo, const AssessOptions& o,
                 const IngestGitOptions& ingest_opts, const IdentityOptions& io) {
  std::optional<int64_t> as_of;
  std::optional<model::ModelSpec> model;
  if (int rc = ReadEvaluationOptions(o, &as_of, &model); rc != 0) return rc;
  auto evaluated = EvaluateLandscapeFile(g, lo, ingest_opts, io, *model, as_of);
  if (!evaluated) return Fail(evaluated.error());
  const auto& evaluation = *evaluated;
  if (o.format == "csv" || o.format == "csv-months") {
    std::vector<const model::CommunityEvaluation*> all;
    for (const auto& c : evaluation.communities) all.push_back(&c);
    Print(stdout, o.format == "csv" ? report::RenderEvaluationsCsv(all, *model, true) : report::RenderMonthlyCsv(all, *model));
  } else if (o.format == "json") {
    Print(stdout, report::RenderLandscapeJson(evaluation, *model));
  } else {
    const size_t width = TerminalColumns();
    Print(stdout, report::FitLines(report::RenderLandscapeTable(evaluation, *model, TableLang(o), ColorOutput(), width), width),
          ColorOutput());
  }
  return 0;
}

}  // namespace oscm::cli
