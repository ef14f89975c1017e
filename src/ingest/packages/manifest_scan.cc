#include "ingest/packages/manifest_scan.h"

#include <algorithm>
#include <map>
#include <span>

#include "base/strings.h"
#include "ingest/packages/manifests.h"

namespace oscm::ingest {
namespace {

constexpr std::string_view kMonorepoDirs[] = {"packages", "crates", "libs", "modules", "components", "plugins",
                                              "sdk",      "sdks",   "clients", "bindings", "cmd"};
constexpr std::string_view kSkippedDirs[] = {"vendor", "node_modules", "third_party", "thirdparty", "examples",
                                             "example", "test", "tests", "testdata", "fixtures", "docs", "doc"};

bool Contains(std::span<const std::string_view> list, std::string_view name) {
  const std::string lower = AsciiLower(name);
  return std::find(list.begin(), list.end(), lower) != list.end();
}

bool IsDockerfile(std::string_view name) {
  const std::string lower = AsciiLower(name);
  return lower == "dockerfile" || StartsWith(lower, "dockerfile.") || EndsWith(lower, ".dockerfile");
}

std::string BlobText(git_repository* repo, const git_oid& oid) {
  git_blob* raw = nullptr;
  if (git_blob_lookup(&raw, repo, &oid) != 0) {
    git_error_clear();  // a partial clone may lack it: no package from it
    return {};
  }
  GitBlob blob(raw);
  // Manifests are small; a huge file of that name is not one.
  if (git_blob_rawsize(blob.get()) > (4 << 20)) return {};
  return std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                     static_cast<size_t>(git_blob_rawsize(blob.get())));
}

struct Dir {
  std::string prefix;  // "" or "packages/core/"
  GitTree tree;
};

}  // namespace

Result<std::vector<DiscoveredPackage>> DiscoverPackages(const GitRepo& repo) {
  git_repository* r = repo.get();
  git_object* head_raw = nullptr;
  if (git_revparse_single(&head_raw, r, "HEAD^{tree}") != 0) {
    git_error_clear();  // an empty repository publishes nothing
    return std::vector<DiscoveredPackage>();
  }
  GitObject head(head_raw);
  git_tree* root_raw = nullptr;
  OSCM_RETURN_IF_ERROR(GitCheck(git_tree_lookup(&root_raw, r, git_object_id(head.get())), "HEAD tree"));
  std::vector<Dir> dirs;
  dirs.push_back(Dir{"", GitTree(root_raw)});
  auto subdirs = [&](const Dir& parent, bool monorepo_only) {
    std::vector<Dir> out;
    const size_t n = git_tree_entrycount(parent.tree.get());
    for (size_t i = 0; i < n; ++i) {
      const git_tree_entry* e = git_tree_entry_byindex(parent.tree.get(), i);
      if (git_tree_entry_type(e) != GIT_OBJECT_TREE) continue;
      const std::string name = git_tree_entry_name(e);
      if (Contains(kSkippedDirs, name) || StartsWith(name, ".")) continue;
      if (monorepo_only && !Contains(kMonorepoDirs, name)) continue;
      git_tree* sub = nullptr;
      if (git_tree_lookup(&sub, r, git_tree_entry_id(e)) != 0) {
        git_error_clear();
        continue;
      }
      out.push_back(Dir{parent.prefix + name + "/", GitTree(sub)});
    }
    return out;
  };
  for (Dir& d : subdirs(dirs[0], false)) dirs.push_back(std::move(d));
  for (Dir& container : subdirs(dirs[0], true)) {
    for (Dir& d : subdirs(container, false)) dirs.push_back(std::move(d));
  }

  bool has_dockerfile = false;
  std::vector<std::pair<std::string, git_oid>> manifests;  // path, blob
  for (const Dir& d : dirs) {
    const size_t n = git_tree_entrycount(d.tree.get());
    for (size_t i = 0; i < n; ++i) {
      const git_tree_entry* e = git_tree_entry_byindex(d.tree.get(), i);
      if (git_tree_entry_type(e) != GIT_OBJECT_BLOB) continue;
      const std::string name = git_tree_entry_name(e);
      has_dockerfile = has_dockerfile || IsDockerfile(name);
      // READMEs below the root describe sub-projects' usage more than the repository's images.
      if (IsManifestName(name) && (d.prefix.empty() || !StartsWith(AsciiLower(name), "readme"))) {
        manifests.emplace_back(d.prefix + name, *git_tree_entry_id(e));
      }
    }
  }
  std::sort(manifests.begin(), manifests.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::map<PackageRef, std::string> found;
  for (const auto& [path, oid] : manifests) {
    const size_t slash = path.rfind('/');
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    for (PackageRef& ref : PackagesInManifest(name, BlobText(r, oid), has_dockerfile)) {
      found.emplace(std::move(ref), path);
    }
  }
  std::vector<DiscoveredPackage> out;
  for (auto& [ref, path] : found) out.push_back(DiscoveredPackage{ref, path});
  return out;
}

}  // namespace oscm::ingest
