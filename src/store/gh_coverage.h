// GH Archive coverage: which hours of the archive were read while a repository was tracked.
//
// A GH Archive metric is only as complete as the hours read: a window whose hours were not read
// says nothing, and must read as "no data", never as 0 stars. Each file read is one hour, known
// from its name (YYYY-MM-DD-H.json.gz, in UTC except the 2013-2014 hours, which GH Archive named
// in US Pacific time). When a file is stored, its hour is added to the coverage of every repository
// tracked then (gh_coverage, merged ranges). A file whose name gives no hour adds no coverage.
// Not thread-safe: uses the caller's connection, inside its transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "oscm/status.h"
#include "store/sqlite.h"

namespace oscm::store {

// The UTC hour [begin, begin + 3600) a GH Archive file holds, from the last "YYYY-MM-DD-H" in its
// file name followed by '.', or nullopt.
std::optional<int64_t> GhArchiveHourOf(std::string_view path);

// Adds the hour of the file `path` to the coverage of every tracked repository. No-op when the
// name gives no hour.
Status AddFileCoverage(SqliteDb& db, std::string_view path);

// Adds [begin, end) to repository `repo_id`'s coverage, merging with touching ranges.
Status AddCoverage(SqliteDb& db, int64_t repo_id, int64_t begin, int64_t end);

// The community's covered time: the ranges covered for every one of its tracked repositories
// (sorted, disjoint). Empty when it tracks none.
Result<std::vector<TimeWindow>> CommunityGhCoverage(SqliteDb& db, int64_t community_id);

// Seconds of `w` inside `ranges` (sorted, disjoint).
int64_t CoveredSeconds(const std::vector<TimeWindow>& ranges, const TimeWindow& w);

// Migration 7: coverage of the files logged before coverage was recorded, for the repositories
// tracked now.
Status BackfillGhCoverage(SqliteDb& db);

}  // namespace oscm::store
