#include "ingest/git/numstat.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "ingest/git/git_handles.h"
#include "ingest/git/git_repo.h"
#include "ingest/git/pack_residency.h"

namespace oscm::ingest {
namespace {

// Peak memory of --numstat on git/git was 530 MB (186 MB anonymous, 345 MB of mapped pack); with
// these (and a 16 MiB SQLite page cache meanwhile, git_ingest.cc) it peaks at about 185 MB in the
// same time (see bench/RESULTS.md, issue #17):
// - libgit2 caches up to 256 MiB of parsed trees per repository handle by default, and each
//   worker has one; a few MiB keep the trees of neighbouring commits, which is what gets reused.
constexpr ssize_t kObjectCacheBytes = ssize_t{4} << 20;
// - the packs' mapped pages are given back past this much resident file-backed memory
//   (pack_residency.h), checked every kTrimEvery commits. At 40 MB the pages given back and
//   faulted in again cost 15% more time; at 80 MB nothing measurable.
constexpr size_t kResidentFileBytes = size_t{80} << 20;
constexpr size_t kTrimEvery = 16;

// Sets libgit2's object cache limit (a process-wide option) for the life of this object.
class ObjectCacheLimit {
 public:
  explicit ObjectCacheLimit(ssize_t bytes) {
    ssize_t used = 0;
    git_libgit2_opts(GIT_OPT_GET_CACHED_MEMORY, &used, &previous_);
    git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, bytes);
  }
  ~ObjectCacheLimit() { git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, previous_); }
  ObjectCacheLimit(const ObjectCacheLimit&) = delete;
  ObjectCacheLimit& operator=(const ObjectCacheLimit&) = delete;

 private:
  ssize_t previous_ = 0;
};

Result<GitTree> CommitTree(git_repository* repo, const std::string& hex) {
  git_oid oid;
  OSCM_RETURN_IF_ERROR(GitCheck(git_oid_fromstr(&oid, hex.c_str()), hex));
  git_commit* raw = nullptr;
  OSCM_RETURN_IF_ERROR(GitCheck(git_commit_lookup(&raw, repo, &oid), fmt::format("commit {}", hex)));
  GitCommit commit(raw);
  git_tree* tree = nullptr;
  OSCM_RETURN_IF_ERROR(GitCheck(git_commit_tree(&tree, commit.get()), fmt::format("tree of {}", hex)));
  return GitTree(tree);
}

// Git's rule: a file is binary when its first 8000 bytes hold a NUL.
bool LooksBinary(const git_blob* blob) {
  const auto size = static_cast<size_t>(git_blob_rawsize(blob));
  const auto* data = static_cast<const char*>(git_blob_rawcontent(blob));
  return std::memchr(data, 0, std::min<size_t>(size, 8000)) != nullptr;
}

int64_t CountLines(const git_blob* blob) {
  const auto size = static_cast<size_t>(git_blob_rawsize(blob));
  const auto* data = static_cast<const char*>(git_blob_rawcontent(blob));
  int64_t lines = 0;
  for (size_t i = 0; i < size;) {
    const void* nl = std::memchr(data + i, '\n', size - i);
    if (nl == nullptr) break;
    ++lines;
    i = static_cast<size_t>(static_cast<const char*>(nl) - data) + 1;
  }
  if (size > 0 && data[size - 1] != '\n') ++lines;
  return lines;
}

// A blob, or null when the repository does not have it: partial clones (--filter=blob:...)
// leave blobs out, and oscm never fetches them. Any other failure is an error.
Result<GitBlob> LookupBlob(git_repository* repo, const git_oid& oid) {
  git_blob* raw = nullptr;
  const int rc = git_blob_lookup(&raw, repo, &oid);
  if (rc == GIT_ENOTFOUND) {
    git_error_clear();
    return GitBlob();
  }
  OSCM_RETURN_IF_ERROR(GitCheck(rc, fmt::format("blob {}", OidHex(oid))));
  return GitBlob(raw);
}

int CountDiffLine(const git_diff_delta*, const git_diff_hunk*, const git_diff_line* line, void* payload) {
  auto* f = static_cast<FileChange*>(payload);
  if (line->origin == GIT_DIFF_LINE_ADDITION) ++f->added;
  else if (line->origin == GIT_DIFF_LINE_DELETION) ++f->deleted;
  return 0;
}

