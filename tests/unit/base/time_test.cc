#include "base/time.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/test_util.h"

namespace oscm {
namespace {

int64_t Day(int y, int m, int d) { return DaysFromCivil(y, m, d) * kSecondsPerDay; }

TEST(TimeTest, DaysFromCivilKnownValues) {
  struct Case {
    int y, m, d;
    int64_t days;
  };
  const std::vector<Case> cases = {
      {1970, 1, 1, 0},         {1969, 12, 31, -1},      {2000, 3, 1, 11017},
      {2024, 1, 1, 19723},     {2024, 2, 29, 19782},    {2026, 9, 1, 20697},
      {1969, 7, 20, -165},     {1960, 2, 29, -3594},    {1900, 3, 1, -25508},
      {1600, 2, 29, -135081},  {2100, 3, 1, 47541},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(::testing::Message() << c.y << "-" << c.m << "-" << c.d);
    EXPECT_EQ(DaysFromCivil(c.y, c.m, c.d), c.days);
    const CivilDate back = CivilFromDays(c.days);
    EXPECT_EQ(back.year, c.y);
    EXPECT_EQ(back.month, c.m);
    EXPECT_EQ(back.day, c.d);
  }
}

TEST(TimeTest, CivilRoundTripOverFourCenturies) {
  // Every day from 1800-01-01 to 2200-12-31 survives the round trip and days are consecutive.
  const int64_t first = DaysFromCivil(1800, 1, 1);
  const int64_t last = DaysFromCivil(2200, 12, 31);
  CivilDate prev = CivilFromDays(first - 1);
  EXPECT_EQ(prev.year, 1799);
  EXPECT_EQ(prev.month, 12);
  EXPECT_EQ(prev.day, 31);
  for (int64_t d = first; d <= last; ++d) {
    const CivilDate c = CivilFromDays(d);
    ASSERT_EQ(DaysFromCivil(c.year, c.month, c.day), d);
    if (c.day == 1) {
      ASSERT_TRUE(c.month == prev.month % 12 + 1) << d;
    } else {
      ASSERT_EQ(c.day, prev.day + 1) << d;
      ASSERT_EQ(c.month, prev.month) << d;
    }
    prev = c;
  }
}

TEST(TimeTest, LeapYears) {
  // Feb 29 exists in 2000 and 2024 but not in 1900, 2023 or 2100.
  EXPECT_EQ(DaysFromCivil(2000, 3, 1) - DaysFromCivil(2000, 2, 28), 2);
  EXPECT_EQ(DaysFromCivil(2024, 3, 1) - DaysFromCivil(2024, 2, 28), 2);
  EXPECT_EQ(DaysFromCivil(1900, 3, 1) - DaysFromCivil(1900, 2, 28), 1);
  EXPECT_EQ(DaysFromCivil(2023, 3, 1) - DaysFromCivil(2023, 2, 28), 1);
  EXPECT_EQ(DaysFromCivil(2100, 3, 1) - DaysFromCivil(2100, 2, 28), 1);
  EXPECT_EQ(DaysFromCivil(2025, 1, 1) - DaysFromCivil(2024, 1, 1), 366);
  EXPECT_EQ(DaysFromCivil(2024, 1, 1) - DaysFromCivil(2023, 1, 1), 365);
}

TEST(TimeTest, FloorDiv) {
  EXPECT_EQ(FloorDiv(7, 2), 3);
  EXPECT_EQ(FloorDiv(-7, 2), -4);
  EXPECT_EQ(FloorDiv(-8, 2), -4);
  EXPECT_EQ(FloorDiv(-1, kSecondsPerDay), -1);
  EXPECT_EQ(FloorDiv(0, kSecondsPerDay), 0);
}

TEST(TimeTest, MonthOfAndMonthStart) {
  EXPECT_EQ(MonthOf(0), 1970 * 12);
  EXPECT_EQ(MonthOf(Day(2024, 3, 7) + 12 * 3600), 2024 * 12 + 2);
  EXPECT_EQ(MonthOf(Day(2024, 3, 1)), 2024 * 12 + 2);
  EXPECT_EQ(MonthOf(Day(2024, 3, 1) - 1), 2024 * 12 + 1);
  EXPECT_EQ(MonthOf(-1), 1969 * 12 + 11);
  EXPECT_EQ(MonthStart(2024 * 12 + 2), Day(2024, 3, 1));
  EXPECT_EQ(MonthStart(2024 * 12 + 11), Day(2024, 12, 1));
  EXPECT_EQ(MonthStart(2025 * 12), Day(2025, 1, 1));
  EXPECT_EQ(MonthStart(1969 * 12 + 11), Day(1969, 12, 1));
  EXPECT_EQ(MonthStart(1970 * 12), 0);
  for (MonthIndex m = 1960 * 12; m < 2030 * 12; ++m) {
    ASSERT_EQ(MonthOf(MonthStart(m)), m);
    ASSERT_EQ(MonthOf(MonthStart(m + 1) - 1), m);
  }
}

TEST(TimeTest, FormatMonth) {
  EXPECT_EQ(FormatMonth(2024 * 12 + 2), "2024-03");
  EXPECT_EQ(FormatMonth(2024 * 12 + 11), "2024-12");
  EXPECT_EQ(FormatMonth(2025 * 12), "2025-01");
  EXPECT_EQ(FormatMonth(MonthOf(-1)), "1969-12");
  EXPECT_EQ(FormatMonth(MonthOf(Day(2026, 9, 1))), "2026-09");
}

TEST(TimeTest, MonthWindow) {
  const TimeWindow w = MonthWindow(MonthOf(Day(2024, 2, 10)));
  EXPECT_EQ(w.begin, Day(2024, 2, 1));
  EXPECT_EQ(w.end, Day(2024, 3, 1));
  EXPECT_TRUE(w.Contains(Day(2024, 2, 29) + 86399));
  EXPECT_FALSE(w.Contains(Day(2024, 3, 1)));
  EXPECT_TRUE(w.Contains(Day(2024, 2, 1)));
  EXPECT_FALSE(w.Contains(Day(2024, 2, 1) - 1));
  const TimeWindow dec = MonthWindow(2024 * 12 + 11);
  EXPECT_EQ(FormatDate(dec.begin), "2024-12-01");
  EXPECT_EQ(FormatDate(dec.end), "2025-01-01");
}

TEST(TimeTest, ParseDateAccepts) {
  struct Case {
    const char* text;
    int64_t days;
  };
  const std::vector<Case> cases = {
      {"1970-01-01", 0},      {"2024-02-29", 19782}, {"2000-02-29", DaysFromCivil(2000, 2, 29)},
      {"1969-07-20", -165},   {"2026-09-01", 20697}, {"2024-12-31", DaysFromCivil(2024, 12, 31)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const Result<int64_t> r = ParseDate(c.text);
    ASSERT_OK(r);
    EXPECT_EQ(*r, c.days * kSecondsPerDay);
    EXPECT_EQ(FormatDate(*r), c.text);
  }
}

TEST(TimeTest, ParseDateRejects) {
  const std::vector<std::string> bad = {
      "2023-02-29", "1900-02-29", "2100-02-29", "2024-02-30", "2024-04-31", "2024-13-01",
      "2024-00-10", "2024-01-00", "2024-01-32", "2024-1-01",  "2024-01-1",  "24-01-01",
      "2024/01/01", "2024-01-01T00:00:00Z", "2024-01-01 ", "", "abcd-ef-gh", "+024-01-01",
      "2024-0a-01", "2024-01-01x",
  };
  for (const std::string& text : bad) {
    SCOPED_TRACE(text);
    const Result<int64_t> r = ParseDate(text);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.error().message().find("'" + text + "'"), std::string::npos)
        << r.error().message();
  }
}

TEST(TimeTest, FormatDateAndTimestamp) {
  EXPECT_EQ(FormatDate(0), "1970-01-01");
  EXPECT_EQ(FormatDate(-1), "1969-12-31");
  EXPECT_EQ(FormatDate(Day(2024, 3, 7) + 86399), "2024-03-07");
  EXPECT_EQ(FormatTimestamp(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatTimestamp(1709814896), "2024-03-07T12:34:56Z");
  EXPECT_EQ(FormatTimestamp(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatTimestamp(Day(1969, 7, 20) + 20 * 3600 + 17 * 60), "1969-07-20T20:17:00Z");
  EXPECT_EQ(FormatTimestamp(Day(2024, 2, 29) + 86399), "2024-02-29T23:59:59Z");
}

TEST(TimeTest, TrailingMonths) {
  struct Case {
    int64_t as_of;
    int months;
    const char* begin;
    const char* end;
  };
  const std::vector<Case> cases = {
      // The documented example.
      {Day(2026, 9, 1), 12, "2025-09-02", "2026-09-02"},
      // Any time of day on as_of gives the same window.
      {Day(2026, 9, 1) + 86399, 12, "2025-09-02", "2026-09-02"},
      // The window ends the day after as_of (2026-04-01), so it starts on 2025-04-01.
      {Day(2026, 3, 31), 12, "2025-04-01", "2026-04-01"},
      // The window ending 2026-03-31 starts on 2025-03-31.
      {Day(2026, 3, 30), 12, "2025-03-31", "2026-03-31"},
      // The start is clamped when the earlier month is shorter.
      {Day(2024, 2, 28), 12, "2023-02-28", "2024-02-29"},
      {Day(2024, 3, 30), 1, "2024-02-29", "2024-03-31"},
      {Day(2025, 3, 30), 1, "2025-02-28", "2025-03-31"},
      {Day(2025, 5, 30), 1, "2025-04-30", "2025-05-31"},
      // Year boundaries.
      {Day(2026, 12, 31), 12, "2026-01-01", "2027-01-01"},
      {Day(2026, 1, 15), 3, "2025-10-16", "2026-01-16"},
      {Day(2026, 1, 15), 24, "2024-01-16", "2026-01-16"},
      // Before 1970.
      {Day(1969, 6, 15), 12, "1968-06-16", "1969-06-16"},
      {-1, 1, "1969-12-01", "1970-01-01"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(::testing::Message() << FormatTimestamp(c.as_of) << " " << c.months);
    const TimeWindow w = TrailingMonths(c.as_of, c.months);
    EXPECT_EQ(FormatDate(w.begin), c.begin);
    EXPECT_EQ(FormatDate(w.end), c.end);
    // Bounds are midnights.
    EXPECT_EQ(FloorDiv(w.begin, kSecondsPerDay) * kSecondsPerDay, w.begin);
    EXPECT_EQ(FloorDiv(w.end, kSecondsPerDay) * kSecondsPerDay, w.end);
    EXPECT_TRUE(w.Contains(c.as_of));
  }
}

TEST(TimeTest, TrailingMonthsContainsBounds) {
  const TimeWindow w = TrailingMonths(Day(2026, 9, 1), 12);
  EXPECT_EQ(w.begin, Day(2025, 9, 2));
  EXPECT_EQ(w.end, Day(2026, 9, 2));
  EXPECT_TRUE(w.Contains(w.begin));
  EXPECT_FALSE(w.Contains(w.begin - 1));
  EXPECT_TRUE(w.Contains(w.end - 1));
  EXPECT_FALSE(w.Contains(w.end));
}

TEST(TimeTest, Previous) {
  const TimeWindow w = TrailingMonths(Day(2026, 9, 1), 12);
  const TimeWindow p = Previous(w, 12);
  EXPECT_EQ(FormatDate(p.begin), "2024-09-02");
  EXPECT_EQ(FormatDate(p.end), "2025-09-02");
  EXPECT_EQ(p.end, w.begin);

  const TimeWindow pp = Previous(p, 12);
  EXPECT_EQ(FormatDate(pp.begin), "2023-09-02");
  EXPECT_EQ(pp.end, p.begin);

  const TimeWindow q = Previous(TrailingMonths(Day(2026, 3, 31), 3), 3);
  EXPECT_EQ(FormatDate(q.begin), "2025-10-01");
  EXPECT_EQ(FormatDate(q.end), "2026-01-01");

  // A clamped window: [2024-02-29, 2024-03-31) is preceded by [2024-01-29, 2024-02-29).
  const TimeWindow c = Previous(TrailingMonths(Day(2024, 3, 30), 1), 1);
  EXPECT_EQ(FormatDate(c.begin), "2024-01-29");
  EXPECT_EQ(FormatDate(c.end), "2024-02-29");
}

TEST(TimeTest, DayOfWeek) {
  struct Case {
    int64_t t;
    int dow;
  };
  const std::vector<Case> cases = {
      {0, 3},                              // 1970-01-01 Thursday
      {86399, 3},                          // still Thursday
      {-1, 2},                             // 1969-12-31 Wednesday
      {Day(1969, 12, 29), 0},              // Monday
      {Day(1969, 12, 28), 6},              // Sunday
      {Day(2024, 1, 1), 0},                // Monday
      {Day(2024, 1, 6), 5},                // Saturday
      {Day(2024, 1, 7) + 23 * 3600, 6},    // Sunday evening
      {Day(2024, 2, 29), 3},               // Thursday
      {Day(2026, 9, 1), 1},                // Tuesday
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(FormatTimestamp(c.t));
    EXPECT_EQ(DayOfWeek(c.t), c.dow);
  }
}

TEST(TimeTest, HourOfDay) {
  EXPECT_EQ(HourOfDay(0), 0);
  EXPECT_EQ(HourOfDay(3599), 0);
  EXPECT_EQ(HourOfDay(3600), 1);
  EXPECT_EQ(HourOfDay(5 * 3600 + 59), 5);
  EXPECT_EQ(HourOfDay(86399), 23);
  EXPECT_EQ(HourOfDay(86400), 0);
  EXPECT_EQ(HourOfDay(-1), 23);
  EXPECT_EQ(HourOfDay(-3601), 22);
  EXPECT_EQ(HourOfDay(1709814896), 12);
  // A local time: 2024-03-07T12:34:56Z in UTC+8 is 20:34 local.
  EXPECT_EQ(HourOfDay(1709814896 + 480 * 60), 20);
}

}  // namespace
}  // namespace oscm
