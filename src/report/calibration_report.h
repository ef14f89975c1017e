// The calibration of a model against foundations' verdicts (model/calibration.h) as a terminal
// table or JSON: per foundation, the stage × verdict table, the agreement of the stage, the scores
// and the best single metrics with the verdicts (with 95% intervals), and each criterion's pass
// rate per verdict.
#pragma once

#include <string>
#include <vector>

#include "model/calibration.h"
#include "oscm/model_spec.h"

namespace oscm::report {

struct CalibrationInput {
  const model::ModelSpec* model = nullptr;
  std::string verdicts_path;
  std::vector<model::FoundationReport> reports;
  // With --fit: the same reports from out-of-fold stages (each row's stage under thresholds
  // fitted without its repository), and the fitted criteria.
  std::vector<model::FoundationReport> held_out;
  std::vector<model::FittedCriterion> fitted;
  int folds = 0;
  std::vector<std::string> left_out;  // "owner/name: why", for rows not used
};

std::string RenderCalibrationTable(const CalibrationInput& in, size_t width);
std::string RenderCalibrationJson(const CalibrationInput& in);

}  // namespace oscm::report
