// UsageFacts: what a community's users and its place in the ecosystem leave in the store, loaded
// once for the metrics: its packages' downloads and dependents (`oscm ingest packages`), and the
// OpenRank of its GitHub repositories (`oscm ingest gharchive --all-repos`).
//
// Snapshots (dependents, dependent repositories, Docker pull counts) are kept with the time they
// were fetched, so a metric over a window uses only what was known by the window's end.
// Immutable after loading; safe to read from several threads.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/time.h"
#include "oscm/status.h"
#include "store/sqlite.h"

namespace oscm::metrics {

struct PackageFacts {
  std::string ecosystem;  // "npm", "pypi", "cargo", "docker", "go", "maven"
  std::string name;
  std::vector<std::pair<int64_t, int64_t>> downloads;  // (UTC day, downloads), by day
  // (fetched_at, value) by fetched_at, per metric: "dependents", "dependent_repos", "pulls_total"
  std::map<std::string, std::vector<std::pair<int64_t, int64_t>>> snapshots;
};

struct UsageFacts {
  std::vector<PackageFacts> packages;  // by ecosystem, name
  // OpenRank: every month with a computed OpenRank, and the community's repositories' total
  // that month (0 when none of them was active). Empty when the community has no repository
  // whose GitHub id is known.
  std::vector<std::pair<MonthIndex, double>> openrank;
};

Result<UsageFacts> LoadUsageFacts(store::SqliteDb& db, int64_t community_id);

}  // namespace oscm::metrics
