// Label placement: puts one text box beside each anchor point so that no two boxes overlap, no
// box covers an anchor or an obstacle, and every box stays inside the bounds.
//
// Algorithm (deterministic, no randomness):
//   1. Candidates: 16 directions around the anchor at increasing gaps (ring 0 touches the marker).
//      A candidate is valid when it is inside `bounds` and clear of every anchor marker, every
//      obstacle and every label placed so far. Its cost is the gap, plus a small preference for
//      the right, then left, then above/below, plus a penalty per crossing: the box over a soft
//      segment (arrows) or another label's leader line, or its own leader line over another
//      label, leader line or marker.
//   2. Greedy: the most crowded anchors (most neighbours within 80 px) choose first, each taking
//      its cheapest valid candidate; when none of the rings is free, a scan of the whole bounds on
//      a 4 px grid takes the free position nearest the anchor.
//   3. Repair: each label in turn is lifted and placed again with all others fixed (three rounds),
//      which pulls labels displaced by an early choice back next to their points.
// A label whose box does not touch its marker gets a leader line. If the bounds are too full for a
// free position (not met in practice), the least-overlapping candidate is used and counted in
// PlacementResult::unresolved.
// Pure function; thread-safe.
#pragma once

#include <span>
#include <vector>

#include "report/charts/svg_writer.h"

namespace oscm::report {

struct Box {
  double x = 0;  // left
  double y = 0;  // top
  double w = 0;
  double h = 0;
  double right() const { return x + w; }
  double bottom() const { return y + h; }
  // Interiors intersect (touching edges do not count).
  bool Overlaps(const Box& o) const;
  bool Contains(const Box& inner) const;
  double OverlapArea(const Box& o) const;
};

// The square that encloses a round marker.
Box MarkerBox(Point center, double radius);

struct LabelRequest {
  Point anchor;              // the point the label names
  double marker_radius = 0;  // the drawn marker, which no label may cover
  double width = 0;          // the label's box
  double height = 0;
};

struct PlacedLabel {
  Box box;
  bool leader = false;    // the box is away from its marker: draw a line from marker to box
  bool overlaps = false;  // no free position was found: the box overlaps something
};

struct PlacementResult {
  std::vector<PlacedLabel> labels;  // same order as the requests
  int unresolved = 0;               // labels that could only be placed overlapping something
};

struct Segment {
  Point a;
  Point b;
};

PlacementResult PlaceLabels(std::span<const LabelRequest> requests, const Box& bounds,
                            std::span<const Box> obstacles,
                            std::span<const Segment> soft_segments = {});

// The point of `box` nearest to `p` (p itself when inside).
Point NearestPointOnBox(const Box& box, Point p);
// True when the segment crosses or touches the interior of the box.
bool SegmentIntersectsBox(const Segment& s, const Box& box);

}  // namespace oscm::report
