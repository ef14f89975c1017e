#include "model/evaluation.h"

#include <algorithm>

#include "metrics/gharchive_metrics.h"

namespace oscm::model {
namespace {

int64_t YearBefore(int64_t as_of) { return TrailingMonths(as_of, 12).begin - kSecondsPerDay; }


size_t DimensionIndex(const ModelSpec& model, const std::string& id) {
  for (size_t i = 0; i < model.dimensions.size(); ++i) {
    if (model.dimensions[i].id == id) return i;
  }
  return 0;  // the loader guarantees the quadrant's axes are dimensions
}

}  // namespace

QuadrantKind QuadrantOf(double x, double y, double split_x, double split_y) {
  const bool high_x = x >= split_x;
  const bool high_y = y >= split_y;
  if (high_y) return high_x ? QuadrantKind::kLeaders : QuadrantKind::kChallengers;
  return high_x ? QuadrantKind::kStrategists : QuadrantKind::kNichePlayers;
}

std::string_view QuadrantId(QuadrantKind k) {
  switch (k) {
    case QuadrantKind::kLeaders: return "leaders";
    case QuadrantKind::kChallengers: return "challengers";
    case QuadrantKind::kStrategists: return "strategists";
    case QuadrantKind::kNichePlayers: return "niche_players";
  }
  return "niche_players";
}

CommunityEvaluation Evaluate(const ModelSpec& model, const metrics::CommunityActivity& activity, int64_t as_of,
                             const PeerValues* peers, const PeerValues* previous_peers) {
  CommunityEvaluation e;
  e.assessment = metrics::Assess(activity, as_of);
  as_of = e.assessment.as_of;
  MetricSnapshot now(activity, e.assessment.window);
  e.scores = ScoreDimensions(model, now, peers);
  e.stage = EvaluateStage(model, now);
  MetricSnapshot before(activity, TrailingMonths(YearBefore(as_of), 12));
  for (const auto& d : ScoreDimensions(model, before, previous_peers)) e.previous_scores.push_back(d.value);
  e.timeline = EvaluateTimeline(model, activity, as_of);
  e.vitality = EvaluateVitality(model, activity, as_of, activity.archived);
  e.flywheel = EvaluateFlywheel(model, activity, as_of);
  e.rings = EvaluateRings(model, activity, e.assessment.window);
  e.funnel = EvaluateFunnel(model, activity, as_of);
  e.i18n = EvaluateInternationalisation(activity, e.assessment.window);
  for (const auto& f : activity.profile) {
    if (f.as_of < e.assessment.window.end) e.profile.push_back(f);
  }
  return e;
}

LandscapeEvaluation EvaluateLandscape(const ModelSpec& model, const std::string& name,
                                      const std::vector<const metrics::CommunityActivity*>& activities, int64_t as_of) {
  LandscapeEvaluation l;
  l.name = name;
  l.as_of = FloorDiv(as_of, kSecondsPerDay) * kSecondsPerDay;
  std::vector<MetricSnapshot> now, before;
  for (const auto* a : activities) {
    now.emplace_back(*a, TrailingMonths(l.as_of, 12));
    before.emplace_back(*a, TrailingMonths(YearBefore(l.as_of), 12));
  }
  const PeerValues peers = CollectPeers(model, now);
  const PeerValues previous_peers = CollectPeers(model, before);
  for (const auto* a : activities) l.communities.push_back(Evaluate(model, *a, l.as_of, &peers, &previous_peers));

  const size_t xi = DimensionIndex(model, model.quadrant.x);
  const size_t yi = DimensionIndex(model, model.quadrant.y);
  l.split_x = model.quadrant.split_x;
  l.split_y = model.quadrant.split_y;
  if (model.quadrant.median_split) {
    std::vector<double> xs, ys;
    for (const auto& c : l.communities) {
      if (c.scores[xi].value) xs.push_back(*c.scores[xi].value);
      if (c.scores[yi].value) ys.push_back(*c.scores[yi].value);
    }
    l.split_x = metrics::Median(xs).value_or(l.split_x);
    l.split_y = metrics::Median(ys).value_or(l.split_y);
  }
  for (auto& c : l.communities) {
    QuadrantPlacement p;
    p.x = c.scores[xi].value;
    p.y = c.scores[yi].value;
    p.prev_x = c.previous_scores[xi];
    p.prev_y = c.previous_scores[yi];
    if (p.x && p.y) p.kind = QuadrantOf(*p.x, *p.y, l.split_x, l.split_y);
    c.quadrant = p;
  }
  return l;
}

}  // namespace oscm::model
