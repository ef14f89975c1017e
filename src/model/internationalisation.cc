#include "model/internationalisation.h"

#include <set>

#include "metrics/timezone_metrics.h"

namespace oscm::model {

Internationalisation EvaluateInternationalisation(const metrics::CommunityActivity& a, const TimeWindow& w) {
  Internationalisation r;
  const auto commits = a.CommitsIn(w);
  if (!commits.empty()) {
    std::array<double, 3> shares = {0, 0, 0};
    for (const auto& c : commits) shares[static_cast<size_t>(metrics::RegionOfOffset(c.offset_minutes))] += 1;
    for (double& s : shares) s /= static_cast<double>(commits.size());
    r.region_shares = shares;
    r.tz_entropy = metrics::TzEntropy(a, w);
  }
  std::array<double, 3> titles = {0, 0, 0};
  for (const auto& e : a.GhEventsIn(w)) {
    switch (e.title_language) {
      case metrics::TextLanguage::kChinese: titles[0] += 1; break;
      case metrics::TextLanguage::kEnglish: titles[1] += 1; break;
      case metrics::TextLanguage::kOther: titles[2] += 1; break;
      case metrics::TextLanguage::kNone: continue;
    }
    ++r.titles;
  }
  if (r.titles > 0) {
    for (double& t : titles) t /= static_cast<double>(r.titles);
    r.title_shares = titles;
  }
  std::set<std::string> languages;
  for (const auto& f : a.files) {
    if (!f.language.empty() && f.first_seen < w.end) languages.insert(f.language);
  }
  r.doc_languages.assign(languages.begin(), languages.end());
  return r;
}

}  // namespace oscm::model
