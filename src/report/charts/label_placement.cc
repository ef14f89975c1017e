#include "report/charts/label_placement.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>

namespace oscm::report {

bool Box::Overlaps(const Box& o) const {
  return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
}

bool Box::Contains(const Box& inner) const {
  return inner.x >= x && inner.y >= y && inner.right() <= right() && inner.bottom() <= bottom();
}

double Box::OverlapArea(const Box& o) const {
  const double w_overlap = std::min(right(), o.right()) - std::max(x, o.x);
  const double h_overlap = std::min(bottom(), o.bottom()) - std::max(y, o.y);
  return w_overlap > 0 && h_overlap > 0 ? w_overlap * h_overlap : 0;
}

Box MarkerBox(Point center, double radius) {
  return {center.x - radius, center.y - radius, 2 * radius, 2 * radius};
}

Point NearestPointOnBox(const Box& box, Point p) {
  return {std::clamp(p.x, box.x, box.right()), std::clamp(p.y, box.y, box.bottom())};
}

bool SegmentIntersectsBox(const Segment& s, const Box& box) {
  // Liang-Barsky clipping of the segment against the box.
  double t0 = 0;
  double t1 = 1;
  const double dx = s.b.x - s.a.x;
  const double dy = s.b.y - s.a.y;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {s.a.x - box.x, box.right() - s.a.x, s.a.y - box.y, box.bottom() - s.a.y};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0) {
      if (q[i] < 0) return false;
      continue;
    }
    const double t = q[i] / p[i];
    if (p[i] < 0) {
      t0 = std::max(t0, t);
    } else {
      t1 = std::min(t1, t);
    }
    if (t0 > t1) return false;
  }
  return true;
}

