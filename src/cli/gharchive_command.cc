#include <unistd.h>

#include <cstdio>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/terminal_progress.h"
#include "ingest/gharchive/gharchive_ingest.h"
#include "ingest/gharchive/mpi_ingest.h"
#include "metrics/openrank_store.h"
#include "model/landscape.h"

namespace oscm::cli {

int CmdIngestGhArchive(const GlobalOptions& g, const IngestGhArchiveOptions& o, const IdentityOptions& io) {
  ingest::GhArchiveIngestOptions opts;
  for (const auto& spec : o.communities) {
    auto t = ingest::ParseTrackSpec(spec);
    if (!t) {
      Printf(stderr, "error: %s\n", t.error().message().c_str());
      return 2;
    }
    opts.track.push_back(std::move(t).value());
  }
  if (!o.landscape.empty()) {
    auto landscape = model::LoadLandscape(o.landscape);
    if (!landscape) return Fail(landscape.error());
    for (const auto& c : landscape->communities) {
      if (!c.github.empty()) opts.track.push_back(ingest::TrackedCommunity{c.id, c.github});
    }
  }
  opts.max_bad_lines = o.max_bad_lines;
  opts.all_repos = o.all_repos;
  opts.cancel = &g_interrupted;
  ingest::BotList bots;
  ingest::AffiliationResolver aff;
  if (Status s = LoadIdentityConfig(io, &bots, &aff); !s.ok()) return Fail(s);
  TerminalProgress progress(!g.quiet && isatty(STDERR_FILENO) == 1);
  Result<std::vector<ingest::GhFileResult>> results = std::vector<ingest::GhFileResult>{};
  std::optional<store::Store> store;  // the ingest's, kept open for OpenRank (one close, one checkpoint)
  if (o.mpi) {
    // Every rank runs this; only rank 0 reports (the others' errors reach it).
    auto outcome = ingest::IngestGhArchiveMpi(g.db, o.paths, opts, bots, progress);
    if (!outcome) return Fail(outcome.error().WithContext("ingest"));
    if (outcome->rank != 0) return outcome->failed ? 1 : 0;
    results = std::move(outcome->files);
  } else {
    auto files = ingest::ExpandGhArchivePaths(o.paths);
    if (!files) return Fail(files.error().WithContext("ingest"));
    opts.files = std::move(files).value();
    auto opened = OpenStore(g);
    if (!opened) return Fail(opened.error());
    store.emplace(std::move(opened).value());
    results = ingest::IngestGhArchive(*store, opts, bots, progress);
    if (!results) return Fail(results.error().WithContext("ingest"));
  }
  // OpenRank of the months whose activity this run (or an interrupted one) changed.
  if (!store) {
    auto opened = store::Store::Open(g.db);
    if (!opened) return Fail(opened.error());
    store.emplace(std::move(opened).value());
  }
  auto openrank = metrics::UpdateOpenRank(store->db(), progress, &g_interrupted);
  if (!openrank) return Fail(openrank.error().WithContext("OpenRank"));
  int failed = 0;
  for (const auto& r : *results) {
    if (!r.error.ok()) {
      ++failed;
      Printf(stderr, "error: %s\n", r.error.message().c_str());
    }
  }
  if (g.quiet) return failed > 0 ? 1 : 0;
  int64_t stored = 0;
  int64_t skipped = 0;
  for (const auto& r : *results) {
    if (r.skipped) {
      ++skipped;
      continue;
    }
    if (!r.error.ok()) continue;
    if (r.lines == 0) {
      Printf(stderr, "%s: empty: no events\n", r.path.c_str());
      continue;
    }
    stored += r.events_stored;
    Printf(stderr, "%s: %lld lines, %lld new events%s\n", r.path.c_str(), static_cast<long long>(r.lines),
                 static_cast<long long>(r.events_stored),
                 r.bad_lines > 0 ? fmt::format(", {} bad lines", r.bad_lines).c_str() : "");
    for (const auto& s : r.samples) Printf(stderr, "    %s\n", s.c_str());
  }
  Printf(stderr, "%zu files (%lld already ingested%s), %lld new events of tracked repositories%s\n",
               results->size(), static_cast<long long>(skipped),
               failed > 0 ? fmt::format(", {} rejected", failed).c_str() : "", static_cast<long long>(stored),
               o.all_repos ? "; monthly aggregates of every repository" : "");
  for (const auto& m : *openrank) {
    Printf(stderr, "OpenRank %s: %lld repositories and people, %lld edges, %d iterations\n", m.month.c_str(),
                 static_cast<long long>(m.nodes - 1), static_cast<long long>(m.edges), m.iterations);
  }
  return failed > 0 ? 1 : 0;
}

}  // namespace oscm::cli
