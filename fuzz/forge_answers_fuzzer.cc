// libFuzzer target: arbitrary bytes as an answer of a registry or of Gitee's API, or as a package
// manifest. The first byte picks the reader; every reader must return a value or an error, never
// crash, and what it accepts must be sane (daily figures in day order, non-negative).
#include <cstdint>
#include <string_view>

#include "ingest/gitee/gitee_records.h"
#include "ingest/packages/manifests.h"
#include "ingest/packages/registry_records.h"

namespace {

void CheckDays(const oscm::Result<std::vector<oscm::ingest::DailyCount>>& days) {
  if (!days) return;
  for (size_t i = 0; i < days->size(); ++i) {
    if ((*days)[i].count < 0 || (i > 0 && (*days)[i].day <= (*days)[i - 1].day)) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace oscm::ingest;
  if (size == 0) return 0;
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 12) {
    case 0: CheckDays(ParseNpmRange(body)); break;
    case 1: CheckDays(ParsePypiStatsOverall(body)); break;
    case 2: CheckDays(ParseCratesDownloads(body)); break;
    case 3: (void)ParseCratesReverseDependencies(body); (void)ParseDockerHubRepo(body); break;
    case 4: (void)ParseDepsDevPackage(body); (void)ParseDepsDevDependents(body); break;
    case 5: (void)ParseEcosystemsDependentRepos(body); break;
    case 6: (void)ParseGiteeRepoSnapshot(body); (void)ParseGiteeContributors(body); break;
    case 7: (void)ParseGiteePage(GiteeResource::kIssues, body, 1, "gitee.com/a/b"); break;
    case 8: (void)ParseGiteePage(GiteeResource::kPulls, body, 1, "gitee.com/a/b"); break;
    case 9: (void)ParseGiteePage(GiteeResource::kIssueComments, body, 1, "gitee.com/a/b"); break;
    case 10: (void)GiteeIssueNumber(body); (void)ParsePackageSpec(body); break;
    default:
      for (const char* name : {"package.json", "Cargo.toml", "pyproject.toml", "setup.cfg", "go.mod", "pom.xml", "README.md"}) {
        for (const PackageRef& ref : PackagesInManifest(name, body, true)) {
          if (ref.name.empty()) __builtin_trap();
        }
      }
  }
  return 0;
}
