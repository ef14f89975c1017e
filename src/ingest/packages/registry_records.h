// The registries' JSON answers, read into plain values. Each parser takes one response body and
// fails with kCorruption ("malformed JSON", or the field that is missing) when the body is not the
// documented shape:
//
//   npm downloads    GET api.npmjs.org/downloads/range/{start}:{end}/{package}
//                    {"start","end","package","downloads":[{"day":"2024-01-01","downloads":N}...]}
//                    (npm/registry docs/download-counts.md)
//   PyPI             GET pypistats.org/api/packages/{package}/overall?mirrors=false
//                    {"data":[{"category":"without_mirrors","date":"...","downloads":N}...],
//                     "package","type":"overall_downloads"} (pypistats.org/api)
//   crates.io        GET crates.io/api/v1/crates/{crate}/downloads
//                    {"version_downloads":[{"version":id,"downloads":N,"date":"..."}...],
//                     "meta":{"extra_downloads":[{"date","downloads"}...]}} (last 90 days)
//                    GET crates.io/api/v1/crates/{crate}/reverse_dependencies?per_page=1
//                    {"dependencies":[...],"versions":[...],"meta":{"total":N}}
//   Docker Hub       GET hub.docker.com/v2/repositories/{namespace}/{name}/
//                    {"namespace","name","pull_count":N,"star_count":N,...}
//   deps.dev         GET api.deps.dev/v3/systems/{system}/packages/{name}
//                    {"packageKey":{"system","name"},"versions":[{"versionKey":{...,"version"},
//                     "isDefault":bool,"publishedAt"}...]}
//                    GET api.deps.dev/v3alpha/systems/{system}/packages/{name}/versions/{v}:dependents
//                    {"dependentCount":N,"directDependentCount":N,"indirectDependentCount":N}
//   ecosyste.ms      GET packages.ecosyste.ms/api/v1/registries/{registry}/packages/{name}
//                    {"name","dependent_packages_count":N,"dependent_repos_count":N,...}
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oscm/status.h"

namespace oscm::ingest {

struct DailyCount {
  int64_t day = 0;  // Unix seconds at 00:00 UTC
  int64_t count = 0;
};

// Days in order, one entry per day (several entries of one day are added up).
Result<std::vector<DailyCount>> ParseNpmRange(std::string_view body);
Result<std::vector<DailyCount>> ParsePypiStatsOverall(std::string_view body);  // without mirrors
Result<std::vector<DailyCount>> ParseCratesDownloads(std::string_view body);   // all versions
Result<int64_t> ParseCratesReverseDependencies(std::string_view body);

struct DockerHubRepo {
  std::string full_name;  // "namespace/name" as Docker Hub names it now
  int64_t pulls = 0;      // all time
  int64_t stars = 0;
};
Result<DockerHubRepo> ParseDockerHubRepo(std::string_view body);

struct DepsDevPackage {
  std::string name;             // canonical
  std::string default_version;  // the default version, else the last listed; "" when none
};
Result<DepsDevPackage> ParseDepsDevPackage(std::string_view body);
Result<int64_t> ParseDepsDevDependents(std::string_view body);

// dependent_repos_count; nullopt when ecosyste.ms has no figure (null).
Result<std::optional<int64_t>> ParseEcosystemsDependentRepos(std::string_view body);

}  // namespace oscm::ingest
