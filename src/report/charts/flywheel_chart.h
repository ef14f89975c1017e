// The B-C-P flywheel: enterprise users (B), talent (C) and product (P) as three nodes, and the
// measured lead/lag between them as arrows. An arrow X→Y means "X's monthly growth leads Y's by
// lag months"; its width grows with |ρ| (the lagged rank correlation) and its label says both,
// e.g. "C→P +2 mo, ρ=0.61". A link the model could not measure (too little data) is drawn
// dashed and grey. The chart states association, not cause.
//
// Wiring: one FlywheelLink per directed pair the model evaluated (usually the strongest lag per
// pair); FlywheelNodeValue carries each series' growth over the window. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/charts/chart_language.h"

namespace oscm::report {

enum class FlywheelNode { kB, kC, kP };

struct FlywheelLink {
  FlywheelNode from = FlywheelNode::kB;
  FlywheelNode to = FlywheelNode::kC;
  // Both set (and ρ finite) when measured; otherwise the link is dashed and grey, labelled "n/a".
  std::optional<int> lag_months;  // 0..6: how many months `from` leads `to`
  std::optional<double> rho;      // Spearman correlation at that lag, -1..1
};

struct FlywheelChartInput {
  std::string title;                // e.g. "TiDB flywheel"
  std::string caption;              // e.g. "as of 2026-09-01 · monthly series since 2019-01"
  std::optional<double> growth[3];  // B, C, P: growth over the window as a fraction (0.35 = +35%)
  std::optional<double> momentum;   // the model's momentum figure, shown under the title
  std::vector<FlywheelLink> links;
  ChartLanguage language = ChartLanguage::kEnglish;
  double width = 760;
  double height = 640;
};

// "C→P +2 mo, ρ=0.61" (zh: "C→P 领先 2 个月, ρ=0.61"), or "C→P n/a".
std::string FlywheelLinkLabel(const FlywheelLink& link, ChartLanguage lang);

std::string RenderFlywheelSvg(const FlywheelChartInput& input);

}  // namespace oscm::report
