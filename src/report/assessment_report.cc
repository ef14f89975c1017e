#include "report/assessment_report.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "metrics/gharchive_metrics.h"
#include "report/json_writer.h"

namespace oscm::report {
namespace {

bool IsIntegral(const metrics::MetricDef& def) {
  return def.unit == "count" || def.unit == "months" || def.unit == "level" || def.unit == "flag";
}

std::string Sparkline(const std::vector<std::optional<double>>& series, size_t last) {
  static const char* kBars[] = {"\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588"};
  const size_t start = series.size() > last ? series.size() - last : 0;
  double hi = 0;
  for (size_t i = start; i < series.size(); ++i) hi = std::max(hi, series[i].value_or(0));
  std::string out;
  for (size_t i = start; i < series.size(); ++i) {
    if (!series[i]) {
      out += ' ';
      continue;
    }
    const int level = hi <= 0 ? 0 : static_cast<int>(std::lround(7.0 * *series[i] / hi));
    out += kBars[std::clamp(level, 0, 7)];
  }
  return out;
}

}  // namespace

void WriteValue(JsonWriter& w, const metrics::MetricDef& def, const std::optional<double>& v) {
  if (!v) return w.Null();
  if (IsIntegral(def)) return w.Int(static_cast<int64_t>(std::llround(*v)));
  w.Number(*v, 4);
}

std::string FormatMetricValue(const metrics::MetricDef& def, double value) {
  if (IsIntegral(def)) return fmt::format("{}", std::llround(value));
  std::string s = fmt::format("{:.4f}", value);
  if (s == "-0.0000") s = "0.0000";
  return s;
}

void AddAssessmentMembers(const metrics::Assessment& a, JsonMembers* members) {
  JsonMembers& m = *members;
  m["as_of"] = [&a](JsonWriter& w) { w.String(FormatDate(a.as_of)); };
  m["community"] = [&a](JsonWriter& w) { w.String(a.community); };
  m["evidence"] = [&a](JsonWriter& w) {
    w.BeginObject();
    w.Key("gharchive");
    w.BeginObject();
    w.Key("hours_read");
    w.Int(a.gh.archive_hours);
    w.Key("share");
    w.Number(a.gh.archive_share, 4);
    w.Key("window_hours");
    w.Int(a.gh.window_hours);
    w.EndObject();
    w.Key("github_api_listed_until");
    if (a.gh.api_until) w.String(FormatTimestamp(*a.gh.api_until)); else w.Null();
    w.Key("tracked_repositories");
    w.Int(static_cast<int64_t>(a.gh.tracked_repositories));
    w.EndObject();
  };
  m["files"] = [&a](JsonWriter& w) {
    w.BeginArray();
    for (const auto& f : a.files) {
      w.BeginObject();
      w.Key("first_seen");
      w.String(FormatDate(f.first_seen));
      w.Key("kind");
      w.String(f.kind);
      w.Key("language");
      if (f.language.empty()) w.Null(); else w.String(f.language);
      w.Key("path");
      w.String(f.path);
      w.Key("spdx");
      if (f.spdx.empty()) w.Null(); else w.String(f.spdx);
      w.EndObject();
    }
    w.EndArray();
  };
  m["first_commit"] = [&a](JsonWriter& w) {
    if (a.first_commit == 0) w.Null(); else w.String(FormatTimestamp(a.first_commit));
  };
  m["last_commit"] = [&a](JsonWriter& w) {
    if (a.last_commit == 0) w.Null(); else w.String(FormatTimestamp(a.last_commit));
  };
  m["metrics"] = [&a](JsonWriter& w) {
    w.BeginObject();
    for (const auto& r : a.metrics) {
      w.Key(r.def->id);
      WriteValue(w, *r.def, r.value);
    }
    w.EndObject();
  };
  m["organisations"] = [&a](JsonWriter& w) {
    w.BeginArray();
    for (const auto& o : a.org_mix) {
      w.BeginObject();
      w.Key("commits");
      w.Int(o.commits);
      w.Key("name");
      w.String(o.name);
      w.Key("share");
      w.Number(o.share, 4);
      w.EndObject();
    }
    w.EndArray();
  };
  m["partial_month"] = [&a](JsonWriter& w) {
    if (a.partial_month) w.String(FormatMonth(*a.partial_month)); else w.Null();
  };
  m["repositories"] = [&a](JsonWriter& w) {
    w.BeginArray();
    for (const auto& r : a.repositories) w.String(r);
    w.EndArray();
  };
  m["series"] = [&a](JsonWriter& w) {
    w.BeginObject();
    for (const auto& r : a.metrics) {
      w.Key(r.def->id);
      w.BeginObject();
      for (size_t i = 0; i < a.months.size(); ++i) {
        w.Key(FormatMonth(a.months[i]));
        WriteValue(w, *r.def, r.series[i]);
      }
      w.EndObject();
    }
    w.EndObject();
  };
  m["window"] = [&a](JsonWriter& w) {
    w.BeginObject();
    w.Key("begin");
    w.String(FormatDate(a.window.begin));
    w.Key("end");
    w.String(FormatDate(a.window.end - kSecondsPerDay));
    w.EndObject();
  };
}

void WriteMembers(JsonWriter& w, const JsonMembers& members) {
  w.BeginObject();
  for (const auto& [key, write] : members) {
    w.Key(key);
    write(w);
  }
  w.EndObject();
}

std::string RenderAssessmentJson(const metrics::Assessment& a) {
  JsonMembers members;
  AddAssessmentMembers(a, &members);
  JsonWriter w;
  WriteMembers(w, members);
  return w.str() + "\n";
}

std::string RenderAssessmentTable(const metrics::Assessment& a, bool color) {
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  std::string out;
  out += fmt::format("{}{}{}  as of {}  (window {} .. {})\n", bold, a.community, reset, FormatDate(a.as_of),
                     FormatDate(a.window.begin), FormatDate(a.window.end - kSecondsPerDay));
  for (const auto& r : a.repositories) out += fmt::format("  repository  {}\n", r);
  if (a.first_commit != 0) {
    out += fmt::format("  history     {} .. {}\n", FormatDate(a.first_commit), FormatDate(a.last_commit));
  }
  out += '\n';
  // One block per source. A source with no data at all (say, no GH Archive files ingested) is one
  // line saying so rather than a column of dashes.
  struct Source {
    std::string_view id;
    std::string_view title;
    std::string_view how;
  };
  static constexpr Source kSources[] = {
      {"git", "git history", "oscm ingest git PATH"},
      {"gharchive", "GitHub events", "oscm ingest gharchive FILES --community NAME=owner/repo, or oscm ingest github"},
      {"profile", "profile", "oscm ingest profile FILE.toml"},
  };
  for (const Source& src : kSources) {
    if (src.id == "gharchive" && a.gh.tracked_repositories > 0) {
      // What the GitHub metrics stand on, whether or not they have values.
      out += fmt::format("{}GitHub evidence{}: GH Archive {} of the window's {} hours read ({:.1f}%)", bold, reset,
                         a.gh.archive_hours, a.gh.window_hours, 100 * a.gh.archive_share);
      if (a.gh.api_until) out += fmt::format("; GitHub API listings up to {}", FormatDate(*a.gh.api_until));
      out += fmt::format("; metrics need {:.0f}% of the window\n", 100 * metrics::kMinGhCoverage);
    }
    bool any = false;
    for (const auto& m : a.metrics) {
      if (m.def->source != src.id) continue;
      any = any || m.value.has_value() ||
            std::any_of(m.series.begin(), m.series.end(), [](const auto& v) { return v.has_value(); });
    }
    if (!any) {
      out += fmt::format("{}{}{}: no data ({})\n\n", bold, src.title, reset, src.how);
      continue;
    }
    out += fmt::format("{}{:<28}{:>10}  {:<7} {}{}\n", bold, src.title, "12 months", "unit",
                       a.partial_month ? "last 24 full months" : "last 24 months", reset);
    for (const auto& m : a.metrics) {
      if (m.def->source != src.id) continue;
      const std::string value = m.value ? FormatMetricValue(*m.def, *m.value) : "-";
      // The month not yet over is left out of the sparkline: it would read as a fall.
      std::vector<std::optional<double>> full = m.series;
      if (a.partial_month && !full.empty()) full.pop_back();
      out += fmt::format("{:<28}{:>10}  {:<7} {}\n", m.def->id, value, m.def->unit, Sparkline(full, 24));
    }
    out += '\n';
  }
  if (!a.org_mix.empty()) {
    // The ten largest; the rest summed, so the table stays short for big communities.
    out += fmt::format("{}{:<32}{:>10}{:>9}{}\n", bold, "commits by organisation", "commits", "share", reset);
    int64_t rest_commits = 0;
    double rest_share = 0;
    for (size_t i = 0; i < a.org_mix.size(); ++i) {
      const auto& o = a.org_mix[i];
      if (i < 10) {
        out += fmt::format("{:<32}{:>10}{:>8.1f}%\n", o.name, o.commits, 100 * o.share);
      } else {
        rest_commits += o.commits;
        rest_share += o.share;
      }
    }
    if (a.org_mix.size() > 10) {
      out += fmt::format("{:<32}{:>10}{:>8.1f}%\n", fmt::format("({} more)", a.org_mix.size() - 10),
                         rest_commits, 100 * rest_share);
    }
    out += '\n';
  }
  if (!a.files.empty()) {
    out += fmt::format("{}{:<20}{:<12}{}{}\n", bold, "community file", "since", "path", reset);
    for (const auto& f : a.files) {
      std::string extra;
      if (!f.spdx.empty()) extra = " (" + f.spdx + ")";
      if (!f.language.empty()) extra = " (" + f.language + ")";
      out += fmt::format("{:<20}{:<12}{}{}\n", f.kind, FormatDate(f.first_seen), f.path, extra);
    }
  }
  return out;
}

}  // namespace oscm::report
