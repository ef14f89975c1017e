// Metrics of a community's users and influence (see usage.h for the facts): package downloads
// and dependents from the registries, and OpenRank from GH Archive. Each is unavailable (nullopt)
// when its source has nothing for the window, never zero: a community that publishes no package,
// or whose packages' registries keep no figure, has no `downloads`.
#pragma once

#include <optional>

#include "base/time.h"
#include "metrics/activity.h"

namespace oscm::metrics {

// Downloads per month of all the community's packages: for each package, its mean daily
// downloads over the days of the window its registry covers (npm: all, PyPI: the last 180 days,
// crates.io: the last 90; Docker Hub: the pulls between the first and last pull counts fetched
// in the window, a day or more apart), summed, times 30.4375 days.
std::optional<double> Downloads(const CommunityActivity& a, const TimeWindow& w);
// Packages that depend on the community's packages (deps.dev; crates.io for Rust), as last
// fetched before the window's end, summed over its packages.
std::optional<double> Dependents(const CommunityActivity& a, const TimeWindow& w);
// Repositories that depend on them (ecosyste.ms), likewise.
std::optional<double> DependentRepos(const CommunityActivity& a, const TimeWindow& w);
// Mean monthly OpenRank of the community's GitHub repositories over the window's months that
// have a computed OpenRank (the months starting inside the window).
std::optional<double> OpenRank(const CommunityActivity& a, const TimeWindow& w);

}  // namespace oscm::metrics
