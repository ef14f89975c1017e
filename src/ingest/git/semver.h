// Release versions from tag names.
//
// Accepts the shapes real projects use: "v1.2.3", "1.2", "release-1.2.3", "tidb-server/v1.2.0"
// (the part after the last '/'), "project-1.2.3", "v2.0.0-rc.1", "1.0.0beta2", "v1.2.3+build".
// A version is a pre-release when it has a pre-release label (-rc.1, beta2, alpha, pre, dev,
// snapshot, nightly, preview, m1). Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "oscm/records.h"

namespace oscm::ingest {

std::optional<SemVer> ParseVersionTag(std::string_view tag);

}  // namespace oscm::ingest
