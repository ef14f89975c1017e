#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "base/clock.h"
#include "base/strings.h"
#include "cli/commands.h"
#include "cli/sleep_waiter.h"
#include "cli/terminal_progress.h"
#include "ingest/github/github_client.h"
#include "ingest/github/http_client.h"
#include "ingest/github/profiles.h"

namespace oscm::cli {

void AddGitHubFlags(CLI::App* cmd, GitHubOptions* o) {
  cmd->add_option("--api-url", o->api_url, "GitHub API root (GitHub Enterprise: https://HOST/api/v3)")
      ->capture_default_str();
  cmd->add_option("--token-env", o->token_env, "environment variable holding the GitHub token (default: GITHUB_TOKEN)");
  cmd->add_flag("--no-wait", o->no_wait, "stop (keeping what was fetched) instead of waiting out a rate limit");
  cmd->add_option("--profiles", o->profiles,
                  "with a token: fetch the public profiles (company) of this many most active contributors, "
                  "cached 90 days; 0: none")
      ->capture_default_str()->check(CLI::NonNegativeNumber);
}

Result<std::vector<ingest::GitHubRepoResult>> RunIngestGitHub(store::Store& store,
                                                              const std::vector<std::string>& repos,
                                                              const std::string& community,
                                                              const GitHubOptions& o, const ingest::BotList& bots,
                                                              bool quiet) {
  ingest::GitHubIngestOptions opts;
  for (const auto& r : repos) {
    OSCM_ASSIGN_OR_RETURN(std::string name, ingest::ParseGitHubRepo(r));
    opts.repos.push_back(ingest::TrackedCommunity{community, {std::move(name)}});
  }
  opts.cancel = &g_interrupted;
  const std::string env = o.token_env.empty() ? "GITHUB_TOKEN" : o.token_env;
  const char* token = std::getenv(env.c_str());
  if (token == nullptr && !o.token_env.empty()) {
    return InvalidArgumentError(fmt::format("--token-env {}: {} is not set", env, env));
  }
  if ((token == nullptr || *token == '\0') && !quiet) {
    Printf(stderr, "oscm: no token in %s: anonymous GitHub API requests (60 an hour)\n", env.c_str());
  }
  ingest::GitHubClientOptions client_opts;
  client_opts.api_url = o.api_url;
  client_opts.token = token != nullptr ? token : "";
  client_opts.wait_for_reset = !o.no_wait;
  const bool tty = isatty(STDERR_FILENO) == 1;
  TerminalProgress progress(!quiet && tty);
  SleepWaiter waiter(progress, tty, quiet);
  SystemClock clock;
  OSCM_ASSIGN_OR_RETURN(auto transport, ingest::NewCurlTransport({.cancel = &g_interrupted}));
  ingest::GitHubClient client(std::move(client_opts), *transport, waiter, clock);
  OSCM_ASSIGN_OR_RETURN(auto results, ingest::IngestGitHub(store, opts, client, bots, clock, progress));
  if (!quiet) {
    for (const auto& r : results) {
      const auto& s = r.snapshot;
      const bool renamed = AsciiLower(s.full_name) != AsciiLower(r.repo);
      Printf(stderr, "%s%s: %lld new events; %lld stars, %lld forks, %lld watchers, %lld open issues%s%s\n",
                   r.repo.c_str(), renamed ? fmt::format(" (now {})", s.full_name).c_str() : "",
                   static_cast<long long>(r.events_stored), static_cast<long long>(s.stars),
                   static_cast<long long>(s.forks), static_cast<long long>(s.watchers),
                   static_cast<long long>(s.open_issues), s.license.empty() ? "" : (", " + s.license).c_str(),
                   s.archived ? ", archived" : "");
    }
  }
  // Profiles cost a request each: only with a token (anonymous requests allow 60 an hour).
  if (token != nullptr && *token != '\0' && o.profiles > 0 && !results.empty()) {
    std::vector<std::string> communities;
    OSCM_ASSIGN_OR_RETURN(auto q, store.db().Prepare(
        "SELECT DISTINCT c.name FROM gh_repos r JOIN communities c ON c.id = r.community_id WHERE r.name = ?"));
    for (const auto& r : results) {
      q.Bind(1, std::string_view(AsciiLower(r.repo)));
      OSCM_ASSIGN_OR_RETURN(const bool row, q.Step());
      if (row && std::find(communities.begin(), communities.end(), q.ColumnText(0)) == communities.end()) {
        communities.push_back(q.ColumnText(0));
      }
      q.Reset();
    }
    ingest::ProfileFetchOptions po;
    po.max_logins = o.profiles;
    po.cancel = &g_interrupted;
    OSCM_ASSIGN_OR_RETURN(const auto profiles, ingest::FetchContributorProfiles(store, communities, client, clock, po, progress));
    if (!quiet) {
      Printf(stderr, "GitHub profiles: %lld fetched (%lld name a company), %lld cached\n",
                   static_cast<long long>(profiles.fetched), static_cast<long long>(profiles.companies),
                   static_cast<long long>(profiles.cached));
    }
  }
  if (!quiet) {
    Printf(stderr, "GitHub API: %lld requests (%lld unchanged since the last run)\n",
                 static_cast<long long>(client.stats().requests), static_cast<long long>(client.stats().not_modified));
  }
  return results;
}

int CmdIngestGitHub(const GlobalOptions& g, const IngestGitHubOptions& o, const GitHubOptions& gh,
                    const IdentityOptions& io) {
  for (const auto& r : o.repos) {
    if (auto name = ingest::ParseGitHubRepo(r); !name) {
      Printf(stderr, "error: %s\n", name.error().message().c_str());
      return 2;
    }
  }
  ingest::BotList bots;
  ingest::AffiliationResolver aff;
  if (Status s = LoadIdentityConfig(io, &bots, &aff); !s.ok()) return Fail(s);
  auto store = OpenStore(g);
  if (!store) return Fail(store.error());
  auto results = RunIngestGitHub(*store, o.repos, o.community, gh, bots, g.quiet);
  if (!results) return Fail(results.error().WithContext("ingest"));
  return 0;
}

}  // namespace oscm::cli
