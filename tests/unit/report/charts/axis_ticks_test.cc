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

}  // namespace
}  // namespace oscm::report
