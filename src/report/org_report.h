// The organisations of a community (metrics/organisations.h) as a terminal table or JSON: each
// organisation with its kind, people, commits and the rules that decided it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/time.h"
#include "metrics/organisations.h"

namespace oscm::report {

std::string RenderOrgTable(const std::string& community, const TimeWindow& window,
                           const std::vector<metrics::OrgRow>& rows, size_t width, const char* bold = "",
                           const char* reset = "");
std::string RenderOrgJson(const std::string& community, const TimeWindow& window,
                          const std::vector<metrics::OrgRow>& rows);

}  // namespace oscm::report
