// ReadReleases: every tag that points (directly or through an annotated tag) at a commit,
// as a release. Release time is the annotated tag's date, else the tagged commit's committer
// date. Results are sorted by tag name. Not thread-safe; uses the caller's GitRepo.
#pragma once

#include <vector>

#include "ingest/git/git_repo.h"
#include "oscm/records.h"

namespace oscm::ingest {

Result<std::vector<ReleaseRecord>> ReadReleases(const GitRepo& repo);

}  // namespace oscm::ingest
