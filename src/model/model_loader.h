// Loading and validating a model file (see include/oscm/model_spec.h and docs/model.md).
//
// Validation is complete at load: every indicator names a registered metric and a usable
// normalisation, ids are unique, weights are positive, every factor's indicators exist, the
// stages are trigger, development, crystallization, popularity in that order and each can be
// reached (its criteria are satisfiable together and by the metric's range), and the quadrant's
// axes are dimensions. The first problem is returned as kInvalidArgument "file:line:col: reason";
// the CLI maps it to exit code 3.
#pragma once

#include <string>
#include <string_view>

#include "oscm/model_spec.h"
#include "oscm/status.h"

namespace oscm::model {

Result<ModelSpec> LoadModel(const std::string& path);
// Same, from text; `path` names it in errors.
Result<ModelSpec> ParseModel(std::string_view text, const std::string& path);
// The model compiled into the binary (models/default.toml).
Result<ModelSpec> DefaultModel();

// The stage ids, in order.
inline constexpr std::string_view kStageIds[] = {"trigger", "development", "crystallization", "popularity"};

}  // namespace oscm::model
