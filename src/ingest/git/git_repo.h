// GitRepo: an opened repository to ingest, found from a local path or cloned from a URL.
//
// A local path must be the repository itself (its work tree or a bare .git directory); oscm does
// not search parent directories, so `oscm ingest git /tmp` never silently ingests an enclosing
// repository. A URL (https://, ssh://, git://, file://, user@host:path) is cloned bare into
// `cache_dir` on first use and fetched on later ones.
//
// Not thread-safe: one GitRepo per thread.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ingest/git/git_handles.h"
#include "oscm/status.h"
#include "base/progress.h"

namespace oscm::ingest {

struct RefTip {
  std::string ref;  // "HEAD", "refs/heads/main"
  std::string oid;
  bool operator==(const RefTip&) const = default;
};

// Whether `location` is a URL (file:// included) to clone rather than a local path (UrlPath).
bool LooksLikeUrl(std::string_view location);
// Where Open keeps its bare clone of the repository at `url` under `cache_dir`.
std::string CloneDirFor(const std::string& cache_dir, std::string_view url);

class GitRepo {
 public:
  // Opens `location`; for a URL, clones or fetches it under `cache_dir` first. Then reads every
  // loose object once (CheckLooseObjects), so that a truncated one is an error, not a hang.
  static Result<GitRepo> Open(const std::string& location, const std::string& cache_dir,
                              ProgressSink& progress);
  // Opens the repository at `gitdir_or_workdir` only (no URL handling, no check of the loose
  // objects); used by worker threads on a repository Open has checked.
  static Result<GitRepo> OpenLocal(const std::string& path);

  git_repository* get() const { return repo_.get(); }
  // What identifies this repository in the store: the URL as given, or the absolute path of the
  // work tree (or of the bare repository).
  const std::string& location() const { return location_; }
  // The directory libgit2 opened (for reopening from other threads).
  const std::string& path() const { return path_; }
  // Where the repository came from: the URL it was cloned from (a URL location), else the URL of
  // its remote "origin", without credentials; "" when it has none.
  std::string RemoteUrl() const;
  // The default name for its community: the remote's "owner/name" (tikv/tikv), else the path's
  // meaningful folder name (MeaningfulFolderName: not "repo" or ".git"), else "repo".
  std::string DefaultName() const;

  // The tips to walk: HEAD or `branch`, or every local branch when all_branches (never the
  // refs/pull/* heads GitHub mirrors carry). Errors: empty repository, unknown branch.
  Result<std::vector<RefTip>> Tips(const std::string& branch, bool all_branches) const;

 private:
  GitRepo() = default;
  GitRepository repo_;
  std::string location_;
  std::string path_;
};

}  // namespace oscm::ingest
