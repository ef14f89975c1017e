// oscm ingest gitee, and the Gitee half of assessing a gitee.com repository.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "base/clock.h"
#include "base/strings.h"
#include "cli/commands.h"
#include "cli/sleep_waiter.h"
#include "cli/terminal_progress.h"
#include "ingest/http/rest_client.h"

namespace oscm::cli {

Result<std::vector<ingest::GiteeRepoResult>> RunIngestGitee(store::Store& store, const std::vector<std::string>& repos,
                                                            const std::string& community, const GiteeOptions& o,
                                                            const ingest::BotList& bots, bool quiet) {
  ingest::GiteeIngestOptions opts;
  for (const auto& r : repos) {
    OSCM_ASSIGN_OR_RETURN(std::string name, ingest::ParseGiteeRepo(r));
    opts.repos.push_back(std::move(name));
  }
  opts.community = community;
  opts.cancel = &g_interrupted;
  const std::string env = o.token_env.empty() ? "GITEE_TOKEN" : o.token_env;
  const char* token = std::getenv(env.c_str());
  if (token == nullptr && !o.token_env.empty()) {
    return InvalidArgumentError(fmt::format("--token-env {}: {} is not set", env, env));
  }
  if ((token == nullptr || *token == '\0') && !quiet) {
    Printf(stderr, "oscm: no token in %s: anonymous Gitee API requests (rate limited)\n", env.c_str());
  }
  const bool tty = isatty(STDERR_FILENO) == 1;
  TerminalProgress progress(!quiet && tty);
  SleepWaiter waiter(progress, tty, quiet);
  SystemClock clock;
  OSCM_ASSIGN_OR_RETURN(auto transport, ingest::NewCurlTransport({.cancel = &g_interrupted}));
  ingest::RestClient client(ingest::GiteeClientOptions(o.api_url, token != nullptr ? token : "", !o.no_wait),
                            *transport, waiter, clock);
  OSCM_ASSIGN_OR_RETURN(auto results, ingest::IngestGitee(store, opts, client, bots, clock, progress));
  if (!quiet) {
    for (const auto& r : results) {
      const auto& s = r.snapshot;
      const bool renamed = AsciiLower(s.full_name) != AsciiLower(r.repo);
      Printf(stderr, "gitee.com/%s%s: %lld new events; %lld stars, %lld forks, %lld watchers, %lld open issues, "
                   "%lld contributors%s\n",
                   r.repo.c_str(), renamed ? fmt::format(" (now {})", s.full_name).c_str() : "",
                   static_cast<long long>(r.events_stored), static_cast<long long>(s.stars),
                   static_cast<long long>(s.forks), static_cast<long long>(s.watchers),
                   static_cast<long long>(s.open_issues), static_cast<long long>(r.contributors),
                   s.license.empty() ? "" : (", " + s.license).c_str());
    }
    Printf(stderr, "Gitee API: %lld requests\n", static_cast<long long>(client.stats().requests));
  }
  return results;
}

int CmdIngestGitee(const GlobalOptions& g, const std::vector<std::string>& repos, const std::string& community,
                   const GiteeOptions& o, const IdentityOptions& io) {
  for (const auto& r : repos) {
    if (auto name = ingest::ParseGiteeRepo(r); !name) {
      Printf(stderr, "error: %s\n", name.error().message().c_str());
      return 2;
    }
  }
  ingest::BotList bots;
  ingest::AffiliationResolver aff;
  if (Status s = LoadIdentityConfig(io, &bots, &aff); !s.ok()) return Fail(s);
  auto store = store::Store::Open(g.db);
  if (!store) return Fail(store.error());
  auto results = RunIngestGitee(*store, repos, community, o, bots, g.quiet);
  if (!results) return Fail(results.error().WithContext("ingest"));
  return 0;
}

}  // namespace oscm::cli
