#include "model/verdicts.h"

#include <charconv>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "base/strings.h"
#include "base/time.h"

namespace oscm::model {
namespace {

// One CSV record starting at `pos` (RFC 4180: quoted fields may hold commas, quotes as "" and
// line breaks); advances `pos` and `line` past it.
Result<std::vector<std::string>> ReadRecord(std::string_view text, size_t* pos, int* line, const std::string& path) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  const int start_line = *line;
  size_t i = *pos;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++*line;
        fields.back() += c;
      }
      continue;
    }
    if (c == '"' && fields.back().empty()) {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      ++i;
      break;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  if (quoted) return InvalidArgumentError(fmt::format("{}:{}: unterminated quoted field", path, start_line));
  *pos = i;
  ++*line;
  return fields;
}

}  // namespace

Result<std::vector<VerdictRow>> ParseVerdicts(std::string_view text, const std::string& path) {
  size_t pos = 0;
  int line = 1;
  OSCM_ASSIGN_OR_RETURN(const std::vector<std::string> header, ReadRecord(text, &pos, &line, path));
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < header.size(); ++i) column[std::string(Trim(header[i]))] = i;
  for (const char* required : {"repository", "foundation", "date", "verdict", "rank"}) {
    if (column.count(required) == 0) {
      return InvalidArgumentError(fmt::format("{}:1: the header has no '{}' column", path, required));
    }
  }
  std::vector<VerdictRow> rows;
  while (pos < text.size()) {
    const int at = line;
    OSCM_ASSIGN_OR_RETURN(const std::vector<std::string> f, ReadRecord(text, &pos, &line, path));
    if (f.size() == 1 && Trim(f[0]).empty()) continue;  // a blank line
    auto get = [&](const char* name) -> std::string {
      const size_t i = column.at(name);
      return i < f.size() ? std::string(Trim(f[i])) : std::string();
    };
    VerdictRow r;
    r.line = at;
    r.repository = get("repository");
    r.foundation = get("foundation");
    r.verdict = get("verdict");
    if (column.count("meaning") > 0) r.meaning = get("meaning");
    const size_t slash = r.repository.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == r.repository.size() ||
        r.repository.find('/', slash + 1) != std::string::npos) {
      return InvalidArgumentError(fmt::format("{}:{}: repository '{}' is not owner/name", path, at, r.repository));
    }
    if (r.foundation.empty() || r.verdict.empty()) {
      return InvalidArgumentError(fmt::format("{}:{}: empty foundation or verdict", path, at));
    }
    auto date = ParseDate(get("date"));
    if (!date) return InvalidArgumentError(fmt::format("{}:{}: {}", path, at, date.error().message()));
    r.date = *date;
    const std::string rank = get("rank");
    const auto [end, ec] = std::from_chars(rank.data(), rank.data() + rank.size(), r.rank);
    if (ec != std::errc() || end != rank.data() + rank.size() || rank.empty()) {
      return InvalidArgumentError(fmt::format("{}:{}: rank '{}' is not an integer", path, at, rank));
    }
    rows.push_back(std::move(r));
  }
  if (rows.empty()) return InvalidArgumentError(fmt::format("{}: no verdict rows", path));
  return rows;
}

Result<std::vector<VerdictRow>> LoadVerdicts(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(fmt::format("{}: cannot read the verdicts file", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  if (!IsValidUtf8(text)) return InvalidArgumentError(fmt::format("{}: not valid UTF-8", path));
  return ParseVerdicts(text, path);
}

}  // namespace oscm::model
