#include "ingest/git/numstat.h"

#include <chrono>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "ingest/git/git_handles.h"
#include "ingest/git/git_repo.h"

namespace oscm::ingest {
namespace {

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

Result<std::vector<FileChange>> DiffOne(git_repository* repo, const NumstatJob& job) {
  OSCM_ASSIGN_OR_RETURN(GitTree new_tree, CommitTree(repo, job.oid));
  GitTree old_tree;
  if (!job.parent_oid.empty()) {
    OSCM_ASSIGN_OR_RETURN(old_tree, CommitTree(repo, job.parent_oid));
  }
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.context_lines = 0;
  opts.interhunk_lines = 0;
  git_diff* raw_diff = nullptr;
  OSCM_RETURN_IF_ERROR(GitCheck(
      git_diff_tree_to_tree(&raw_diff, repo, old_tree.get(), new_tree.get(), &opts),
      fmt::format("diff {}", job.oid)));
  GitDiff diff(raw_diff);
  std::vector<FileChange> out;
  const size_t n = git_diff_num_deltas(diff.get());
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    git_patch* raw_patch = nullptr;
    OSCM_RETURN_IF_ERROR(GitCheck(git_patch_from_diff(&raw_patch, diff.get(), i), fmt::format("diff {}", job.oid)));
    GitPatch patch(raw_patch);
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    FileChange fc;
    fc.path = delta->new_file.path != nullptr ? delta->new_file.path : delta->old_file.path;
    if ((delta->flags & GIT_DIFF_FLAG_BINARY) != 0) {
      fc.added = -1;
      fc.deleted = -1;
    } else {
      size_t adds = 0;
      size_t dels = 0;
      OSCM_RETURN_IF_ERROR(GitCheck(git_patch_line_stats(nullptr, &adds, &dels, patch.get()), "line stats"));
      fc.added = static_cast<int64_t>(adds);
      fc.deleted = static_cast<int64_t>(dels);
    }
    out.push_back(std::move(fc));
  }
  return out;
}

}  // namespace

Result<std::vector<std::vector<FileChange>>> ComputeNumstat(const std::string& repo_path,
                                                            const std::vector<NumstatJob>& jobs,
                                                            unsigned threads, ProgressSink& progress,
                                                            const std::atomic<bool>* cancel) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::vector<FileChange>> results(jobs.size());
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::atomic<bool> failed{false};
  std::mutex error_mu;
  Status first_error;

  auto worker = [&]() {
    auto repo = GitRepo::OpenLocal(repo_path);
    if (!repo) {
      std::lock_guard<std::mutex> lock(error_mu);
      if (first_error.ok()) first_error = repo.error();
      failed = true;
      return;
    }
    while (!failed.load(std::memory_order_relaxed)) {
      if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
        std::lock_guard<std::mutex> lock(error_mu);
        if (first_error.ok()) first_error = CancelledError("interrupted");
        failed = true;
        return;
      }
      const size_t i = next.fetch_add(1);
      if (i >= jobs.size()) return;
      auto r = DiffOne(repo->get(), jobs[i]);
      if (!r) {
        std::lock_guard<std::mutex> lock(error_mu);
        if (first_error.ok()) first_error = r.error().WithContext(repo_path);
        failed = true;
        return;
      }
      results[i] = std::move(r).value();
      done.fetch_add(1, std::memory_order_relaxed);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  while (done.load() < jobs.size() && !failed.load()) {
    progress.Update("line changes", done.load(), jobs.size());
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    // Workers may all have exited on error between the checks above.
    if (next.load() >= jobs.size() + threads) break;
  }
  for (auto& t : pool) t.join();
  progress.Update("line changes", done.load(), jobs.size());
  if (!first_error.ok()) return first_error;
  return results;
}

}  // namespace oscm::ingest