namespace {

constexpr double kGaps[] = {3, 9, 18, 30, 46, 66, 92, 124, 164, 214};
constexpr int kDirections = 16;
constexpr double kLeaderGap = 12;  // boxes farther than this from their marker get a leader line
constexpr double kCrossingPenalty = 80;
constexpr double kGridStep = 4;

struct Candidate {
  Box box;
  double cost = 0;
};

// True when the two segments properly cross (shared end points do not count).
bool SegmentsCross(const Segment& s, const Segment& t) {
  auto orient = [](Point a, Point b, Point c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  };
  const double d1 = orient(s.a, s.b, t.a);
  const double d2 = orient(s.a, s.b, t.b);
  const double d3 = orient(t.a, t.b, s.a);
  const double d4 = orient(t.a, t.b, s.b);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

class Placer {
 public:
  Placer(std::span<const LabelRequest> requests, const Box& bounds, std::span<const Box> obstacles,
         std::span<const Segment> soft_segments)
      : requests_(requests), bounds_(bounds), soft_segments_(soft_segments) {
    fixed_.assign(obstacles.begin(), obstacles.end());
    for (const LabelRequest& r : requests) fixed_.push_back(MarkerBox(r.anchor, r.marker_radius));
    boxes_.resize(requests.size());
    placed_.assign(requests.size(), false);
  }

  PlacementResult Run() {
    std::vector<size_t> order(requests_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::vector<int> crowd(requests_.size(), 0);
    for (size_t i = 0; i < requests_.size(); ++i) {
      for (size_t j = 0; j < requests_.size(); ++j) {
        const double d = std::hypot(requests_[i].anchor.x - requests_[j].anchor.x,
                                    requests_[i].anchor.y - requests_[j].anchor.y);
        if (i != j && d < 80) ++crowd[i];
      }
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return crowd[a] > crowd[b]; });
    for (const size_t i : order) Place(i);
    for (int round = 0; round < 3; ++round) {
      for (const size_t i : order) {
        placed_[i] = false;
        Place(i);
      }
    }
    PlacementResult result;
    for (size_t i = 0; i < requests_.size(); ++i) {
      const bool overlaps = !Free(i, boxes_[i]);
      result.labels.push_back({boxes_[i], Leader(i, boxes_[i]).has_value(), overlaps});
      if (overlaps) ++result.unresolved;
    }
    return result;
  }

 private:
  bool Free(size_t self, const Box& box) const {
    if (!bounds_.Contains(box)) return false;
    for (const Box& f : fixed_) {
      if (f.Overlaps(box)) return false;
    }
    for (size_t j = 0; j < boxes_.size(); ++j) {
      if (j != self && placed_[j] && boxes_[j].Overlaps(box)) return false;
    }
    return true;
  }

  // The leader line label `j` would need at `box`, if the box is far enough to need one.
  std::optional<Segment> Leader(size_t j, const Box& box) const {
    const Point near = NearestPointOnBox(box, requests_[j].anchor);
    const Segment leader{requests_[j].anchor, near};
    if (std::hypot(near.x - leader.a.x, near.y - leader.a.y) <=
        kLeaderGap + requests_[j].marker_radius) {
      return std::nullopt;
    }
    return leader;
  }

  // Soft costs of putting label `self` at `box`: the box crossing arrows or other leaders, and its
  // own leader crossing other labels, other leaders or other markers.
  double Crossings(size_t self, const Box& box) const {
    double cost = 0;
    for (const Segment& s : soft_segments_) {
      if (SegmentIntersectsBox(s, box)) cost += kCrossingPenalty;
    }
    const std::optional<Segment> own = Leader(self, box);
    for (size_t j = 0; j < boxes_.size(); ++j) {
      if (j == self || !placed_[j]) continue;
      const std::optional<Segment> other = Leader(j, boxes_[j]);
      if (other && SegmentIntersectsBox(*other, box)) cost += kCrossingPenalty;
      if (own && SegmentIntersectsBox(*own, boxes_[j])) cost += kCrossingPenalty;
      if (own && other && SegmentsCross(*own, *other)) cost += kCrossingPenalty;
    }
    if (own) {
      for (size_t j = 0; j < requests_.size(); ++j) {
        if (j != self && SegmentIntersectsBox(
                             *own, MarkerBox(requests_[j].anchor, requests_[j].marker_radius))) {
          cost += kCrossingPenalty;
        }
      }
    }
    return cost;
  }

  Box BoxAt(const LabelRequest& r, double dx, double dy, double gap) const {
    const double cx = r.anchor.x + dx * (r.width / 2 + r.marker_radius + gap);
    const double cy = r.anchor.y + dy * (r.height / 2 + r.marker_radius + gap);
    return {cx - r.width / 2, cy - r.height / 2, r.width, r.height};
  }

  void Place(size_t i) {
    const LabelRequest& r = requests_[i];
    std::optional<Candidate> best;
    Candidate least_bad{BoxAt(r, 1, 0, kGaps[0]), std::numeric_limits<double>::infinity()};
    for (const double gap : kGaps) {
      for (int k = 0; k < kDirections; ++k) {
        const double angle = 2 * std::numbers::pi * k / kDirections;
        const double dx = std::cos(angle);
        const double dy = std::sin(angle);
        // Right is read first; left next; straight above or below last.
        const double preference = (1 - dx) * 2 + std::abs(dy) * 2;
        const Box box = BoxAt(r, dx, dy, gap);
        if (Free(i, box)) {
          const double cost = gap + preference + Crossings(i, box);
          if (!best || cost < best->cost) best = Candidate{box, cost};
        } else if (!best) {
          const double overlap = OverlapPenalty(i, box) + gap;
          if (overlap < least_bad.cost) least_bad = Candidate{box, overlap};
        }
      }
      // Nearer rings win unless crossing penalties make a farther spot clearly better.
      if (best && best->cost < gap + kCrossingPenalty) break;
    }
    if (!best) best = GridScan(i);
    boxes_[i] = best ? best->box : least_bad.box;
    placed_[i] = true;
  }

  std::optional<Candidate> GridScan(size_t i) const {
    const LabelRequest& r = requests_[i];
    std::optional<Candidate> best;
    for (double y = bounds_.y; y + r.height <= bounds_.bottom(); y += kGridStep) {
      for (double x = bounds_.x; x + r.width <= bounds_.right(); x += kGridStep) {
        const Box box{x, y, r.width, r.height};
        if (!Free(i, box)) continue;
        const Point near = NearestPointOnBox(box, r.anchor);
        const double cost =
            std::hypot(near.x - r.anchor.x, near.y - r.anchor.y) + Crossings(i, box);
        if (!best || cost < best->cost) best = Candidate{box, cost};
      }
    }
    return best;
  }

  double OverlapPenalty(size_t self, const Box& box) const {
    double area = 0;
    for (const Box& f : fixed_) area += f.OverlapArea(box);
    for (size_t j = 0; j < boxes_.size(); ++j) {
      if (j != self && placed_[j]) area += boxes_[j].OverlapArea(box);
    }
    const double clipped = box.w * box.h - bounds_.OverlapArea(box);
    return area + clipped * 10;
  }

  std::span<const LabelRequest> requests_;
  Box bounds_;
  std::span<const Segment> soft_segments_;
  std::vector<Box> fixed_;
  std::vector<Box> boxes_;
  std::vector<bool> placed_;
};

}  // namespace

PlacementResult PlaceLabels(std::span<const LabelRequest> requests, const Box& bounds,
                            std::span<const Box> obstacles,
                            std::span<const Segment> soft_segments) {
  return Placer(requests, bounds, obstacles, soft_segments).Run();
}

}  // namespace oscm::report
