#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>

#include <fmt/format.h>

#include "base/clock.h"
#include "base/time.h"
#include "cli/commands.h"
#include "ingest/git/git_repo.h"
#include "metrics/activity.h"
#include "metrics/assessment.h"
#include "report/assessment_report.h"

namespace oscm::cli {

int CmdAssess(const GlobalOptions& g, const AssessOptions& o, const IngestGitOptions& ingest_opts,
              const GitHubOptions& gh, const IdentityOptions& io) {
  if (!o.github.empty()) {
    auto repo = ingest::ParseGitHubRepo(o.github);
    if (!repo || o.targets.size() > 1) {
      std::fprintf(stderr, "error: --github: %s\n",
                   repo ? "names the repository of one target; give one target" : repo.error().message().c_str());
      return 2;
    }
  }
  std::optional<int64_t> as_of;
  if (!o.as_of.empty()) {
    auto d = ParseDate(o.as_of);
    if (!d) {
      std::fprintf(stderr, "error: --as-of: %s\n", d.error().message().c_str());
      return 2;
    }
    as_of = *d;
  }
  auto store = store::Store::Open(g.db);
  if (!store) return Fail(store.error());
  ingest::BotList bots;
  ingest::AffiliationResolver aff;
  if (Status s = LoadIdentityConfig(io, &bots, &aff); !s.ok()) return Fail(s);

  std::vector<metrics::Assessment> results;
  for (const auto& target : o.targets) {
    auto known = store->FindCommunity(target);
    if (!known) return Fail(known.error());
    std::string community = target;
    std::error_code ec;
    if (!*known) {
      if (!ingest::LooksLikeUrl(target) && !std::filesystem::exists(target, ec)) {
        return Fail(NotFoundError(fmt::format(
            "unknown community '{}': not in the store {} and not a path or URL (see 'oscm communities')",
            target, g.db)));
      }
      auto r = RunIngestGit(*store, target, ingest_opts, bots, aff, g.quiet);
      if (!r) return Fail(r.error().WithContext("ingest"));
      community = r->community;
    }
    // What git lacks, from the GitHub API. Without it (no network, a bad token, a rate limit
    // with --no-wait) the assessment goes on from git alone, saying so.
    const std::string github = !o.github.empty() ? o.github : ingest::IsGitHubUrl(target) ? target : "";
    if (!github.empty()) {
      auto fetched = RunIngestGitHub(*store, {github}, community, gh, bots, g.quiet);
      if (!fetched && fetched.error().code() == StatusCode::kCancelled) return Fail(fetched.error());
      if (!fetched) {
        std::fprintf(stderr, "warning: GitHub API: %s; assessing %s without GitHub data\n",
                     fetched.error().message().c_str(), community.c_str());
      }
    }
    auto activity = metrics::LoadCommunityActivity(store->db(), community);
    if (!activity) return Fail(activity.error().WithContext(g.db));
    const int64_t date = as_of ? *as_of : metrics::DefaultAsOf(*activity, SystemClock().NowUnix());
    results.push_back(metrics::Assess(*activity, date));
  }
  if (o.format == "json") {
    if (results.size() == 1) {
      std::fputs(report::RenderAssessmentJson(results[0]).c_str(), stdout);
    } else {
      std::string out = "[\n";
      for (size_t i = 0; i < results.size(); ++i) {
        std::string one = report::RenderAssessmentJson(results[i]);
        one.pop_back();
        out += one + (i + 1 < results.size() ? ",\n" : "\n");
      }
      std::fputs((out + "]\n").c_str(), stdout);
    }
  } else {
    const bool color = isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
    for (size_t i = 0; i < results.size(); ++i) {
      if (i > 0) std::fputs("\n", stdout);
      std::fputs(report::RenderAssessmentTable(results[i], color).c_str(), stdout);
    }
  }
  return 0;
}
}  // namespace oscm::cli
