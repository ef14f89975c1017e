// The "tiny community" used by ingest, metrics, golden and CLI tests: ten commits by five
// people from four organisations in three regions, a bot, a co-author, a .mailmap alias, a merge,
// four tags (one a second module's tag of a release) and a pull-request ref that must be ignored. Expected metric values for
// --as-of 2025-06-30 are worked out by hand in tests/unit/metrics/git_metrics_test.cc.
#pragma once

#include <string>

#include "support/git_fixture.h"

namespace oscm::testing {

// Builds the repository at `path`.
void BuildTinyCommunity(GitFixture& repo);

}  // namespace oscm::testing
