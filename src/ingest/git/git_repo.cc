#include "ingest/git/git_repo.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <utility>

#include <fmt/format.h>

#include "base/repo_names.h"
#include "base/strings.h"
#include "ingest/git/loose_objects.h"

namespace oscm::ingest {
namespace fs = std::filesystem;

bool LooksLikeUrl(std::string_view s) { return UrlPath(s).has_value(); }

std::string CloneDirFor(const std::string& cache_dir, std::string_view url) {
  std::string name;
  for (char c : url) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '-' || c == '_';
    name += keep ? c : '_';
  }
  return (fs::path(cache_dir) / name).string();
}

namespace {

int FetchProgress(const git_indexer_progress* stats, void* payload) {
  auto* progress = static_cast<ProgressSink*>(payload);
  progress->Update("fetching objects", stats->received_objects, stats->total_objects);
  return 0;
}

// An exclusive flock(2) on a file, held while the object lives.
class FileLock {
 public:
  // Waits for the lock (saying so through `progress` when another process holds it).
  static Result<FileLock> Acquire(const std::string& path, ProgressSink& progress) {
    const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return IoError(fmt::format("{}: {}", path, std::strerror(errno)));
    FileLock lock(fd);
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
      progress.Update("waiting for another oscm process fetching the same URL", 0, 0);
      while (flock(fd, LOCK_EX) != 0) {
        if (errno != EINTR) return IoError(fmt::format("{}: cannot lock: {}", path, std::strerror(errno)));
      }
    }
    return lock;
  }
  FileLock(FileLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  FileLock& operator=(FileLock&&) = delete;
  ~FileLock() {
    if (fd_ >= 0) close(fd_);
  }

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_;
};

Status CloneOrFetch(const std::string& url, const std::string& dir, ProgressSink& progress) {
  std::error_code ec;
  fs::create_directories(fs::path(dir).parent_path(), ec);
  if (ec) return IoError(fmt::format("{}: cannot create cache directory: {}", dir, ec.message()));
  // One process at a time clones or fetches a URL: two would write the same directories.
  OSCM_ASSIGN_OR_RETURN(const FileLock lock, FileLock::Acquire(dir + ".lock", progress));
  if (fs::exists(fs::path(dir) / "HEAD", ec)) {
    git_repository* raw = nullptr;
    OSCM_RETURN_IF_ERROR(GitCheck(git_repository_open_bare(&raw, dir.c_str()), dir));
    GitRepository repo(raw);
    git_remote* raw_remote = nullptr;
    OSCM_RETURN_IF_ERROR(GitCheck(git_remote_lookup(&raw_remote, repo.get(), "origin"), url));
    GitRemote remote(raw_remote);
    const char* specs[] = {"+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"};
    git_strarray refspecs = {const_cast<char**>(specs), 2};
    git_fetch_options opts = GIT_FETCH_OPTIONS_INIT;
    opts.callbacks.transfer_progress = FetchProgress;
    opts.callbacks.payload = &progress;
    opts.prune = GIT_FETCH_PRUNE;
    Status s = GitCheck(git_remote_fetch(remote.get(), &refspecs, &opts, nullptr), fmt::format("fetch {}", url));
    progress.Done();
    return s;
  }
  // Clone into a temporary name and rename, so that an interrupted clone is never mistaken for
  // a complete one.
  const std::string tmp = dir + ".partial";
  fs::remove_all(tmp, ec);
  git_clone_options opts = GIT_CLONE_OPTIONS_INIT;
  opts.bare = 1;
  opts.fetch_opts.callbacks.transfer_progress = FetchProgress;
  opts.fetch_opts.callbacks.payload = &progress;
  git_repository* raw = nullptr;
  Status s = GitCheck(git_clone(&raw, url.c_str(), tmp.c_str(), &opts), fmt::format("clone {}", url));
  GitRepository repo(raw);
  progress.Done();
  if (!s.ok()) {
    fs::remove_all(tmp, ec);
    return s;
  }
  repo.reset();
  fs::rename(tmp, dir, ec);
  if (ec) return IoError(fmt::format("{}: cannot move clone into place: {}", dir, ec.message()));
  return Status::Ok();
}

}  // namespace

