#include "base/distinct_sketch.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace oscm {
namespace {

DistinctSketch Of(int from, int to) {
  DistinctSketch s;
  for (int i = from; i < to; ++i) s.AddHash(StableHash64("user" + std::to_string(i)));
  return s;
}

TEST(DistinctSketchTest, ExactBelowKAndDuplicatesCountOnce) {
  DistinctSketch s = Of(0, 100);
  s.Merge(Of(50, 120));
  EXPECT_EQ(s.Estimate(), 120.0);
  EXPECT_EQ(DistinctSketch().Estimate(), 0.0);
}

TEST(DistinctSketchTest, LargeSetsAreEstimatedWithinTheStatedError) {
  // 1 / sqrt(126) = 8.9%; allow three standard errors.
  for (const int n : {1000, 20000}) {
    const double est = Of(0, n).Estimate();
    EXPECT_LT(std::abs(est - n) / n, 0.27) << n << " estimated as " << est;
  }
}

TEST(DistinctSketchTest, MergeIsTheSketchOfTheUnionInAnyOrder) {
  DistinctSketch a = Of(0, 3000);
  a.Merge(Of(2000, 5000));
  DistinctSketch b = Of(2000, 5000);
  b.Merge(Of(0, 3000));
  const DistinctSketch whole = Of(0, 5000);
  ByteWriter wa, wb, ww;
  a.Encode(&wa);
  b.Encode(&wb);
  whole.Encode(&ww);
  EXPECT_EQ(wa.data(), ww.data());
  EXPECT_EQ(wb.data(), ww.data());
  DistinctSketch back;
  ByteReader r(ww.data());
  ASSERT_TRUE(back.Decode(&r));
  EXPECT_TRUE(r.AtCleanEnd());
  EXPECT_EQ(back.Estimate(), whole.Estimate());
}

}  // namespace
}  // namespace oscm
