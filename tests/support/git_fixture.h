// GitFixture: builds small git repositories with libgit2 for tests, with pinned dates and
// offsets, so that every metric can be worked out by hand.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

struct git_repository;

namespace oscm::testing {

struct FixtureCommit {
  std::string author_name = "Alice";
  std::string author_email = "alice@example.com";
  std::string date;              // "2024-01-15T10:00:00" in the author's local time
  int offset_minutes = 0;        // author's UTC offset
  std::string committer_name;    // default: the author
  std::string committer_email;
  std::string committer_date;    // default: the author date (same offset)
  std::string message = "change";
  // Files to write (path -> content); std::nullopt deletes the path.
  std::map<std::string, std::optional<std::string>> files;
  // Parent commit indexes; empty means the previous commit on the branch (none for the first).
  std::vector<int> parents;
  bool explicit_root = false;  // true: no parents even if commits exist
};

class GitFixture {
 public:
  // Creates a repository with a work tree at `path` (on branch "main").
  explicit GitFixture(const std::string& path);
  ~GitFixture();
  GitFixture(const GitFixture&) = delete;
  GitFixture& operator=(const GitFixture&) = delete;

  // Adds a commit, moves refs/heads/main to it and returns its index.
  int Commit(const FixtureCommit& c);
  // A lightweight tag, or an annotated one dated `date` when given.
  void Tag(const std::string& name, int commit, const std::string& annotated_date = "");
  // Any ref, e.g. "refs/pull/7/head" or "refs/heads/feature".
  void Ref(const std::string& name, int commit);
  // Adds remote `name` with `url` (nothing is fetched).
  void Remote(const std::string& name, const std::string& url);
  std::string Oid(int commit) const { return oids_.at(static_cast<size_t>(commit)); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  git_repository* repo_ = nullptr;
  std::vector<std::string> oids_;
};

// Unix seconds for "YYYY-MM-DDTHH:MM:SS" in a zone `offset_minutes` east of UTC.
int64_t LocalToUnix(const std::string& local, int offset_minutes);

}  // namespace oscm::testing
