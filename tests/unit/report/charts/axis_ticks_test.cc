#include "report/charts/axis_ticks.h"

#include <gtest/gtest.h>

namespace oscm::report {
namespace {

TEST(AxisTicksTest, NiceTicks) {
  const struct {
    double lo, hi;
    int target;
    std::vector<double> expected;
  } cases[] = {
      {0, 100, 6, {0, 20, 40, 60, 80, 100}},
      {0, 100, 5, {0, 25, 50, 75, 100}},
      {0, 37, 5, {0, 10, 20, 30, 40}},
      {0, 1234, 5, {0, 500, 1000, 1500}},
      {3, 3, 3, {0, 2, 4, 6}},  // degenerate range widened to 1.5..4.5
      {0, 0.8, 5, {0, 0.2, 0.4, 0.6, 0.8}},
  };
  for (const auto& c : cases) {
    const std::vector<double> ticks = NiceTicks(c.lo, c.hi, c.target);
    ASSERT_EQ(ticks.size(), c.expected.size()) << c.lo << ".." << c.hi;
    for (size_t i = 0; i < ticks.size(); ++i)
      EXPECT_NEAR(ticks[i], c.expected[i], 1e-9) << c.lo << ".." << c.hi;
  }
}

TEST(AxisTicksTest, FormatTick) {
  EXPECT_EQ(FormatTick(0), "0");
  EXPECT_EQ(FormatTick(25), "25");
  EXPECT_EQ(FormatTick(2.5), "2.5");
  EXPECT_EQ(FormatTick(1200), "1.2k");
  EXPECT_EQ(FormatTick(15000), "15k");
  EXPECT_EQ(FormatTick(3000000), "3M");
  EXPECT_EQ(FormatTick(-1500), "-1.5k");
}

TEST(AxisTicksTest, FormatCount) {
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(999), "999");
  EXPECT_EQ(FormatCount(41250), "41,250");
  EXPECT_EQ(FormatCount(1234567), "1,234,567");
  EXPECT_EQ(FormatCount(-1500), "-1,500");
}

TEST(AxisTicksTest, YearTicksAreJanuariesAtAReadableStep) {
  auto years = [](MonthIndex first, MonthIndex last, int max_labels) {
    std::vector<int> out;
    for (const YearTick& t : YearTicks(first, last, max_labels)) {
      EXPECT_EQ(t.month, t.year * 12);
      out.push_back(t.year);
    }
    return out;
  };
  EXPECT_EQ(years(2019 * 12 + 5, 2026 * 12 + 7, 12),
            (std::vector<int>{2020, 2021, 2022, 2023, 2024, 2025, 2026}));
  EXPECT_EQ(years(2012 * 12 + 1, 2026 * 12 + 7, 12),
            (std::vector<int>{2014, 2016, 2018, 2020, 2022, 2024, 2026}));
  EXPECT_EQ(years(1990 * 12, 2026 * 12, 6), (std::vector<int>{1990, 2000, 2010, 2020}));
  EXPECT_EQ(years(2024 * 12 + 1, 2024 * 12 + 11, 12), std::vector<int>{});  // no January inside
}

TEST(AxisTicksTest, LogPeople) {
  EXPECT_DOUBLE_EQ(LogPeople(0), 0);
  EXPECT_DOUBLE_EQ(LogPeople(-5), 0);
  EXPECT_DOUBLE_EQ(LogPeople(99), 2);
}

}  // namespace
}  // namespace oscm::report
