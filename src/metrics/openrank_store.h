// UpdateOpenRank: brings the stored OpenRank (gh_openrank) up to date with the stored activity
// (gh_activity, written by `oscm ingest gharchive --all-repos`).
//
// A month is out of date when its activity changed (gh_openrank_months.dirty), and so is every
// later month with activity, since each month starts from the one before. Those months are first
// all marked out of date in one transaction, then computed in month order, each replacing its
// rows in its own transaction; an interrupted update therefore resumes where it stopped, and the
// stored values are always those a complete computation gives. A month's prior is the month
// before's stored values (none when that month has no activity stored).
// Not thread-safe: uses the caller's connection.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/progress.h"
#include "metrics/openrank.h"
#include "oscm/status.h"
#include "store/sqlite.h"

namespace oscm::metrics {

struct OpenRankMonthStats {
  std::string month;  // "2024-03"
  int64_t nodes = 0;
  int64_t edges = 0;
  int iterations = 0;
};

// Computes the months that are out of date (see above); returns them in order.
Result<std::vector<OpenRankMonthStats>> UpdateOpenRank(store::SqliteDb& db, ProgressSink& progress,
                                                       const std::atomic<bool>* cancel = nullptr,
                                                       const OpenRankParams& params = {});

// A repository's stored OpenRank in `month`: its value, 0 when the month was computed without it,
// nullopt when the month has no OpenRank.
Result<std::optional<double>> RepoOpenRank(store::SqliteDb& db, int64_t repo_id, std::string_view month);

}  // namespace oscm::metrics
