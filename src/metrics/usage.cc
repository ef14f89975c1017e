#include "metrics/usage.h"

#include <set>

namespace oscm::metrics {

Result<UsageFacts> LoadUsageFacts(store::SqliteDb& db, int64_t community_id) {
  UsageFacts u;
  std::map<int64_t, size_t> index;
  OSCM_ASSIGN_OR_RETURN(auto packages, db.Prepare(
      "SELECT id, ecosystem, name FROM packages WHERE community_id = ? ORDER BY ecosystem, name"));
  packages.Bind(1, community_id);
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, packages.Step());
    if (!row) break;
    index[packages.ColumnInt(0)] = u.packages.size();
    u.packages.push_back(PackageFacts{packages.ColumnText(1), packages.ColumnText(2), {}, {}});
  }
  if (!u.packages.empty()) {
    OSCM_ASSIGN_OR_RETURN(auto days, db.Prepare(
        "SELECT d.package_id, d.day, d.downloads FROM package_downloads d JOIN packages p ON p.id = d.package_id "
        "WHERE p.community_id = ? ORDER BY d.package_id, d.day"));
    days.Bind(1, community_id);
    while (true) {
      OSCM_ASSIGN_OR_RETURN(const bool row, days.Step());
      if (!row) break;
      u.packages[index[days.ColumnInt(0)]].downloads.emplace_back(days.ColumnInt(1), days.ColumnInt(2));
    }
    OSCM_ASSIGN_OR_RETURN(auto snaps, db.Prepare(
        "SELECT s.package_id, s.metric, s.fetched_at, s.value FROM package_snapshots s "
        "JOIN packages p ON p.id = s.package_id WHERE p.community_id = ? ORDER BY s.package_id, s.metric, s.fetched_at"));
    snaps.Bind(1, community_id);
    while (true) {
      OSCM_ASSIGN_OR_RETURN(const bool row, snaps.Step());
      if (!row) break;
      u.packages[index[snaps.ColumnInt(0)]].snapshots[snaps.ColumnText(1)].emplace_back(snaps.ColumnInt(2),
                                                                                      snaps.ColumnInt(3));
    }
  }

  // OpenRank of the community's repositories, by their GitHub ids.
  OSCM_ASSIGN_OR_RETURN(auto ids, db.Prepare("SELECT COUNT(gh_id) FROM gh_repos WHERE community_id = ?"));
  ids.Bind(1, community_id);
  OSCM_ASSIGN_OR_RETURN(const bool has_ids, ids.Step());
  if (has_ids && ids.ColumnInt(0) > 0) {
    OSCM_ASSIGN_OR_RETURN(auto months, db.Prepare(
        "SELECT m.month, (SELECT TOTAL(o.value) FROM gh_openrank o WHERE o.month = m.month AND o.kind = 'repo' "
        "AND o.id IN (SELECT gh_id FROM gh_repos WHERE community_id = ? AND gh_id IS NOT NULL)) "
        "FROM gh_openrank_months m WHERE m.dirty = 0 ORDER BY m.month"));
    months.Bind(1, community_id);
    while (true) {
      OSCM_ASSIGN_OR_RETURN(const bool row, months.Step());
      if (!row) break;
      OSCM_ASSIGN_OR_RETURN(const int64_t start, ParseDate(months.ColumnText(0) + "-01"));
      u.openrank.emplace_back(MonthOf(start), months.ColumnDouble(1));
    }
  }
  return u;
}

}  // namespace oscm::metrics
