// Calendar arithmetic on UTC Unix seconds: civil dates, months, windows and ISO formatting.
//
// oscm stores every instant as UTC Unix seconds plus, where the source has one, the UTC offset in
// minutes. Months are counted as year * 12 + (month - 1) so that consecutive months differ by one.
// All functions are pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "oscm/status.h"

namespace oscm {

constexpr int64_t kSecondsPerDay = 86400;

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
int64_t DaysFromCivil(int year, int month, int day);

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};
CivilDate CivilFromDays(int64_t days);

// Floor division that rounds toward negative infinity (for instants before 1970).
inline int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Month index: year * 12 + (month - 1).
using MonthIndex = int32_t;
MonthIndex MonthOf(int64_t unix_seconds);
int64_t MonthStart(MonthIndex month);  // Unix seconds at 00:00 UTC on the 1st
std::string FormatMonth(MonthIndex month);  // "2024-03"

// "YYYY-MM-DD" (UTC midnight). Rejects impossible dates such as 2023-02-30.
Result<int64_t> ParseDate(std::string_view text);
std::string FormatDate(int64_t unix_seconds);       // "2024-03-07"
std::string FormatTimestamp(int64_t unix_seconds);  // "2024-03-07T12:00:00Z"

// Half-open interval [begin, end) of Unix seconds.
struct TimeWindow {
  int64_t begin = 0;
  int64_t end = 0;
  bool Contains(int64_t t) const { return t >= begin && t < end; }
};

// The `months` calendar months ending with the day of `as_of` (inclusive): for as_of 2026-09-01
// and 12 months, [2025-09-02, 2026-09-02).
TimeWindow TrailingMonths(int64_t as_of, int months);
// One calendar month.
TimeWindow MonthWindow(MonthIndex month);
// The window of the same length immediately before `w`.
TimeWindow Previous(const TimeWindow& w, int months);

// Day of week for a local instant (0 = Monday ... 6 = Sunday) and hour of day (0..23).
int DayOfWeek(int64_t local_seconds);
int HourOfDay(int64_t local_seconds);

}  // namespace oscm
