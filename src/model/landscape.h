// Landscape: the communities of one domain, as a user lists them in a TOML file.
//
//   name = "Distributed databases"
//   gharchive = ["/data/gha/2024"]                 # optional: GH Archive files or directories for
//                                                #   the communities' GitHub repositories
//
//   [[community]]
//   id = "tidb"                                  # stable snake_case id
//   repositories = ["https://github.com/pingcap/tidb", "/src/tikv"]   # git paths or URLs
//   github = ["pingcap/tidb", "tikv/tikv"]       # optional: GH Archive names; by default those of
//                                                #   the github.com repositories above
//   profile = "profiles/tidb.toml"               # optional (see the maturity model)
//   packages = ["docker:pingcap/tidb", "go:github.com/pingcap/tidb"]   # optional: packages it
//                                                #   publishes, ECOSYSTEM:NAME (oscm ingest packages)
//
// Loading validates everything at once and reports the first problem as kInvalidArgument with
// "file:line:col: reason". Relative paths are resolved against the landscape file's directory.
// Pure data; thread-safe once loaded.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "oscm/status.h"

namespace oscm::model {

struct LandscapeCommunity {
  std::string id;
  std::vector<std::string> repositories;  // paths (absolute) or URLs
  std::vector<std::string> github;        // "owner/name"
  std::string profile;                    // absolute path, or ""
  std::vector<std::string> packages;      // "ecosystem:name", normalised
};

struct Landscape {
  std::string path;  // the file it was loaded from
  std::string name;
  std::vector<std::string> gharchive;  // files or directories (absolute)
  std::vector<LandscapeCommunity> communities;
};

Result<Landscape> LoadLandscape(const std::string& path);
// Same, from text; `path` names it in errors and anchors relative paths.
Result<Landscape> ParseLandscape(std::string_view text, const std::string& path);

// "owner/name" of a GitHub repository URL (https://github.com/o/n(.git), git@github.com:o/n.git,
// github.com/o/n), or "" for anything else.
std::string GithubNameOf(std::string_view location);

}  // namespace oscm::model
