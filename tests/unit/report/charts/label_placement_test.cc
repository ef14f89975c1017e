#include "report/charts/label_placement.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace oscm::report {
namespace {

// Asserts the placement contract: every box inside the bounds, no two boxes overlapping, no box
// over any marker or obstacle, and nothing reported unresolved.
void ExpectCleanPlacement(const std::vector<LabelRequest>& requests, const PlacementResult& result,
                          const Box& bounds, const std::vector<Box>& obstacles) {
  ASSERT_EQ(result.labels.size(), requests.size());
  EXPECT_EQ(result.unresolved, 0);
  for (size_t i = 0; i < requests.size(); ++i) {
    const Box& b = result.labels[i].box;
    EXPECT_TRUE(bounds.Contains(b)) << "label " << i << " leaves the bounds";
    EXPECT_DOUBLE_EQ(b.w, requests[i].width);
    EXPECT_DOUBLE_EQ(b.h, requests[i].height);
    for (size_t j = 0; j < requests.size(); ++j) {
      EXPECT_FALSE(b.Overlaps(MarkerBox(requests[j].anchor, requests[j].marker_radius)))
          << "label " << i << " covers marker " << j;
      if (j > i) {
        EXPECT_FALSE(b.Overlaps(result.labels[j].box))
            << "labels " << i << " and " << j << " overlap";
      }
    }
    for (const Box& o : obstacles)
      EXPECT_FALSE(b.Overlaps(o)) << "label " << i << " covers an obstacle";
  }
}

// A deterministic pseudo-random sequence in [0, 1).
struct Lcg {
  uint64_t state;
  double Next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / static_cast<double>(1ULL << 53);
  }
};

TEST(LabelPlacementTest, LonePointGetsItsLabelRightBesideIt) {
  const std::vector<LabelRequest> requests = {{{100, 100}, 6, 60, 18}};
  const Box bounds{0, 0, 400, 300};
  const PlacementResult r = PlaceLabels(requests, bounds, {});
  ExpectCleanPlacement(requests, r, bounds, {});
  const Box& b = r.labels[0].box;
  EXPECT_FALSE(r.labels[0].leader);
  EXPECT_GT(b.x, 106);  // right of the marker...
  EXPECT_LT(b.x, 112);  // ...and close to it
  EXPECT_NEAR(b.y + b.h / 2, 100, 0.01);
}

TEST(LabelPlacementTest, PointAtRightEdgeGetsItsLabelOnTheLeft) {
  const std::vector<LabelRequest> requests = {{{395, 150}, 5, 80, 18}};
  const Box bounds{0, 0, 400, 300};
  const PlacementResult r = PlaceLabels(requests, bounds, {});
  ExpectCleanPlacement(requests, r, bounds, {});
  EXPECT_LT(r.labels[0].box.right(), 390);
}

TEST(LabelPlacementTest, TwelvePointsWithinAFewPixels) {
  std::vector<LabelRequest> requests;
  for (int i = 0; i < 12; ++i) {
    requests.push_back({{300 + (i % 4) * 3.0, 200 + (i / 4) * 3.0}, 6, 70 + i * 7.0, 18});
  }
  const Box bounds{0, 0, 600, 400};
  const PlacementResult r = PlaceLabels(requests, bounds, {});
  ExpectCleanPlacement(requests, r, bounds, {});
  int leaders = 0;
  for (const PlacedLabel& l : r.labels) leaders += l.leader ? 1 : 0;
  EXPECT_GT(leaders, 0) << "a crowd this dense needs displaced labels";
}

TEST(LabelPlacementTest, IdenticalPointsInACorner) {
  std::vector<LabelRequest> requests(8, LabelRequest{{8, 8}, 6, 90, 18});
  const Box bounds{0, 0, 500, 400};
  const std::vector<Box> obstacles = {{10, 10, 120, 20}};  // e.g. a quadrant title
  const PlacementResult r = PlaceLabels(requests, bounds, obstacles);
  ExpectCleanPlacement(requests, r, bounds, obstacles);
}

TEST(LabelPlacementTest, FortyRandomPointsWithObstaclesAndArrows) {
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    Lcg rng{seed};
    std::vector<LabelRequest> requests;
    std::vector<Segment> arrows;
    for (int i = 0; i < 40; ++i) {
      const Point p{20 + rng.Next() * 760, 20 + rng.Next() * 560};
      requests.push_back({p, 6, 40 + rng.Next() * 120, 18});
      arrows.push_back({{p.x - 30, p.y + 20}, p});
    }
    const Box bounds{0, 0, 800, 600};
    const std::vector<Box> obstacles = {{10, 10, 100, 20}, {690, 570, 100, 20}};
    const PlacementResult r = PlaceLabels(requests, bounds, obstacles, arrows);
    ExpectCleanPlacement(requests, r, bounds, obstacles);
  }
}

TEST(LabelPlacementTest, ReportsWhatCannotFit) {
  // Three 150 px labels cannot fit side by side or stacked in a 160 x 40 box.
  const std::vector<LabelRequest> requests(3, LabelRequest{{80, 20}, 4, 150, 18});
  const PlacementResult r = PlaceLabels(requests, {0, 0, 160, 40}, {});
  EXPECT_GT(r.unresolved, 0);
}

TEST(LabelPlacementTest, SegmentBoxIntersection) {
  const Box box{10, 10, 10, 10};
  struct Case {
    Segment s;
    bool expected;
  } cases[] = {
      {{{0, 0}, {30, 30}}, true},    // diagonal through
      {{{0, 15}, {5, 15}}, false},   // stops short
      {{{12, 12}, {14, 14}}, true},  // inside
      {{{0, 0}, {30, 0}}, false},    // above
      {{{25, 0}, {25, 30}}, false},  // right of it
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SegmentIntersectsBox(c.s, box), c.expected)
        << c.s.a.x << "," << c.s.a.y << " -> " << c.s.b.x << "," << c.s.b.y;
  }
}

}  // namespace
}  // namespace oscm::report
