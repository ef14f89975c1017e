// ScanCommunityFiles: the community files present at a commit, and when each first appeared.
//
// "First appeared" is found by binary search over the first-parent history of `head_oid`, oldest
// first, as given by `first_parent_chain` (called only when a path needs dating): the earliest
// first-parent commit from which the path has been present. (A file deleted and later re-added
// dates from its latest return.) Only paths not in `known` are searched, so incremental ingests
// cost little. The organisations an ADOPTERS/USERS file lists are dated the same way: from the
// first-parent commit since which the file has listed each of them. Not thread-safe; uses the
// caller's GitRepo.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "ingest/git/git_repo.h"
#include "oscm/records.h"

namespace oscm::ingest {

// `known` holds paths whose first_seen is already stored; their records come back with
// first_seen = 0 and first_oid empty.
using ChainProvider = std::function<Result<std::vector<std::string>>()>;

Result<std::vector<CommunityFileRecord>> ScanCommunityFiles(const GitRepo& repo,
                                                            const std::string& head_oid,
                                                            const std::set<std::string>& known,
                                                            const ChainProvider& first_parent_chain);

}  // namespace oscm::ingest