// A changed file; `old_oid` is null for an added file, `new_oid` for a deleted one.
Status AddBlobChange(git_repository* repo, const std::string& path, const git_oid* old_oid,
                     const git_oid* new_oid, std::vector<FileChange>* out) {
  FileChange fc;
  fc.path = path;
  GitBlob old_blob;
  GitBlob new_blob;
  if (old_oid != nullptr) {
    OSCM_ASSIGN_OR_RETURN(old_blob, LookupBlob(repo, *old_oid));
  }
  if (new_oid != nullptr) {
    OSCM_ASSIGN_OR_RETURN(new_blob, LookupBlob(repo, *new_oid));
  }
  if ((old_oid != nullptr && !old_blob) || (new_oid != nullptr && !new_blob)) {
    fc.missing = true;
  } else if ((old_blob && LooksBinary(old_blob.get())) || (new_blob && LooksBinary(new_blob.get()))) {
    fc.added = fc.deleted = -1;
  } else if (!old_blob || !new_blob) {
    // Additions and deletions need no diff: every line is added or deleted.
    (new_blob ? fc.added : fc.deleted) = CountLines(new_blob ? new_blob.get() : old_blob.get());
  } else {
    git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
    opts.context_lines = 0;
    opts.interhunk_lines = 0;
    opts.flags = GIT_DIFF_SKIP_BINARY_CHECK;  // decided above, as git does
    // Empty paths, so that libgit2 looks up no `diff` attribute: with none it looks one up for a
    // path it names "file" (stats of info/attributes, .gitattributes and /etc/gitattributes and
    // a realpath, per diff: 22% of the time on git/git), and a "* -diff" there made every
    // modified file count 0 lines. Binary files are decided above.
    OSCM_RETURN_IF_ERROR(GitCheck(git_diff_blobs(old_blob.get(), "", new_blob.get(), "",
                                                 &opts, nullptr, nullptr, nullptr, CountDiffLine, &fc),
                                  fmt::format("diff {}", path)));
  }
  out->push_back(std::move(fc));
  return Status::Ok();
}

Result<GitTree> LookupTree(git_repository* repo, const git_oid& oid) {
  git_tree* raw = nullptr;
  OSCM_RETURN_IF_ERROR(GitCheck(git_tree_lookup(&raw, repo, &oid), fmt::format("tree {}", OidHex(oid))));
  return GitTree(raw);
}

bool IsTree(const git_tree_entry* e) { return git_tree_entry_type(e) == GIT_OBJECT_TREE; }
bool IsBlob(const git_tree_entry* e) { return git_tree_entry_type(e) == GIT_OBJECT_BLOB; }

Status DiffTrees(git_repository* repo, const git_tree* old_tree, const git_tree* new_tree,
                 const std::string& prefix, std::vector<FileChange>* out);

// Everything under `entry` as added or deleted.
Status AddWhole(git_repository* repo, const git_tree_entry* entry, const std::string& path, bool added,
                std::vector<FileChange>* out) {
  if (IsBlob(entry)) {
    return AddBlobChange(repo, path, added ? nullptr : git_tree_entry_id(entry),
                         added ? git_tree_entry_id(entry) : nullptr, out);
  }
  if (!IsTree(entry)) return Status::Ok();  // submodules carry no lines
  OSCM_ASSIGN_OR_RETURN(GitTree tree, LookupTree(repo, *git_tree_entry_id(entry)));
  return DiffTrees(repo, added ? nullptr : tree.get(), added ? tree.get() : nullptr, path + "/", out);
}

// Git's tree order (base_name_compare): names compare bytewise, a directory as if it ended in '/'.
int CompareEntries(const git_tree_entry* a, const git_tree_entry* b) {
  const auto* na = reinterpret_cast<const unsigned char*>(git_tree_entry_name(a));
  const auto* nb = reinterpret_cast<const unsigned char*>(git_tree_entry_name(b));
  size_t i = 0;
  while (na[i] != 0 && na[i] == nb[i]) ++i;
  unsigned char ca = na[i];
  unsigned char cb = nb[i];
  if (ca == 0 && IsTree(a)) ca = '/';
  if (cb == 0 && IsTree(b)) cb = '/';
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

// Like git's tree diff: a merge of the two sorted entry lists, where subtrees with the same id
// are skipped without being read. An entry that changed between file and directory sorts apart
// from its old self, so it shows as a deletion and an addition, as in git.
Status DiffTrees(git_repository* repo, const git_tree* old_tree, const git_tree* new_tree,
                 const std::string& prefix, std::vector<FileChange>* out) {
  const size_t n_old = old_tree != nullptr ? git_tree_entrycount(old_tree) : 0;
  const size_t n_new = new_tree != nullptr ? git_tree_entrycount(new_tree) : 0;
  size_t i = 0;
  size_t j = 0;
  while (i < n_old || j < n_new) {
    const git_tree_entry* o = i < n_old ? git_tree_entry_byindex(old_tree, i) : nullptr;
    const git_tree_entry* e = j < n_new ? git_tree_entry_byindex(new_tree, j) : nullptr;
    const int cmp = o == nullptr ? 1 : e == nullptr ? -1 : CompareEntries(o, e);
    if (cmp < 0) {
      OSCM_RETURN_IF_ERROR(AddWhole(repo, o, prefix + git_tree_entry_name(o), /*added=*/false, out));
      ++i;
      continue;
    }
    if (cmp > 0) {
      OSCM_RETURN_IF_ERROR(AddWhole(repo, e, prefix + git_tree_entry_name(e), /*added=*/true, out));
      ++j;
      continue;
    }
    ++i;
    ++j;
    if (git_oid_equal(git_tree_entry_id(o), git_tree_entry_id(e))) continue;
    const std::string path = prefix + git_tree_entry_name(e);
    if (IsTree(o) && IsTree(e)) {
      OSCM_ASSIGN_OR_RETURN(GitTree ot, LookupTree(repo, *git_tree_entry_id(o)));
      OSCM_ASSIGN_OR_RETURN(GitTree nt, LookupTree(repo, *git_tree_entry_id(e)));
      OSCM_RETURN_IF_ERROR(DiffTrees(repo, ot.get(), nt.get(), path + "/", out));
    } else if (IsBlob(o) && IsBlob(e)) {
      OSCM_RETURN_IF_ERROR(AddBlobChange(repo, path, git_tree_entry_id(o), git_tree_entry_id(e), out));
    } else {  // a file became a submodule or the reverse; submodules carry no lines
      OSCM_RETURN_IF_ERROR(AddWhole(repo, o, path, /*added=*/false, out));
      OSCM_RETURN_IF_ERROR(AddWhole(repo, e, path, /*added=*/true, out));
    }
  }
  return Status::Ok();
}

Result<std::vector<FileChange>> DiffOne(git_repository* repo, const NumstatJob& job) {
  OSCM_ASSIGN_OR_RETURN(GitTree new_tree, CommitTree(repo, job.oid));
  GitTree old_tree;
  if (!job.parent_oid.empty()) {
    OSCM_ASSIGN_OR_RETURN(old_tree, CommitTree(repo, job.parent_oid));
  }
  std::vector<FileChange> out;
  OSCM_RETURN_IF_ERROR(DiffTrees(repo, old_tree.get(), new_tree.get(), "", &out));
  std::sort(out.begin(), out.end(), [](const FileChange& a, const FileChange& b) { return a.path < b.path; });
  return out;
}

}  // namespace

