// What the output commands (report, chart) draw from: a landscape's evaluation, or the named
// communities' evaluations, ingesting what is missing first (see EvaluateLandscapeFile and
// EvaluateTargets in commands.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "model/evaluation.h"

namespace oscm::cli {

struct Evaluated {
  std::optional<model::LandscapeEvaluation> landscape;  // set when a landscape file was given
  std::vector<model::CommunityEvaluation> communities;   // otherwise, one per named community
  std::string title;  // the landscape's name, or the communities' names joined by ", "

  // Every community's evaluation, in order.
  std::vector<const model::CommunityEvaluation*> All() const;
};

// `landscape.file` empty: the communities named in o.targets.
Result<Evaluated> EvaluateForOutput(const GlobalOptions& g, const LandscapeOptions& landscape, const AssessOptions& o,
                                    const IngestGitOptions& ingest_opts, const GitHubOptions& gh,
                                    const IdentityOptions& io, const model::ModelSpec& model,
                                    std::optional<int64_t> as_of);

}  // namespace oscm::cli
