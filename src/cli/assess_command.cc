#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>

#include <fmt/format.h>

#include "base/clock.h"
#include "base/time.h"
#include "cli/commands.h"
#include "report/csv_report.h"
#include "report/terminal_text.h"
#include "ingest/git/git_repo.h"
#include "metrics/activity.h"
#include "metrics/assessment.h"
#include "model/evaluation.h"
#include "report/evaluation_report.h"

namespace oscm::cli {

Result<std::vector<model::CommunityEvaluation>> EvaluateTargets(const GlobalOptions& g, const AssessOptions& o,
                                                                const IngestGitOptions& ingest_opts, const GitHubOptions& gh,
                                                                const IdentityOptions& io, const model::ModelSpec& model,
                                                                std::optional<int64_t> as_of) {
  OSCM_ASSIGN_OR_RETURN(store::Store store, OpenStore(g));
  ingest::BotList bots;
  ingest::AffiliationResolver aff;
  OSCM_RETURN_IF_ERROR(LoadIdentityConfig(io, &bots, &aff));
  std::vector<model::CommunityEvaluation> results;
  for (const auto& target : o.targets) {
    OSCM_ASSIGN_OR_RETURN(auto known, store.FindCommunity(target));
    std::string community = target;
    std::error_code ec;
    if (!known) {
      if (!ingest::LooksLikeUrl(target) && !std::filesystem::exists(target, ec)) {
        return NotFoundError(fmt::format(
            "unknown community '{}': not in the store {} and not a path or URL (see 'oscm communities')", target, g.db));
      }
      auto r = RunIngestGit(store, target, ingest_opts, bots, aff, g.quiet);
      if (!r) return r.error().WithContext("ingest");
      community = r->community;
    }
    // What git lacks, from the GitHub API. Without it (no network, a bad token, a rate limit
    // with --no-wait) the assessment goes on from git alone, saying so.
    const std::string github = !o.github.empty() ? o.github : ingest::IsGitHubUrl(target) ? target : "";
    if (!github.empty()) {
      auto fetched = RunIngestGitHub(store, {github}, community, gh, bots, g.quiet);
      if (!fetched && fetched.error().code() == StatusCode::kCancelled) return fetched.error();
      if (!fetched) {
        Printf(stderr, "warning: GitHub API: %s; assessing %s without GitHub data\n",
                     fetched.error().message().c_str(), community.c_str());
      }
    }
    const std::string gitee_repo = !o.gitee.empty() ? o.gitee : ingest::IsGiteeUrl(target) ? target : "";
    if (!gitee_repo.empty()) {
      GiteeOptions gitee = gh.gitee;
      gitee.no_wait = gh.no_wait;
      auto fetched = RunIngestGitee(store, {gitee_repo}, community, gitee, bots, g.quiet);
      if (!fetched && fetched.error().code() == StatusCode::kCancelled) return fetched.error();
      if (!fetched) {
        Printf(stderr, "warning: Gitee API: %s; assessing %s without Gitee data\n",
                     fetched.error().message().c_str(), community.c_str());
      }
    }
    auto activity = metrics::LoadCommunityActivity(store.db(), community);
    if (!activity) return activity.error().WithContext(g.db);
    const int64_t date = as_of ? *as_of : metrics::DefaultAsOf(*activity, SystemClock().NowUnix());
    results.push_back(model::Evaluate(model, *activity, date));
  }
  std::vector<const model::CommunityEvaluation*> kept;
  for (const auto& r : results) kept.push_back(&r);
  KeepAssessments(store, model, kept, "");
  return results;
}

int CmdAssess(const GlobalOptions& g, const AssessOptions& o, const IngestGitOptions& ingest_opts,
              const GitHubOptions& gh, const IdentityOptions& io) {
  if (!o.github.empty()) {
    auto repo = ingest::ParseGitHubRepo(o.github);
    if (!repo || o.targets.size() > 1) {
      Printf(stderr, "error: --github: %s\n",
                   repo ? "names the repository of one target; give one target" : repo.error().message().c_str());
      return 2;
    }
  }
  if (!o.gitee.empty()) {
    auto repo = ingest::ParseGiteeRepo(o.gitee);
    if (!repo || o.targets.size() > 1) {
      Printf(stderr, "error: --gitee: %s\n",
                   repo ? "names the repository of one target; give one target" : repo.error().message().c_str());
      return 2;
    }
  }
  std::optional<int64_t> as_of;
  std::optional<model::ModelSpec> model;
  if (int rc = ReadEvaluationOptions(o, &as_of, &model); rc != 0) return rc;
  auto evaluated = EvaluateTargets(g, o, ingest_opts, gh, io, *model, as_of);
  if (!evaluated) return Fail(evaluated.error());
  const auto& results = *evaluated;
  if (o.format == "csv" || o.format == "csv-months") {
    std::vector<const model::CommunityEvaluation*> all;
    for (const auto& r : results) all.push_back(&r);
    Print(stdout, o.format == "csv" ? report::RenderEvaluationsCsv(all, *model, false) : report::RenderMonthlyCsv(all, *model));
  } else if (o.format == "json") {
    if (results.size() == 1) {
      Print(stdout, report::RenderEvaluationJson(results[0], *model));
    } else {
      std::string out = "[\n";
      for (size_t i = 0; i < results.size(); ++i) {
        std::string one = report::RenderEvaluationJson(results[i], *model);
        one.pop_back();
        out += one + (i + 1 < results.size() ? ",\n" : "\n");
      }
      Print(stdout, out + "]\n");
    }
  } else {
    for (size_t i = 0; i < results.size(); ++i) {
      if (i > 0) Print(stdout, "\n");
      Print(stdout, report::FitLines(report::RenderEvaluationTable(results[i], *model, TableLang(o), ColorOutput()), TerminalColumns()),
            ColorOutput());
    }
  }
  return 0;
}

}  // namespace oscm::cli
