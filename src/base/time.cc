#include "base/time.h"

#include <fmt/format.h>

namespace oscm {

int64_t DaysFromCivil(int year, int month, int day) {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = FloorDiv(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t mp = (month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t days) {
  const int64_t z = days + 719468;
  const int64_t era = FloorDiv(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return CivilDate{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

MonthIndex MonthOf(int64_t unix_seconds) {
  const CivilDate c = CivilFromDays(FloorDiv(unix_seconds, kSecondsPerDay));
  return static_cast<MonthIndex>(c.year * 12 + (c.month - 1));
}

int64_t MonthStart(MonthIndex month) {
  const int year = static_cast<int>(FloorDiv(month, 12));
  const int m = static_cast<int>(month - year * 12) + 1;
  return DaysFromCivil(year, m, 1) * kSecondsPerDay;
}

std::string FormatMonth(MonthIndex month) {
  const int64_t year = FloorDiv(month, 12);
  return fmt::format("{:04d}-{:02d}", year, month - year * 12 + 1);
}

Result<int64_t> ParseDate(std::string_view text) {
  auto bad = [&] {
    return InvalidArgumentError(fmt::format("invalid date '{}' (expected YYYY-MM-DD)", text));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lens[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < lens[i]; ++j) {
      const char c = text[static_cast<size_t>(starts[i] + j)];
      if (c < '0' || c > '9') return bad();
      parts[i] = parts[i] * 10 + (c - '0');
    }
  }
  if (parts[1] < 1 || parts[1] > 12 || parts[2] < 1) return bad();
  const int64_t days = DaysFromCivil(parts[0], parts[1], parts[2]);
  const CivilDate back = CivilFromDays(days);
  if (back.day != parts[2] || back.month != parts[1]) return bad();
  return days * kSecondsPerDay;
}

std::string FormatDate(int64_t unix_seconds) {
  const CivilDate c = CivilFromDays(FloorDiv(unix_seconds, kSecondsPerDay));
  return fmt::format("{:04d}-{:02d}-{:02d}", c.year, c.month, c.day);
}

std::string FormatTimestamp(int64_t unix_seconds) {
  const int64_t days = FloorDiv(unix_seconds, kSecondsPerDay);
  const int64_t secs = unix_seconds - days * kSecondsPerDay;
  return fmt::format("{}T{:02d}:{:02d}:{:02d}Z", FormatDate(unix_seconds), secs / 3600,
                     (secs / 60) % 60, secs % 60);
}

TimeWindow TrailingMonths(int64_t as_of, int months) {
  const int64_t end_day = FloorDiv(as_of, kSecondsPerDay) + 1;
  const CivilDate end = CivilFromDays(end_day);
  const int64_t total = static_cast<int64_t>(end.year) * 12 + (end.month - 1) - months;
  const int year = static_cast<int>(FloorDiv(total, 12));
  const int month = static_cast<int>(total - static_cast<int64_t>(year) * 12) + 1;
  // Clamp the day: the window ending 2026-03-31 starts on 2025-03-31, the one ending 2026-02-28
  // starts on the last day of the earlier month when that month is shorter.
  int day = end.day;
  while (day > 28 && CivilFromDays(DaysFromCivil(year, month, day)).month != month) --day;
  return TimeWindow{DaysFromCivil(year, month, day) * kSecondsPerDay, end_day * kSecondsPerDay};
}

TimeWindow MonthWindow(MonthIndex month) { return TimeWindow{MonthStart(month), MonthStart(month + 1)}; }

TimeWindow Previous(const TimeWindow& w, int months) {
  return TimeWindow{TrailingMonths(w.begin - kSecondsPerDay, months).begin, w.begin};
}

int DayOfWeek(int64_t local_seconds) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return static_cast<int>((FloorDiv(local_seconds, kSecondsPerDay) % 7 + 7 + 3) % 7);
}

int HourOfDay(int64_t local_seconds) {
  return static_cast<int>((local_seconds - FloorDiv(local_seconds, kSecondsPerDay) * kSecondsPerDay) / 3600);
}

}  // namespace oscm
