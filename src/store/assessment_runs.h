// The assessment history: what every assessment (assess, landscape, report, chart) said of a
// community, so that `oscm history` can show how its stage and scores moved.
//
// One row per distinct outcome: an assessment that says what the latest row for the same
// community, date, model and landscape already says adds nothing; one that differs (new evidence
// ingested since, or a new model version) is added, with when it ran.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oscm/status.h"
#include "store/store.h"

namespace oscm::store {

struct RunScore {
  std::string dimension;         // the model's dimension id ("popularity", "commercial")
  std::optional<double> value;   // nullopt: unavailable
  double low = 0, high = 100;    // the range the missing evidence allows
  double coverage = 0;           // 0..1
  bool operator==(const RunScore&) const = default;
};

struct AssessmentRun {
  std::string community;
  int64_t as_of = 0;             // the evaluation date
  std::string model, model_version;
  std::string landscape;         // '' when assessed alone
  int64_t recorded_at = 0;       // when it ran
  std::optional<std::string> stage;     // nullopt: no history at as_of
  std::optional<std::string> quadrant;  // nullopt: not placed
  // Every quadrant the scores' ranges reach (placed one first); more than one: uncertain.
  std::vector<std::string> quadrant_possible;
  std::vector<RunScore> scores;         // in the model's dimension order

  // The score of `dimension`; null when the run has none.
  const RunScore* Score(std::string_view dimension) const;
};

// Adds `run` unless the latest run of the same community, as_of, model, version and landscape
// says the same (stage, quadrant and scores). Returns whether a row was added. kNotFound when the
// community is not in the store. Runs in its own transaction.
Result<bool> RecordAssessmentRun(Store& store, const AssessmentRun& run);

// The community's runs, by as_of and then by when they ran. kNotFound when it is not in the store.
Result<std::vector<AssessmentRun>> AssessmentRuns(Store& store, const std::string& community);

}  // namespace oscm::store
