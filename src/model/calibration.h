// Calibration: how well a model's verdicts agree with foundations' (model/verdicts.h), and
// thresholds fitted to them.
//
// Each verdict row is evaluated at its date (and, for foundations whose decision ends a trial,
// such as the Apache Incubator's, twelve months before it too): the stage with its hysteresis,
// the dimension scores, every registered metric and every criterion. Agreement is measured per
// foundation and per evaluation date with
//   - Spearman's rank correlation of a predictor with the verdicts' ranks, and
//   - the AUC (the probability that a row of the higher verdict reads higher than one of the
//     lower, ties counting half) for every pair of verdicts,
// for the stage, each score and every single metric, so that a model author sees whether the
// model beats its own inputs. Intervals are 95% percentile bootstraps that resample repositories
// (a repository's rows are not independent), with a fixed seed: the same input gives the same
// report.
//
// Fitting proposes, per stage criterion, the threshold that best separates the rows whose verdict
// should reach the stage from those whose verdict should not (Youden's J on the rows given to it);
// StageTargets says which verdict should reach which stage. FitModel never touches a model file:
// RewriteCriteria writes the proposal as a new one.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "metrics/activity.h"
#include "model/verdicts.h"
#include "oscm/model_spec.h"

namespace oscm::model {

// One verdict row evaluated at one date.
struct CalibrationSample {
  size_t row = 0;          // index into the verdict rows
  int64_t date = 0;        // the evaluation date
  int months_before = 0;   // 0: the verdict's date; 12: a year before it
  bool has_history = false;
  int stage = 0;  // the headline stage (with hysteresis)
  int transitions = 0;      // stage changes in the timeline up to `date`
  int timeline_months = 0;  // months of that timeline
  std::vector<std::optional<double>> scores;   // per model dimension: the estimate, whatever its coverage
  std::vector<std::optional<double>> metrics;  // per registered metric, in metrics::Registry() order
  std::vector<std::vector<bool>> passes;       // per stage, per criterion
};

CalibrationSample EvaluateSample(const ModelSpec& model, const metrics::CommunityActivity& activity, size_t row,
                                 int64_t date, int months_before);

// A statistic with its 95% bootstrap interval; nullopt values when it cannot be computed (fewer
// than two rows on a side, or no variation).
struct Estimate {
  std::optional<double> value, low, high;
  int n = 0;  // rows that entered it
};

// The AUC of `scores` separating `positive` rows (true) from the others: ties count half.
std::optional<double> Auc(const std::vector<double>& scores, const std::vector<bool>& positive);

// A predictor's agreement with one foundation's verdicts at one evaluation date.
struct PredictorAgreement {
  std::string id;    // "stage", "popularity", "commits", ...
  std::string kind;  // "stage", "score" or "metric"
  Estimate spearman;             // with the rank
  std::vector<Estimate> pairs;   // AUC per FoundationReport::pairs
};

struct CriterionRate {
  std::string stage;
  std::string criterion;
  std::vector<std::optional<double>> pass_rate;  // per verdict (FoundationReport::verdicts)
};

struct FoundationReport {
  std::string foundation;
  int months_before = 0;
  int rows = 0;          // rows evaluated with history
  int repositories = 0;
  int no_history = 0;    // rows left out: no commit before their date
  // Stage changes per community-year, over each repository's longest timeline: how often the
  // headline moves (a metric wavering at a threshold makes it flip).
  std::optional<double> changes_per_year;
  std::vector<std::string> verdicts;               // by rank
  std::vector<int> ranks;                          // per verdict
  std::vector<std::pair<size_t, size_t>> pairs;    // (lower, higher) indexes into verdicts
  std::vector<PredictorAgreement> predictors;      // the stage, the scores, then every metric
  std::vector<std::vector<int>> stage_by_verdict;  // [stage][verdict] counts
  std::vector<CriterionRate> criteria;
};

struct CalibrationOptions {
  int resamples = 1000;
  uint64_t seed = 20261204;
};

// `samples` of `rows` evaluated under `model`; one report per foundation and months_before.
std::vector<FoundationReport> Calibrate(const ModelSpec& model, const std::vector<VerdictRow>& rows,
                                        const std::vector<CalibrationSample>& samples, const CalibrationOptions& options);

// The stage a verdict should reach (CNCF: archived trigger, sandbox development, incubating
// crystallization, graduated popularity; Apache Incubator: retired trigger, graduated
// crystallization at the decision and development a year before it), or nullopt for a verdict
// no target is known for. The mapping is a judgement, documented in docs/validation.md.
std::optional<int> StageTarget(const ModelSpec& model, const VerdictRow& row, int months_before);

// A criterion's fitted threshold and the figures behind it.
struct FittedCriterion {
  size_t stage = 0;
  size_t criterion = 0;
  std::string before;  // the criterion text as it was
  std::string after;   // with the fitted threshold
  int line = 0;        // of the criterion in the model file
  double youden_j = 0;
  double auc = 0;       // of the criterion's metric on the fitting rows
  int positives = 0, negatives = 0;
};

// Thresholds fitted on `samples` (only those whose index is in `use`); a criterion with
// alternatives has its first condition fitted.
std::vector<FittedCriterion> FitThresholds(const ModelSpec& model, const std::vector<VerdictRow>& rows,
                                           const std::vector<CalibrationSample>& samples, const std::vector<size_t>& use);
// `model` with the fitted thresholds.
ModelSpec ApplyFit(const ModelSpec& model, const std::vector<FittedCriterion>& fit);

// The model file `text` with the fitted criteria replaced on their lines and, above each, a
// comment with `notes[i]` (the figures behind it).
std::string RewriteCriteria(const std::string& text, const std::vector<FittedCriterion>& fit,
                            const std::vector<std::string>& notes);

// Deterministic folds: each repository's rows in one fold of `k`.
std::vector<int> FoldsByRepository(const std::vector<VerdictRow>& rows, int k);
// The held-back 30% of repositories (`--subset test`), by a stable hash of the name, so that a
// model fitted on the rest is reported on rows it never saw.
bool HeldBack(std::string_view repository);

}  // namespace oscm::model
