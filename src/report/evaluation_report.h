// Renderers for the model's evaluation of one community and of a landscape: JSON (the
// assessment's members plus the model's, keys sorted; documented in docs/json.md) and a terminal
// report in English or Chinese.
//
// Pure functions; the same evaluation renders byte-identically.
#pragma once

#include <cstddef>
#include <string>

#include "model/evaluation.h"
#include "oscm/model_spec.h"

namespace oscm::report {

enum class Lang { kEn, kZh };

// "active", "declining", ... (活跃, 衰退, ...).
std::string VitalityWord(model::VitalityState s, Lang lang);

std::string RenderEvaluationJson(const model::CommunityEvaluation& e, const model::ModelSpec& m);
std::string RenderEvaluationTable(const model::CommunityEvaluation& e, const model::ModelSpec& m, Lang lang, bool color);

std::string RenderLandscapeJson(const model::LandscapeEvaluation& l, const model::ModelSpec& m);
// `width`: the terminal's columns (0: no limit); columns that do not fit are left out or cut.
std::string RenderLandscapeTable(const model::LandscapeEvaluation& l, const model::ModelSpec& m, Lang lang, bool color,
                                 size_t width = 0);

}  // namespace oscm::report
