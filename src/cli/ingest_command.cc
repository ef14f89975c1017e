#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

#include "base/clock.h"
#include "cli/commands.h"
#include "cli/terminal_progress.h"

namespace oscm::cli {

// Ingests one location; prints a one-line summary unless quiet.
Result<ingest::GitIngestResult> RunIngestGit(store::Store& store, const std::string& location,
                                             const IngestGitOptions& o, const ingest::BotList& bots,
                                             const ingest::AffiliationResolver& aff, bool quiet) {
  ingest::GitIngestOptions opts;
  opts.location = location;
  opts.community = o.community;
  opts.branch = o.branch;
  opts.all_branches = o.all_branches;
  opts.numstat = o.numstat;
  opts.threads = o.threads;
  opts.max_bad = o.max_bad;
  opts.cache_dir = DefaultCacheDir();
  opts.now = SystemClock().NowUnix();
  opts.cancel = &g_interrupted;
  TerminalProgress progress(!quiet && isatty(STDERR_FILENO) == 1);
  OSCM_ASSIGN_OR_RETURN(auto r, ingest::IngestGit(store, opts, bots, aff, progress));
  if (!quiet) {
    Printf(stderr, "%s: %s: %lld new commits, %lld releases, %lld community files%s%s\n",
                 r.community.c_str(), r.location.c_str(), static_cast<long long>(r.commits_added),
                 static_cast<long long>(r.releases), static_cast<long long>(r.community_files),
                 r.numstat_commits > 0 ? fmt::format(", line changes for {} commits", r.numstat_commits).c_str() : "",
                 r.reresolved ? ", organisations recomputed" : "");
    if (r.stats.bad > 0) {
      Printf(stderr, "  %lld bad records (kept sane or skipped), e.g.:\n", static_cast<long long>(r.stats.bad));
      for (const auto& s : r.stats.samples) Printf(stderr, "    %s\n", s.c_str());
    }
  }
  return r;
}
int CmdIngestGit(const GlobalOptions& g, const IngestGitOptions& o, const IdentityOptions& io) {
  ingest::BotList bots;
  ingest::AffiliationResolver aff;
  if (Status s = LoadIdentityConfig(io, &bots, &aff); !s.ok()) return Fail(s);
  auto store = OpenStore(g);
  if (!store) return Fail(store.error());
  for (const auto& loc : o.locations) {
    auto r = RunIngestGit(*store, loc, o, bots, aff, g.quiet);
    if (!r) return Fail(r.error().WithContext("ingest"));
  }
  return 0;
}
}  // namespace oscm::cli
