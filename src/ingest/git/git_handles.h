// RAII owners for libgit2 handles, and the adapter from libgit2 return codes to Status.
//
// Every libgit2 object oscm touches is held by one of these unique_ptr aliases; nothing else in
// oscm calls git_*_free. LibGit2 must be alive (see LibGit2Scope) while any handle exists.
#pragma once

#include <git2.h>

#include <memory>
#include <string>
#include <string_view>

#include "oscm/status.h"

namespace oscm::ingest {

// Initialises libgit2 for the lifetime of the scope (reference counted by libgit2 itself), with
// options that make read-only history walks faster and safe to run from several threads.
class LibGit2Scope {
 public:
  LibGit2Scope();
  ~LibGit2Scope();
  LibGit2Scope(const LibGit2Scope&) = delete;
  LibGit2Scope& operator=(const LibGit2Scope&) = delete;
};

template <typename T, void (*Free)(T*)>
struct GitDeleter {
  void operator()(T* p) const { Free(p); }
};

using GitRepository = std::unique_ptr<git_repository, GitDeleter<git_repository, git_repository_free>>;
using GitRevwalk = std::unique_ptr<git_revwalk, GitDeleter<git_revwalk, git_revwalk_free>>;
using GitCommit = std::unique_ptr<git_commit, GitDeleter<git_commit, git_commit_free>>;
using GitTree = std::unique_ptr<git_tree, GitDeleter<git_tree, git_tree_free>>;
using GitTreeEntry = std::unique_ptr<git_tree_entry, GitDeleter<git_tree_entry, git_tree_entry_free>>;
using GitObject = std::unique_ptr<git_object, GitDeleter<git_object, git_object_free>>;
using GitReference = std::unique_ptr<git_reference, GitDeleter<git_reference, git_reference_free>>;
using GitMailmap = std::unique_ptr<git_mailmap, GitDeleter<git_mailmap, git_mailmap_free>>;
using GitDiff = std::unique_ptr<git_diff, GitDeleter<git_diff, git_diff_free>>;
using GitPatch = std::unique_ptr<git_patch, GitDeleter<git_patch, git_patch_free>>;
using GitBlob = std::unique_ptr<git_blob, GitDeleter<git_blob, git_blob_free>>;
using GitRemote = std::unique_ptr<git_remote, GitDeleter<git_remote, git_remote_free>>;

// Ok for rc >= 0; otherwise a Status with `what` and libgit2's last error message. GIT_ENOTFOUND
// maps to kNotFound, GIT_EINVALID/GIT_EAMBIGUOUS to kInvalidArgument, other errors from the object
// database to kCorruption.
Status GitCheck(int rc, std::string_view what);

std::string OidHex(const git_oid& oid);

}  // namespace oscm::ingest
