// Foundation verdicts: dated decisions foundations made about their projects (CNCF levels,
// Apache Incubator outcomes), the calibration set `oscm model calibrate` checks a model against.
//
// The file is CSV with a header naming at least the columns repository, foundation, date,
// verdict and rank (see ../shared/calibration/README.md): repository is "owner/name", date is
// YYYY-MM-DD, rank an integer ordering the verdicts within their foundation. Fields may be quoted
// ("a, b" and "" for a quote). Errors name the file and line. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "oscm/status.h"

namespace oscm::model {

struct VerdictRow {
  std::string repository;  // "owner/name"
  std::string foundation;  // "cncf", "apache-incubator", ...
  int64_t date = 0;        // UTC midnight
  std::string verdict;     // "sandbox", "graduated", "retired", ...
  int rank = 0;            // order of the verdict within its foundation
  std::string meaning;     // what the row records (optional column)
  int line = 0;            // 1-based line in the file
};

Result<std::vector<VerdictRow>> ParseVerdicts(std::string_view text, const std::string& path);
Result<std::vector<VerdictRow>> LoadVerdicts(const std::string& path);

}  // namespace oscm::model
