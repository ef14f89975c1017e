#include "cli/evaluated.h"

namespace oscm::cli {

std::vector<const model::CommunityEvaluation*> Evaluated::All() const {
  std::vector<const model::CommunityEvaluation*> all;
  for (const auto& e : landscape ? landscape->communities : communities) all.push_back(&e);
  return all;
}

Result<Evaluated> EvaluateForOutput(const GlobalOptions& g, const LandscapeOptions& landscape, const AssessOptions& o,
                                    const IngestGitOptions& ingest_opts, const GitHubOptions& gh,
                                    const IdentityOptions& io, const model::ModelSpec& model,
                                    std::optional<int64_t> as_of) {
  Evaluated out;
  if (!landscape.file.empty()) {
    OSCM_ASSIGN_OR_RETURN(out.landscape, EvaluateLandscapeFile(g, landscape, ingest_opts, io, model, as_of));
    out.title = out.landscape->name;
    return out;
  }
  OSCM_ASSIGN_OR_RETURN(out.communities, EvaluateTargets(g, o, ingest_opts, gh, io, model, as_of));
  for (const auto& e : out.communities) out.title += (out.title.empty() ? "" : ", ") + e.assessment.community;
  return out;
}

}  // namespace oscm::cli
