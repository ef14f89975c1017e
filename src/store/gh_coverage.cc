#include "store/gh_coverage.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace oscm::store {
namespace {

bool Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

int Number(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// Days from 1970 of the n-th Sunday (n >= 1) of a month.
int64_t NthSunday(int year, int month, int n) {
  const int64_t first = DaysFromCivil(year, month, 1);
  const int64_t weekday = DayOfWeek(first * kSecondsPerDay);  // 0 = Monday
  return first + (6 - weekday + 7) % 7 + 7 * (n - 1);
}

// US Pacific offset in hours for a local civil hour, under the 2007 rules: daylight time from
// 02:00 on March's second Sunday to 02:00 on November's first Sunday.
int PacificOffsetHours(int year, int64_t local_seconds) {
  const int64_t dst_begin = NthSunday(year, 3, 2) * kSecondsPerDay + 2 * 3600;
  const int64_t dst_end = NthSunday(year, 11, 1) * kSecondsPerDay + 2 * 3600;
  return local_seconds >= dst_begin && local_seconds < dst_end ? -7 : -8;
}

}  // namespace

std::optional<int64_t> GhArchiveHourOf(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::optional<int64_t> found;
  for (size_t i = 0; i + 12 <= name.size(); ++i) {
    if (!Digits(name, i, 4) || name[i + 4] != '-' || !Digits(name, i + 5, 2) || name[i + 7] != '-' ||
        !Digits(name, i + 8, 2) || name[i + 10] != '-') {
      continue;
    }
    const size_t h = i + 11;
    size_t hour_len = Digits(name, h, 2) ? 2 : Digits(name, h, 1) ? 1 : 0;
    if (hour_len == 0 || h + hour_len >= name.size() || name[h + hour_len] != '.') continue;
    const int year = Number(name, i, 4), month = Number(name, i + 5, 2), day = Number(name, i + 8, 2);
    const int hour = Number(name, h, hour_len);
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23) continue;
    const int64_t days = DaysFromCivil(year, month, day);
    if (CivilFromDays(days).day != day) continue;  // 2015-02-30
    int64_t t = days * kSecondsPerDay + hour * 3600;
    // GH Archive's 2013 and 2014 hours come from GitHub's timeline, in US Pacific time; its
    // 2011-2012 hours were rebuilt from the events API in UTC (as the real samples show).
    if (year == 2013 || year == 2014) t -= PacificOffsetHours(year, t) * 3600;
    found = t;
  }
  return found;
}

Status AddCoverage(SqliteDb& db, int64_t repo_id, int64_t begin, int64_t end) {
  OSCM_ASSIGN_OR_RETURN(auto touching, db.Prepare(
      "SELECT begin, end FROM gh_coverage WHERE repo_id = ? AND begin <= ? AND end >= ?"));
  touching.Bind(1, repo_id).Bind(2, end).Bind(3, begin);
  int64_t lo = begin, hi = end;
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, touching.Step());
    if (!row) break;
    lo = std::min(lo, touching.ColumnInt(0));
    hi = std::max(hi, touching.ColumnInt(1));
  }
  OSCM_ASSIGN_OR_RETURN(auto drop, db.Prepare(
      "DELETE FROM gh_coverage WHERE repo_id = ? AND begin <= ? AND end >= ?"));
  drop.Bind(1, repo_id).Bind(2, end).Bind(3, begin);
  OSCM_RETURN_IF_ERROR(drop.Run());
  OSCM_ASSIGN_OR_RETURN(auto put, db.Prepare("INSERT INTO gh_coverage(repo_id, begin, end) VALUES (?, ?, ?)"));
  put.Bind(1, repo_id).Bind(2, lo).Bind(3, hi);
  return put.Run();
}

Status AddFileCoverage(SqliteDb& db, std::string_view path) {
  const std::optional<int64_t> hour = GhArchiveHourOf(path);
  if (!hour) return Status::Ok();
  OSCM_ASSIGN_OR_RETURN(auto repos, db.Prepare("SELECT id FROM gh_repos ORDER BY id"));
  std::vector<int64_t> ids;
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, repos.Step());
    if (!row) break;
    ids.push_back(repos.ColumnInt(0));
  }
  for (int64_t id : ids) OSCM_RETURN_IF_ERROR(AddCoverage(db, id, *hour, *hour + 3600));
  return Status::Ok();
}

Result<std::vector<TimeWindow>> CommunityGhCoverage(SqliteDb& db, int64_t community_id) {
  OSCM_ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "SELECT r.id, c.begin, c.end FROM gh_repos r LEFT JOIN gh_coverage c ON c.repo_id = r.id "
      "WHERE r.community_id = ? ORDER BY r.id, c.begin"));
  stmt.Bind(1, community_id);
  std::vector<std::vector<TimeWindow>> per_repo;
  int64_t last_repo = -1;
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) break;
    if (stmt.ColumnInt(0) != last_repo) {
      per_repo.emplace_back();
      last_repo = stmt.ColumnInt(0);
    }
    if (!stmt.ColumnIsNull(1)) per_repo.back().push_back(TimeWindow{stmt.ColumnInt(1), stmt.ColumnInt(2)});
  }
  if (per_repo.empty()) return std::vector<TimeWindow>{};
  // Intersection: an hour counts when every tracked repository was read for it.
  std::vector<TimeWindow> out = per_repo.front();
  for (size_t r = 1; r < per_repo.size(); ++r) {
    std::vector<TimeWindow> next;
    size_t i = 0, j = 0;
    const auto& other = per_repo[r];
    while (i < out.size() && j < other.size()) {
      const int64_t lo = std::max(out[i].begin, other[j].begin);
      const int64_t hi = std::min(out[i].end, other[j].end);
      if (lo < hi) next.push_back(TimeWindow{lo, hi});
      (out[i].end < other[j].end) ? ++i : ++j;
    }
    out = std::move(next);
  }
  return out;
}

int64_t CoveredSeconds(const std::vector<TimeWindow>& ranges, const TimeWindow& w) {
  int64_t covered = 0;
  auto it = std::lower_bound(ranges.begin(), ranges.end(), w.begin,
                             [](const TimeWindow& r, int64_t t) { return r.end <= t; });
  for (; it != ranges.end() && it->begin < w.end; ++it) {
    covered += std::min(it->end, w.end) - std::max(it->begin, w.begin);
  }
  return covered;
}

Status BackfillGhCoverage(SqliteDb& db) {
  OSCM_ASSIGN_OR_RETURN(auto files, db.Prepare("SELECT DISTINCT path FROM gh_files ORDER BY path"));
  std::vector<std::string> paths;
  while (true) {
    OSCM_ASSIGN_OR_RETURN(const bool row, files.Step());
    if (!row) break;
    paths.push_back(files.ColumnText(0));
  }
  for (const auto& p : paths) OSCM_RETURN_IF_ERROR(AddFileCoverage(db, p));
  return Status::Ok();
}

}  // namespace oscm::store
