#include "model/evaluation.h"

#include <algorithm>

#include <fmt/format.h>

#include "metrics/gharchive_metrics.h"
#include "metrics/profile_metrics.h"
#include "metrics/registry.h"

namespace oscm::model {
namespace {

int64_t YearBefore(int64_t as_of) { return TrailingMonths(as_of, 12).begin - kSecondsPerDay; }


size_t DimensionIndex(const ModelSpec& model, const std::string& id) {
  for (size_t i = 0; i < model.dimensions.size(); ++i) {
    if (model.dimensions[i].id == id) return i;
  }
  return 0;  // the loader guarantees the quadrant's axes are dimensions
}

QuadrantPlacement Place(const CommunityEvaluation& c, size_t xi, size_t yi, double split_x, double split_y) {
  QuadrantPlacement p;
  const DimensionScore& x = c.scores[xi];
  const DimensionScore& y = c.scores[yi];
  p.x_low = x.low;
  p.x_high = x.high;
  p.y_low = y.low;
  p.y_high = y.high;
  p.prev_x = c.previous_scores[xi];
  p.prev_y = c.previous_scores[yi];
  if (!c.HasHistory()) {
    p.needs.push_back("history: the evaluation date is before the community's first commit or event");
    return p;
  }
  p.x = x.value;
  p.y = y.value;
  if (!p.x || !p.y) {
    for (const DimensionScore* d : {&y, &x}) {
      if (d->value) continue;
      for (auto& need : EvidenceNeeded(*d)) p.needs.push_back(fmt::format("{}: {}", d->spec->id, need));
    }
    return p;
  }
  p.kind = QuadrantOf(*p.x, *p.y, split_x, split_y);
  p.possible.push_back(*p.kind);
  for (double px : {p.x_low, p.x_high}) {
    for (double py : {p.y_low, p.y_high}) {
      const QuadrantKind k = QuadrantOf(px, py, split_x, split_y);
      if (std::find(p.possible.begin(), p.possible.end(), k) == p.possible.end()) p.possible.push_back(k);
    }
  }
  return p;
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

std::span<const EvidenceSource> EvidenceSources() {
  static constexpr EvidenceSource kSources[] = {
      {"git", "git history (oscm ingest git)", "git", "git 历史"},
      {"gharchive", "GitHub events covering the window (oscm ingest gharchive HOURS, or oscm ingest github)",
       "GitHub events", "GitHub 事件"},
      {"profile", "a community profile (oscm ingest profile FILE.toml)", "a profile", "社区档案"},
      {"packages", "package registry figures (oscm ingest packages COMMUNITY)", "package registries", "软件包仓库数据"},
  };
  return kSources;
}

std::vector<std::string> EvidenceNeeded(const DimensionScore& d) {
  std::vector<std::string> out;
  for (const EvidenceSource& src : EvidenceSources()) {
    std::vector<std::string> ids;
    for (const auto& f : d.factors) {
      for (const auto& is : f.indicators) {
        const metrics::MetricDef* def = metrics::FindMetric(is.spec->metric);
        if (!is.raw && def != nullptr && def->source == src.id &&
            std::find(ids.begin(), ids.end(), is.spec->id) == ids.end()) {
          ids.push_back(is.spec->id);
        }
      }
    }
    if (ids.empty()) continue;
    std::string line = fmt::format("{}: ", src.how);
    for (size_t i = 0; i < ids.size(); ++i) line += (i == 0 ? "" : ", ") + ids[i];
    out.push_back(std::move(line));
  }
  return out;
}

CommunityEvaluation Evaluate(const ModelSpec& model, const metrics::CommunityActivity& activity, int64_t as_of,
                             const PeerValues* peers, const PeerValues* previous_peers) {
  CommunityEvaluation e;
  e.assessment = metrics::Assess(activity, as_of);
  e.first_evidence = activity.first_commit;
  if (!activity.gh_events.empty() && (e.first_evidence == 0 || activity.gh_events.front().time < e.first_evidence)) {
    e.first_evidence = activity.gh_events.front().time;
  }
  as_of = e.assessment.as_of;
  MetricSnapshot now(activity, e.assessment.window);
  e.scores = ScoreDimensions(model, now, peers);
  e.stage = EvaluateStage(model, now);
  MetricSnapshot before(activity, TrailingMonths(YearBefore(as_of), 12));
  // A year before the first evidence there was nothing to score.
  const bool history_then = e.first_evidence != 0 && e.first_evidence <= YearBefore(as_of);
  for (const auto& d : ScoreDimensions(model, before, previous_peers)) {
    e.previous_scores.push_back(history_then ? d.value : std::nullopt);
  }
  e.timeline = EvaluateTimeline(model, activity, as_of, &e.score_timeline);
  // The headline is the timeline's stage: held above what today's criteria give while they have
  // failed for less than timeline.leave_months.
  if (!e.timeline.stages.empty() && e.timeline.stages.back() > e.stage.stage) {
    e.stage.raw_stage = e.stage.stage;
    e.stage.failing_since = e.timeline.failing_since;
    SetStage(&e.stage, e.timeline.stages.back());
  }
  e.vitality = EvaluateVitality(model, activity, as_of, activity.archived);
  e.flywheel = EvaluateFlywheel(model, activity, as_of);
  e.rings = EvaluateRings(model, activity, e.assessment.window);
  e.funnel = EvaluateFunnel(model, activity, as_of);
  e.i18n = EvaluateInternationalisation(activity, e.assessment.window);
  for (const auto& f : activity.profile) {
    if (f.as_of < e.assessment.window.end) e.profile.push_back(f);
  }
  for (const auto& m : metrics::MatchVendors(activity)) {
    if (!m.orgs.empty()) continue;
    std::string closest;
    for (const auto& c : m.closest) closest += (closest.empty() ? "" : ", ") + c;
    e.warnings.push_back(fmt::format(
        "the profile's vendor organisation '{}' matches no organisation of the commits{}; vendor_share is "
        "unavailable (name the organisations as `oscm orgs {}` lists them)",
        m.declared, closest.empty() ? "" : " (closest: " + closest + ")", activity.name));
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
  for (auto& c : l.communities) c.quadrant = Place(c, xi, yi, l.split_x, l.split_y);
  return l;
}

}  // namespace oscm::model
