// DiscoverPackages: the packages a git repository publishes, from the manifests at its HEAD
// (manifests.h says which files and what each declares).
//
// Looked at: the root, every directory directly under it, and the directories directly under the
// usual monorepo folders (packages, crates, libs, modules, components, plugins, sdk, sdks,
// clients, bindings, cmd). Folders of other people's code or of examples (vendor, node_modules,
// third_party, examples, test, tests, testdata, fixtures, docs) are skipped, since their
// manifests name packages the repository does not publish. Not thread-safe; uses the caller's
// GitRepo.
#pragma once

#include <string>
#include <vector>

#include "ingest/git/git_repo.h"
#include "ingest/packages/package_ref.h"
#include "oscm/status.h"

namespace oscm::ingest {

struct DiscoveredPackage {
  PackageRef ref;
  std::string path;  // the manifest, e.g. "packages/core/package.json"
};

// Sorted by package, one entry per package (its first manifest by path). An empty repository
// has none.
Result<std::vector<DiscoveredPackage>> DiscoverPackages(const GitRepo& repo);

}  // namespace oscm::ingest
