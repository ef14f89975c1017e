#include "metrics/organisations.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace oscm::metrics {

std::string_view AffiliationName(Affiliation a) {
  switch (a) {
    case Affiliation::kCompany: return "company";
    case Affiliation::kFoundation: return "foundation";
    case Affiliation::kAcademic: return "academic";
    case Affiliation::kIndependent: return "independent";
    case Affiliation::kUnknown: return "unknown";
  }
  return "unknown";
}

std::vector<OrgRow> OrganisationRows(const CommunityActivity& a, const TimeWindow& window) {
  // A row per counted name, except that a personal domain keeps a row of its own: it is the
  // mapping a user most often wants to see and correct.
  auto row_key = [&](int32_t link) -> std::pair<std::string, std::string> {
    if (link < 0) return {"unknown", ""};
    const OrgLinkFact& l = a.org_links[static_cast<size_t>(link)];
    return {l.name, l.rule == "personal-domain" ? l.stored : ""};
  };
  struct Acc {
    OrgRow row;
    std::set<int32_t> people;
    std::map<std::pair<std::string, std::string>, std::set<int32_t>> rules;  // (rule, evidence) -> people
  };
  std::map<std::pair<std::string, std::string>, Acc> rows;
  for (const auto& c : a.contributions) {
    auto& acc = rows[row_key(c.link)];
    acc.people.insert(c.person);
    if (c.link >= 0) {
      const OrgLinkFact& l = a.org_links[static_cast<size_t>(c.link)];
      acc.row.affiliation = l.affiliation;
      acc.rules[{l.rule, l.evidence}].insert(c.person);
    }
  }
  for (const auto& c : a.commits) {
    auto& acc = rows[row_key(c.link)];
    ++acc.row.commits_all;
    if (window.Contains(c.time)) ++acc.row.commits_window;
    if (c.link >= 0) acc.row.affiliation = a.org_links[static_cast<size_t>(c.link)].affiliation;
  }
  std::vector<OrgRow> out;
  for (auto& [key, acc] : rows) {
    OrgRow r = std::move(acc.row);
    r.name = key.first;
    r.stored = key.second;
    r.people = static_cast<int64_t>(acc.people.size());
    for (const auto& [rule, people] : acc.rules) {
      r.decided_by.push_back(OrgDecidedBy{rule.first, rule.second, static_cast<int64_t>(people.size())});
    }
    std::stable_sort(r.decided_by.begin(), r.decided_by.end(),
                     [](const OrgDecidedBy& x, const OrgDecidedBy& y) { return x.people > y.people; });
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const OrgRow& x, const OrgRow& y) {
    if (x.commits_window != y.commits_window) return x.commits_window > y.commits_window;
    return x.commits_all > y.commits_all;
  });
  return out;
}

}  // namespace oscm::metrics
