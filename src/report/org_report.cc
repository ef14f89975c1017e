#include "report/org_report.h"

#include <fmt/format.h>

#include "report/json_writer.h"
#include "report/terminal_text.h"

namespace oscm::report {
namespace {

// "builtin-map: google.com; shared-domain: smallco.io used by 2 people (3 people)": the rules,
// most people first, at most three, with how many more there are.
std::string DecidedBy(const metrics::OrgRow& r) {
  std::string out;
  for (size_t i = 0; i < r.decided_by.size() && i < 3; ++i) {
    const auto& d = r.decided_by[i];
    out += fmt::format("{}{}{}{}", i == 0 ? "" : "; ", d.rule, d.evidence.empty() ? "" : ": " + d.evidence,
                       r.decided_by.size() > 1 ? fmt::format(" ({})", d.people) : "");
  }
  if (r.decided_by.size() > 3) out += fmt::format("; +{} more", r.decided_by.size() - 3);
  return out;
}

}  // namespace

std::string RenderOrgTable(const std::string& community, const TimeWindow& window,
                           const std::vector<metrics::OrgRow>& rows, size_t width, const char* bold, const char* reset) {
  std::string out = fmt::format("{}{}{}  organisations  (window {} .. {})\n\n", bold, community, reset,
                                FormatDate(window.begin), FormatDate(window.end - kSecondsPerDay));
  const std::vector<TextColumn> columns = {
      {"organisation"}, {"kind"}, {"people", true}, {"commits 12m", true}, {"commits all", true}, {"decided by"}};
  std::vector<std::vector<std::string>> cells;
  for (const auto& r : rows) {
    const std::string name = r.stored.empty() ? r.name : r.stored + " → " + r.name;
    cells.push_back({name, std::string(metrics::AffiliationName(r.affiliation)), std::to_string(r.people),
                     std::to_string(r.commits_window), std::to_string(r.commits_all), DecidedBy(r)});
  }
  out += RenderTextTable(columns, cells, width, bold, reset);
  out += "\nCommercial metrics count companies only. Correct a mapping on the next ingest with --domain-orgs FILE\n"
         "(\"domain Organisation\" lines) or --affiliations FILE (gitdm developers_affiliations).\n";
  return out;
}

std::string RenderOrgJson(const std::string& community, const TimeWindow& window,
                          const std::vector<metrics::OrgRow>& rows) {
  JsonWriter w;
  w.BeginObject();
  w.Key("community");
  w.String(community);
  w.Key("organisations");
  w.BeginArray();
  for (const auto& r : rows) {
    w.BeginObject();
    w.Key("commits_all");
    w.Int(r.commits_all);
    w.Key("commits_window");
    w.Int(r.commits_window);
    w.Key("decided_by");
    w.BeginArray();
    for (const auto& d : r.decided_by) {
      w.BeginObject();
      w.Key("evidence");
      w.String(d.evidence);
      w.Key("people");
      w.Int(d.people);
      w.Key("rule");
      w.String(d.rule);
      w.EndObject();
    }
    w.EndArray();
    w.Key("kind");
    w.String(metrics::AffiliationName(r.affiliation));
    w.Key("name");
    w.String(r.name);
    w.Key("people");
    w.Int(r.people);
    w.Key("stored");
    if (r.stored.empty()) w.Null(); else w.String(r.stored);
    w.EndObject();
  }
  w.EndArray();
  w.Key("window");
  w.BeginObject();
  w.Key("begin");
  w.String(FormatDate(window.begin));
  w.Key("end");
  w.String(FormatDate(window.end - kSecondsPerDay));
  w.EndObject();
  w.EndObject();
  return w.str() + "\n";
}

}  // namespace oscm::report