Result<GitRepo> GitRepo::OpenLocal(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return NotFoundError(fmt::format("{}: no such file or directory", path));
  if (!fs::is_directory(path, ec)) return InvalidArgumentError(fmt::format("{}: not a directory", path));
  git_repository* raw = nullptr;
  const int rc = git_repository_open_ext(&raw, path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
  if (rc == GIT_ENOTFOUND) {
    return InvalidArgumentError(fmt::format("{}: not a git repository", path));
  }
  OSCM_RETURN_IF_ERROR(GitCheck(rc, path));
  GitRepo repo;
  repo.repo_.reset(raw);
  // The work tree names the repository when the git directory is its ".git"; otherwise (bare
  // repositories, including bare mirrors without a config file) the git directory does.
  repo.path_ = git_repository_path(raw);
  const char* workdir = git_repository_workdir(raw);
  std::string dir = repo.path_;
  if (workdir != nullptr && repo.path_ == std::string(workdir) + ".git/") dir = workdir;
  std::string loc = fs::weakly_canonical(fs::path(dir), ec).string();
  while (loc.size() > 1 && loc.back() == '/') loc.pop_back();
  repo.location_ = loc;
  if (git_repository_is_shallow(raw) == 1) {
    return UnsupportedError(fmt::format(
        "{}: shallow clone: its history is cut off, so every metric would be wrong; run "
        "'git fetch --unshallow' first",
        repo.location_));
  }
  return repo;
}

Result<GitRepo> GitRepo::Open(const std::string& location, const std::string& cache_dir,
                              ProgressSink& progress) {
  auto open = [&]() -> Result<GitRepo> {
    if (!LooksLikeUrl(location)) return OpenLocal(location);
    const std::string dir = CloneDirFor(cache_dir, location);
    OSCM_RETURN_IF_ERROR(CloneOrFetch(location, dir, progress));
    OSCM_ASSIGN_OR_RETURN(GitRepo repo, OpenLocal(dir));
    repo.location_ = location;
    return repo;
  };
  OSCM_ASSIGN_OR_RETURN(GitRepo repo, open());
  git_buf objects = GIT_BUF_INIT;
  OSCM_RETURN_IF_ERROR(GitCheck(git_repository_item_path(&objects, repo.get(), GIT_REPOSITORY_ITEM_OBJECTS),
                                repo.location_));
  const std::string objects_dir = objects.ptr;
  git_buf_dispose(&objects);
  OSCM_RETURN_IF_ERROR(CheckLooseObjects(objects_dir).WithContext(repo.location_));
  return repo;
}

std::string GitRepo::RemoteUrl() const {
  if (LooksLikeUrl(location_)) return WithoutCredentials(location_);
  // The configuration read directly: git_remote_list and git_remote_lookup match config keys with
  // regular expressions, which leak in the libgit2 of Debian 12 (its PCRE2 match data).
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, repo_.get()) != 0) return "";
  const std::unique_ptr<git_config, void (*)(git_config*)> config(raw, git_config_free);
  const char* url = nullptr;
  if (git_config_get_string(&url, config.get(), "remote.origin.url") != 0 || url == nullptr) return "";
  return WithoutCredentials(url);
}

std::string GitRepo::DefaultName() const {
  if (auto owner_name = OwnerAndName(RemoteUrl())) return *owner_name;
  // A path, or a URL's path (file:///srv/etcd.git, https://host/etcd).
  const std::string folder = MeaningfulFolderName(UrlPath(location_).value_or(location_));
  return folder.empty() ? "repo" : folder;
}

Result<std::vector<RefTip>> GitRepo::Tips(const std::string& branch, bool all_branches) const {
  git_repository* repo = repo_.get();
  if (git_repository_is_empty(repo) == 1 || git_repository_head_unborn(repo) == 1) {
    if (branch.empty() && !all_branches) {
      return InvalidArgumentError(fmt::format("{}: repository has no commits", location_));
    }
  }
  std::vector<RefTip> tips;
  auto add_ref = [&](const std::string& name) -> Status {
    git_object* raw = nullptr;
    OSCM_RETURN_IF_ERROR(GitCheck(git_revparse_single(&raw, repo, name.c_str()),
                                  fmt::format("{}: branch '{}'", location_, name)));
    GitObject obj(raw);
    git_object* peeled_raw = nullptr;
    OSCM_RETURN_IF_ERROR(GitCheck(git_object_peel(&peeled_raw, obj.get(), GIT_OBJECT_COMMIT),
                                  fmt::format("{}: '{}' is not a commit", location_, name)));
    GitObject peeled(peeled_raw);
    tips.push_back(RefTip{name, OidHex(*git_object_id(peeled.get()))});
    return Status::Ok();
  };
  if (all_branches) {
    git_strarray names = {nullptr, 0};
    OSCM_RETURN_IF_ERROR(GitCheck(git_reference_list(&names, repo), location_));
    for (size_t i = 0; i < names.count; ++i) {
      const std::string name = names.strings[i];
      if (StartsWith(name, "refs/heads/") || StartsWith(name, "refs/remotes/")) {
        if (EndsWith(name, "/HEAD")) continue;
        Status s = add_ref(name);
        if (!s.ok()) {
          git_strarray_dispose(&names);
          return s;
        }
      }
    }
    git_strarray_dispose(&names);
    if (tips.empty()) return InvalidArgumentError(fmt::format("{}: repository has no branches", location_));
  } else {
    OSCM_RETURN_IF_ERROR(add_ref(branch.empty() ? "HEAD" : branch));
  }
  return tips;
}

}  // namespace oscm::ingest
