// Evaluation: everything the model says about one community at one date (scores, stage with its
// timeline and gaps, vitality, flywheel, talent rings, funnel, internationalisation, beside the
// metrics themselves), and for a landscape, the communities evaluated against each other with
// their places in the quadrant.
//
// Pure functions of the activity, the model and the date: the same store, model and as_of give
// the same evaluation.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "metrics/activity.h"
#include "metrics/assessment.h"
#include "model/flywheel.h"
#include "model/funnel.h"
#include "model/internationalisation.h"
#include "model/rings.h"
#include "model/scores.h"
#include "model/stages.h"
#include "model/vitality.h"
#include "oscm/model_spec.h"

namespace oscm::model {

struct QuadrantPlacement {
  std::optional<double> x, y;            // the x and y dimensions' scores
  double x_low = 0, x_high = 100;        // their ranges given the missing evidence
  double y_low = 0, y_high = 100;
  std::optional<double> prev_x, prev_y;  // 12 months earlier
  std::optional<QuadrantKind> kind;      // nullopt when x or y is unavailable
  // Every quadrant the ranges reach (the placed one first); one entry when the place is certain.
  std::vector<QuadrantKind> possible;
  // When not placed: per unavailable axis, what evidence would place it.
  std::vector<std::string> needs;
};

struct CommunityEvaluation {
  metrics::Assessment assessment;
  // The date of the community's first evidence (commit or GitHub event); 0 when it has none.
  // Before it there is no history: no stage, vitality or scores are given (see HasHistory).
  int64_t first_evidence = 0;
  bool HasHistory() const { return first_evidence != 0 && first_evidence < assessment.window.end; }
  std::vector<DimensionScore> scores;                 // per model dimension
  std::vector<std::optional<double>> previous_scores;  // per dimension, 12 months before as_of
  StageResult stage;
  StageTimeline timeline;
  ScoreTimeline score_timeline;  // the scores at every month end of the timeline
  Vitality vitality;
  Flywheel flywheel;
  TalentRings rings;
  Funnel funnel;
  Internationalisation i18n;
  std::vector<metrics::ProfileFactRow> profile;  // facts known by the evaluation date (as_of)
  // What the user should know before trusting the numbers: a declared vendor that matches no
  // organisation, ...
  std::vector<std::string> warnings;
  std::optional<QuadrantPlacement> quadrant;    // set by EvaluateLandscape
};

// `peers` and `previous_peers` (the landscape's values at as_of and 12 months before) serve
// percentile indicators; null when the community is evaluated alone.
CommunityEvaluation Evaluate(const ModelSpec& model, const metrics::CommunityActivity& activity, int64_t as_of,
                             const PeerValues* peers = nullptr, const PeerValues* previous_peers = nullptr);

struct LandscapeEvaluation {
  std::string name;
  int64_t as_of = 0;
  double split_x = 0, split_y = 0;  // where the quadrant was split (fixed, or the medians)
  std::vector<CommunityEvaluation> communities;  // in the landscape's order
};

LandscapeEvaluation EvaluateLandscape(const ModelSpec& model, const std::string& name,
                                      const std::vector<const metrics::CommunityActivity*>& activities, int64_t as_of);

QuadrantKind QuadrantOf(double x, double y, double split_x, double split_y);

// A source of evidence (MetricDef::source), with how to get it and its short names for captions.
struct EvidenceSource {
  std::string_view id;  // "git", "gharchive", "profile", "packages"
  std::string_view how;
  std::string_view short_en;
  std::string_view short_zh;
};
// Every source a metric can come from, in the order EvidenceNeeded lists them.
std::span<const EvidenceSource> EvidenceSources();
// What evidence would make an unavailable dimension available: its missing indicators grouped by
// the source that measures them ("profile (oscm ingest profile FILE): vendor_share, ...").
std::vector<std::string> EvidenceNeeded(const DimensionScore& d);
std::string_view QuadrantId(QuadrantKind k);  // "leaders", "challengers", "strategists", "niche_players"

}  // namespace oscm::model
