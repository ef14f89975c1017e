// Renderers for the model's evaluation of one community and of a landscape: JSON (the
// assessment's members plus the model's, keys sorted; documented in docs/json.md) and a terminal
// report in English or Chinese.
//
// Pure functions; the same evaluation renders byte-identically.
#pragma once

#include <string>

#include "model/evaluation.h"
#include "oscm/model_spec.h"

namespace oscm::report {

enum class Lang { kEn, kZh };

std::string RenderEvaluationJson(const model::CommunityEvaluation& e, const model::ModelSpec& m);
std::string RenderEvaluationTable(const model::CommunityEvaluation& e, const model::ModelSpec& m, Lang lang, bool color);

std::string RenderLandscapeJson(const model::LandscapeEvaluation& l, const model::ModelSpec& m);
std::string RenderLandscapeTable(const model::LandscapeEvaluation& l, const model::ModelSpec& m, Lang lang, bool color);

}  // namespace oscm::report
