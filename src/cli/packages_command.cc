// oscm ingest packages: the packages of communities and what the registries say of their users.
#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

#include "base/clock.h"
#include "base/time.h"
#include "cli/commands.h"
#include "cli/sleep_waiter.h"
#include "cli/terminal_progress.h"
#include "ingest/packages/packages_ingest.h"
#include "model/landscape.h"

namespace oscm::cli {
namespace {

std::string Summary(const ingest::PackageResult& r) {
  std::vector<std::string> parts;
  if (r.days_stored > 0) parts.push_back(fmt::format("{} days of downloads", r.days_stored));
  if (r.pulls) parts.push_back(fmt::format("{} pulls", *r.pulls));
  if (r.dependents) parts.push_back(fmt::format("{} dependents", *r.dependents));
  if (r.dependent_repos) parts.push_back(fmt::format("{} dependent repositories", *r.dependent_repos));
  if (r.cached > 0) parts.push_back(fmt::format("{} sources fetched recently (cached)", r.cached));
  for (const auto& n : r.notes) parts.push_back(n);
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out.empty() ? "nothing new" : out;
}

}  // namespace

int CmdIngestPackages(const GlobalOptions& g, const IngestPackagesOptions& o) {
  // Usage errors first: they exit 2 before anything is opened.
  std::vector<ingest::PackageRef> flagged;
  for (const auto& spec : o.packages) {
    auto ref = ingest::ParsePackageSpec(spec);
    if (!ref) {
      Printf(stderr, "error: --package: %s\n", ref.error().message().c_str());
      return 2;
    }
    flagged.push_back(*ref);
  }
  if (o.communities.empty() == o.landscape.empty()) {
    Printf(stderr, "error: name communities or give --landscape FILE (one of the two)\n");
    return 2;
  }
  if (!flagged.empty() && o.communities.size() != 1) {
    Printf(stderr, "error: --package: give exactly one community for the packages\n");
    return 2;
  }
  ingest::RegistryUrls urls;
  for (const auto& spec : o.registry_urls) {
    if (Status s = ingest::SetRegistryUrl(&urls, spec); !s.ok()) {
      Printf(stderr, "error: %s\n", s.message().c_str());
      return 2;
    }
  }
  int64_t since = 0;
  if (!o.since.empty()) {
    auto d = ParseDate(o.since);
    if (!d) {
      Printf(stderr, "error: --since '%s': expected YYYY-MM-DD\n", o.since.c_str());
      return 2;
    }
    since = *d;
  }

  // (community, declared packages, origin)
  struct Job {
    std::string community;
    std::vector<ingest::PackageRef> declared;
    std::string origin;
  };
  std::vector<Job> jobs;
  if (!o.landscape.empty()) {
    auto landscape = model::LoadLandscape(o.landscape);
    if (!landscape) return Fail(landscape.error());
    for (const auto& c : landscape->communities) {
      Job job{c.id, {}, "landscape"};
      for (const auto& spec : c.packages) job.declared.push_back(*ingest::ParsePackageSpec(spec));
      jobs.push_back(std::move(job));
    }
  } else {
    for (const auto& c : o.communities) jobs.push_back(Job{c, flagged, "flag"});
  }

  auto store = store::Store::Open(g.db);
  if (!store) return Fail(store.error());
  const std::string user_agent =
      o.contact.empty() ? "oscm/0.1.0" : fmt::format("oscm/0.1.0 ({})", o.contact);
  const bool tty = isatty(STDERR_FILENO) == 1;
  TerminalProgress progress(!g.quiet && tty);
  SleepWaiter waiter(progress, tty, g.quiet);
  SystemClock clock;
  auto transport = ingest::NewCurlTransport({.cancel = &g_interrupted});
  if (!transport) return Fail(transport.error());
  ingest::RestClient npm(ingest::RegistryOptions("npm", urls, user_agent, !o.no_wait), **transport, waiter, clock);
  ingest::RestClient pypistats(ingest::RegistryOptions("pypistats", urls, user_agent, !o.no_wait), **transport, waiter, clock);
  ingest::RestClient crates(ingest::RegistryOptions("crates.io", urls, user_agent, !o.no_wait), **transport, waiter, clock);
  ingest::RestClient dockerhub(ingest::RegistryOptions("Docker Hub", urls, user_agent, !o.no_wait), **transport, waiter, clock);
  ingest::RestClient depsdev(ingest::RegistryOptions("deps.dev", urls, user_agent, !o.no_wait), **transport, waiter, clock);
  ingest::RestClient ecosystems(ingest::RegistryOptions("ecosyste.ms", urls, user_agent, !o.no_wait), **transport, waiter, clock);
  const ingest::RegistryClients clients{&npm, &pypistats, &crates, &dockerhub, &depsdev, &ecosystems};

  int failed = 0;
  for (const Job& job : jobs) {
    ingest::PackagesIngestOptions opts;
    opts.community = job.community;
    opts.declared = job.declared;
    opts.declared_origin = job.origin;
    opts.discover = !o.no_discover;
    opts.cache_dir = DefaultCacheDir();
    opts.since = since;
    opts.max_age_seconds = o.refresh ? -1 : static_cast<int64_t>(o.max_age_hours * 3600);
    opts.cancel = &g_interrupted;
    auto r = ingest::IngestPackages(*store, opts, clients, clock, progress);
    if (!r && r.error().code() == StatusCode::kNotFound && !o.landscape.empty()) {
      // A landscape community not yet in the store, without declared packages: nothing to do.
      if (!g.quiet) Printf(stderr, "%s: not in the store and no packages declared; skipped\n", job.community.c_str());
      continue;
    }
    if (!r) return Fail(r.error().WithContext(fmt::format("ingest: {}", job.community)));
    for (const auto& s : r->skipped) Printf(stderr, "warning: %s; skipped\n", s.c_str());
    for (const auto& p : r->packages) {
      for (const auto& e : p.errors) {
        ++failed;
        Printf(stderr, "error: %s: %s: %s\n", job.community.c_str(), ingest::FormatPackageRef(p.ref).c_str(),
                     e.c_str());
      }
      if (g.quiet) continue;
      const bool renamed = !p.canonical.empty() && p.canonical != p.ref.name;
      Printf(stderr, "%s: %s%s (%s): %s\n", job.community.c_str(), ingest::FormatPackageRef(p.ref).c_str(),
                   renamed ? fmt::format(" (registry name {})", p.canonical).c_str() : "", p.origin.c_str(),
                   Summary(p).c_str());
    }
    if (!g.quiet && r->packages.empty()) {
      Printf(stderr, "%s: no packages (declare them in its profile or with --package)\n", job.community.c_str());
    }
  }
  if (!g.quiet) {
    const int64_t requests = npm.stats().requests + pypistats.stats().requests + crates.stats().requests +
                             dockerhub.stats().requests + depsdev.stats().requests + ecosystems.stats().requests;
    Printf(stderr, "registries: %lld requests\n", static_cast<long long>(requests));
  }
  return failed > 0 ? 1 : 0;
}

}  // namespace oscm::cli