Status ComputeNumstat(const std::string& repo_path, const std::vector<NumstatJob>& jobs,
                      unsigned threads, const NumstatSink& sink, ProgressSink& progress,
                      const std::atomic<bool>* cancel) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  // Workers may run at most kWindow jobs ahead of the sink, so memory stays bounded however long
  // the history is.
  constexpr size_t kWindow = 1024;
  constexpr size_t kChunk = 32;
  std::vector<std::optional<std::vector<FileChange>>> results(jobs.size());
  std::mutex mu;
  std::condition_variable cv;
  size_t next = 0;     // next job to hand out
  size_t written = 0;  // jobs passed to the sink
  Status error;        // first failure; stops everyone

  const ObjectCacheLimit cache_limit(kObjectCacheBytes);
  std::error_code ec;
  const std::filesystem::path objects = std::filesystem::weakly_canonical(std::filesystem::path(repo_path) / "objects", ec);
  PackResidency packs(objects.string() + "/", kResidentFileBytes);
  bool trim_packs = true;

  auto worker = [&]() {
    auto repo = GitRepo::OpenLocal(repo_path);
    std::unique_lock<std::mutex> lock(mu);
    if (!repo) {
      if (error.ok()) error = repo.error();
      cv.notify_all();
      return;
    }
    while (true) {
      cv.wait(lock, [&] { return !error.ok() || next >= jobs.size() || next < written + kWindow; });
      if (!error.ok() || next >= jobs.size()) return;
      // A contiguous chunk: a job's parent is usually the next job, so the trees and blobs one
      // job reads as "new" are read again as "old" from this thread's cache.
      const size_t begin = next;
      const size_t end = std::min(jobs.size(), begin + kChunk);
      next = end;
      lock.unlock();
      for (size_t i = begin; i < end; ++i) {
        Result<std::vector<FileChange>> r = CancelledError("interrupted");
        if (cancel == nullptr || !cancel->load(std::memory_order_relaxed)) r = DiffOne(repo->get(), jobs[i]);
        lock.lock();
        if (!r) {
          if (error.ok()) error = r.error().code() == StatusCode::kCancelled ? r.error() : r.error().WithContext(repo_path);
          cv.notify_all();
          return;
        }
        results[i] = std::move(r).value();
        cv.notify_all();
        lock.unlock();
      }
      lock.lock();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);

  // The calling thread hands results to the sink in job order.
  Status sink_status;
  {
    std::unique_lock<std::mutex> lock(mu);
    while (written < jobs.size()) {
      cv.wait_for(lock, std::chrono::milliseconds(100), [&] { return !error.ok() || results[written].has_value(); });
      if (!error.ok()) break;
      progress.Update("line changes", written, jobs.size());
      if (!results[written].has_value()) continue;
      std::vector<FileChange> changes = std::move(*results[written]);
      results[written].reset();
      lock.unlock();
      sink_status = sink(jobs[written], changes);
      lock.lock();
      if (!sink_status.ok()) {
        error = sink_status;
        break;
      }
      ++written;
      cv.notify_all();
      if (trim_packs && written % kTrimEvery == 0) {
        lock.unlock();
        // Best effort: only memory depends on it (a system without /proc keeps the pages).
        trim_packs = packs.Trim().has_value();
        lock.lock();
      }
    }
    cv.notify_all();
  }
  for (auto& t : pool) t.join();
  progress.Update("line changes", written, jobs.size());
  return error;
}

}  // namespace oscm::ingest
