// Talent rings: the people around a community as concentric rings, innermost first: core
// (people making 50% of contributions in the window), regular (the next 30%), casual
// contributors, users (issue and comment authors who contribute no code) and audience (stars,
// forks). The core ring is split by organisation share.
//
// Scale: ring *widths* grow with log10(1 + people), with a minimum width so that a ring of a few
// people stays visible. Counts span four or more orders of magnitude (a dozen core people, tens of
// thousands of stargazers); with area proportional to people the core would be a dot. The exact
// counts are printed beside every ring, and the caption says the scale is logarithmic.
//
// Wiring: the model's rings output (counts per ring, core organisation mix). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report/charts/chart_language.h"

namespace oscm::report {

struct OrganisationShare {
  std::string name;  // organisation, from data ("independent" and "unknown" are names too)
  double share = 0;  // of the core's contributions, 0..1
};

struct TalentRingsInput {
  std::string title;
  std::string caption;  // e.g. "12 months to 2026-09-01"
  // People per ring, innermost first: core, regular, casual, users, audience; nullopt for a ring
  // nothing measured (users and audience need GitHub events), drawn as a dashed outline, never 0.
  std::optional<int64_t> people[5] = {0, 0, 0, 0, 0};
  // The core's organisation mix, largest first; the first seven are drawn, and what they leave of
  // 1 is an "other" slice.
  std::vector<OrganisationShare> core_organisations;
  ChartLanguage language = ChartLanguage::kEnglish;
  double width = 900;
  double height = 600;
};

// Ring 0..4: core, regular, casual, users, audience.
std::string_view RingName(int ring, ChartLanguage lang);

std::string RenderTalentRingsSvg(const TalentRingsInput& input);

}  // namespace oscm::report
