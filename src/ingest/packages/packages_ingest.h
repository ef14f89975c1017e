// IngestPackages: the packages a community publishes, and what the registries say of their users.
//
// Packages come from the community's profile ([[package]]), from the caller (a landscape's
// `packages`, or --package), and from the manifests at HEAD of the community's git repositories
// (manifest_scan.h). Each is stored once (packages: ecosystem and normalised name; a package
// another community already holds is an error when declared and skipped when discovered).
//
// Then, per package, three sources, each fetched at most once per `max_age_seconds` (a cache:
// package_sync holds when each was fetched and where its download history stopped):
//   downloads        npm: daily downloads from `since` (default 36 months ago) or where the last
//                    run stopped, to two days ago, in requests of at most 540 days (npm serves 18
//                    months a request); PyPI: pypistats.org's daily downloads without mirrors
//                    (it keeps 180 days); crates.io: daily downloads of all versions (90 days);
//                    Docker Hub: the all-time pull count, as a dated snapshot. Go modules and
//                    Maven artifacts have no public download counts.
//   dependents       deps.dev: the dependents of the package's default version (npm, PyPI, Go,
//                    Maven); crates.io's reverse dependencies for Rust crates.
//   dependent_repos  ecosyste.ms: repositories depending on the package (every ecosystem).
// A registry that does not know the package (404) is noted and cached like an answer. A malformed
// answer fails that package's source (reported in its PackageResult, nothing stored) and the run
// goes on; network failures after retries, exhausted rate limits with --no-wait, bad credentials
// and Ctrl-C stop the run, keeping what was stored. Every request's result is stored in one
// transaction with its package_sync row, so an interrupted run resumes where it stopped.
// Renames: a registry's redirect is followed (RestClient), and the name a registry gives back
// (deps.dev's canonical name, Docker Hub's namespace/name) is kept as the package's canonical name.
// Not thread-safe: uses the caller's Store and clients.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/progress.h"
#include "ingest/http/rest_client.h"
#include "ingest/packages/package_ref.h"
#include "oscm/status.h"
#include "store/store.h"

namespace oscm::ingest {

// The registries' API roots (tests point them at a replay server).
struct RegistryUrls {
  std::string npm = "https://api.npmjs.org";
  std::string pypistats = "https://pypistats.org";
  std::string crates = "https://crates.io";
  std::string dockerhub = "https://hub.docker.com";
  std::string depsdev = "https://api.deps.dev";
  std::string ecosystems = "https://packages.ecosyste.ms";
};
// "npm=URL" (and pypistats, crates, dockerhub, depsdev, ecosystems); kInvalidArgument otherwise.
Status SetRegistryUrl(RegistryUrls* urls, std::string_view spec);

struct PackagesIngestOptions {
  std::string community;
  std::vector<PackageRef> declared;  // besides the profile's
  std::string declared_origin = "flag";
  bool discover = true;              // from the community's git repositories
  std::string cache_dir;             // where repositories given by URL were cloned
  int64_t since = 0;                 // first day of npm history; 0: 36 months before now
  int64_t max_age_seconds = 86400;   // a source fetched more recently is not fetched again
  const std::atomic<bool>* cancel = nullptr;
};

// One RestClient per service (each with its own rate limits and pacing).
struct RegistryClients {
  RestClient* npm = nullptr;
  RestClient* pypistats = nullptr;
  RestClient* crates = nullptr;
  RestClient* dockerhub = nullptr;
  RestClient* depsdev = nullptr;
  RestClient* ecosystems = nullptr;
};
// The RestClient options for each service (User-Agent, pacing: crates.io asks for one request a
// second), with `user_agent` sent to all and `wait_for_reset` as --no-wait sets it.
RestClientOptions RegistryOptions(std::string_view service, const RegistryUrls& urls, const std::string& user_agent,
                                  bool wait_for_reset);

struct PackageResult {
  PackageRef ref;
  std::string origin;                   // "profile", "flag", "landscape", "repo:<location>:<path>"
  std::string canonical;                // as the registry names it, when it said
  int64_t days_stored = 0;              // daily download figures stored by this run
  std::optional<int64_t> pulls;         // Docker Hub, this run
  std::optional<int64_t> dependents;    // this run
  std::optional<int64_t> dependent_repos;
  int cached = 0;                       // sources not fetched: fresh enough
  std::vector<std::string> notes;       // "not on deps.dev", ...
  std::vector<std::string> errors;      // a source's malformed answer: "deps.dev: malformed JSON ..."
};

struct PackagesIngestResult {
  std::vector<PackageResult> packages;  // by ecosystem, name
  std::vector<std::string> skipped;     // discovered packages held by another community
};

Result<PackagesIngestResult> IngestPackages(store::Store& store, const PackagesIngestOptions& options,
                                            const RegistryClients& clients, const Clock& clock,
                                            ProgressSink& progress);

}  // namespace oscm::ingest
