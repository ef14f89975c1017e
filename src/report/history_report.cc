#include "report/history_report.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/time.h"
#include "report/csv_report.h"
#include "report/json_writer.h"
#include "report/terminal_text.h"

namespace oscm::report {
namespace {

// The dimensions of every run, in the order they first appear.
std::vector<std::string> Dimensions(const std::vector<store::AssessmentRun>& runs) {
  std::vector<std::string> ids;
  for (const auto& r : runs) {
    for (const auto& s : r.scores) {
      if (std::find(ids.begin(), ids.end(), s.dimension) == ids.end()) ids.push_back(s.dimension);
    }
  }
  return ids;
}

// "62.1 [58–70] 80%", or "n/a [19–80] 40%" when unavailable.
std::string ScoreCell(const store::RunScore* s) {
  if (s == nullptr) return "";
  return fmt::format("{} [{:.0f}–{:.0f}] {:.0f}%", s->value ? fmt::format("{:.1f}", *s->value) : "n/a", s->low,
                     s->high, s->coverage * 100);
}

std::string ModelCell(const store::AssessmentRun& r) { return r.model + " " + r.model_version; }

}  // namespace

std::string RenderHistoryTable(const std::string& community, const std::vector<store::AssessmentRun>& runs,
                               size_t width, const char* bold, const char* reset) {
  std::string out = fmt::format("{}{}{}  assessment history ({} {} kept)\n\n", bold, community, reset, runs.size(),
                                runs.size() == 1 ? "run" : "runs");
  if (runs.empty()) {
    return out + "No assessment kept yet: oscm assess, landscape, report and chart keep what they say here.\n";
  }
  const std::vector<std::string> dims = Dimensions(runs);
  std::vector<TextColumn> columns = {{"as of"}, {"stage"}};
  for (const auto& d : dims) columns.push_back({d, true});
  columns.push_back({"quadrant"});
  for (const char* c : {"landscape", "model", "run on"}) columns.push_back({c, false, true});
  std::vector<std::vector<std::string>> cells;
  for (const auto& r : runs) {
    std::vector<std::string> row = {FormatDate(r.as_of), r.stage.value_or("no history")};
    for (const auto& d : dims) row.push_back(ScoreCell(r.Score(d)));
    row.push_back(r.quadrant ? *r.quadrant + (r.quadrant_possible.size() > 1 ? "?" : "")
                             : r.landscape.empty() ? "" : "not placed");
    row.push_back(r.landscape);
    row.push_back(ModelCell(r));
    row.push_back(FormatDate(r.recorded_at));
    cells.push_back(std::move(row));
  }
  out += RenderTextTable(columns, cells, width, bold, reset);
  // Where the stage changed from one evaluation date to a later one.
  std::string moves;
  for (size_t i = 1; i < runs.size(); ++i) {
    const auto& a = runs[i - 1];
    const auto& b = runs[i];
    if (a.as_of != b.as_of && a.stage != b.stage) {
      moves += fmt::format("  {} → {}: {} → {}\n", FormatDate(a.as_of), FormatDate(b.as_of),
                           a.stage.value_or("no history"), b.stage.value_or("no history"));
    }
  }
  if (!moves.empty()) out += "\nStage changes:\n" + moves;
  out += "\nScores are value [low–high the missing evidence allows] coverage; ? after a quadrant: the ranges\n"
         "reach another one too. A run is kept when it says something new for its date, model and landscape.\n";
  return out;
}

std::string RenderHistoryJson(const std::string& community, const std::vector<store::AssessmentRun>& runs) {
  JsonWriter w;
  w.BeginObject();
  w.Key("community");
  w.String(community);
  w.Key("runs");
  w.BeginArray();
  for (const auto& r : runs) {
    w.BeginObject();
    w.Key("as_of");
    w.String(FormatDate(r.as_of));
    w.Key("landscape");
    w.String(r.landscape);
    w.Key("model");
    w.String(r.model);
    w.Key("model_version");
    w.String(r.model_version);
    w.Key("quadrant");
    r.quadrant ? w.String(*r.quadrant) : w.Null();
    w.Key("quadrant_possible");
    w.BeginArray();
    for (const auto& q : r.quadrant_possible) w.String(q);
    w.EndArray();
    w.Key("recorded_at");
    w.String(FormatTimestamp(r.recorded_at));
    w.Key("scores");
    w.BeginObject();
    std::vector<store::RunScore> sorted = r.scores;  // keys in order, as everywhere in oscm's JSON
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.dimension < b.dimension; });
    for (const auto& s : sorted) {
      w.Key(s.dimension);
      w.BeginObject();
      w.Key("coverage");
      w.Number(s.coverage, 3);
      w.Key("high");
      w.Number(s.high, 1);
      w.Key("low");
      w.Number(s.low, 1);
      w.Key("value");
      s.value ? w.Number(*s.value, 1) : w.Null();
      w.EndObject();
    }
    w.EndObject();
    w.Key("stage");
    r.stage ? w.String(*r.stage) : w.Null();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.str() + "\n";
}

std::string RenderHistoryCsv(const std::string& community, const std::vector<store::AssessmentRun>& runs) {
  const std::vector<std::string> dims = Dimensions(runs);
  std::string out = "community,as_of,model,model_version,landscape,recorded_at,stage,quadrant,quadrant_possible";
  for (const auto& d : dims) out += fmt::format(",{0},{0}_low,{0}_high,{0}_coverage", CsvField(d));
  out += "\n";
  for (const auto& r : runs) {
    std::string possible;
    for (const auto& q : r.quadrant_possible) possible += (possible.empty() ? "" : " ") + q;
    out += fmt::format("{},{},{},{},{},{},{},{},{}", CsvField(community), FormatDate(r.as_of), CsvField(r.model),
                       CsvField(r.model_version), CsvField(r.landscape), FormatTimestamp(r.recorded_at),
                       CsvField(r.stage.value_or("")), CsvField(r.quadrant.value_or("")), CsvField(possible));
    for (const auto& d : dims) {
      const store::RunScore* s = r.Score(d);
      if (s == nullptr) {
        out += ",,,,";
      } else {
        out += fmt::format(",{},{:.1f},{:.1f},{:.3f}", s->value ? fmt::format("{:.1f}", *s->value) : "", s->low,
                           s->high, s->coverage);
      }
    }
    out += "\n";
  }
  return out;
}

}  // namespace oscm::report
