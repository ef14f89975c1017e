#include "ingest/git/community_files.h"

#include <utility>

#include "base/strings.h"

namespace oscm::ingest {
namespace {

// Lower-case language tag for a suffix such as "zh-CN", "zh_cn", "cn", "CN", "ja", "jp".
std::string NormaliseLanguage(std::string_view raw) {
  std::string s = AsciiLower(raw);
  for (char& c : s) {
    if (c == '_') c = '-';
  }
  if (s == "cn" || s == "zh-cn" || s == "zh-hans" || s == "chs" || s == "zh-cn.md") return "zh-CN";
  if (s == "tw" || s == "zh-tw" || s == "zh-hant" || s == "cht") return "zh-TW";
  if (s == "jp") return "ja";
  if (s == "kr") return "ko";
  static const char* kKnown[] = {"zh", "ja", "ko", "es", "fr", "de", "ru", "pt", "pt-br", "it",
                                 "tr", "vi", "id", "uk", "pl", "fa", "ar", "hi", "th", "nl"};
  for (const char* k : kKnown) {
    if (s == k) {
      if (s == "pt-br") return "pt-BR";
      return s;
    }
  }
  return "";
}

// "README.zh-CN.md" -> ("README", "zh-CN"): the stem before the first separator and, when the
// rest is a language tag, that tag.
std::pair<std::string, std::string> SplitName(std::string_view name) {
  std::string_view stem = name;
  std::string_view rest;
  const size_t sep = name.find_first_of(".-_");
  if (sep != std::string_view::npos) {
    stem = name.substr(0, sep);
    rest = name.substr(sep + 1);
  }
  // Strip the file extension from the rest ("zh-CN.md" -> "zh-CN").
  if (const size_t dot = rest.rfind('.'); dot != std::string_view::npos) rest = rest.substr(0, dot);
  std::string upper(stem);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return {upper, NormaliseLanguage(rest)};
}

}  // namespace

std::optional<FileClass> ClassifyCommunityPath(std::string_view path, bool is_directory) {
  std::string_view dir;
  std::string_view name = path;
  if (const size_t slash = path.rfind('/'); slash != std::string_view::npos) {
    dir = path.substr(0, slash);
    name = path.substr(slash + 1);
  }
  const std::string ldir = AsciiLower(dir);
  if (!(ldir.empty() || ldir == ".github" || ldir == "docs" || ldir == "doc")) return std::nullopt;
  const std::string lname = AsciiLower(name);

  if (is_directory) {
    if (ldir == "docs" || ldir == "doc") {
      std::string lang = NormaliseLanguage(name);
      if (!lang.empty()) return FileClass{"docs_translation", lang};
    }
    if (lname == "issue_template") return FileClass{"issue_template", ""};
    if (lname == "pull_request_template") return FileClass{"pr_template", ""};
    return std::nullopt;
  }

  if (StartsWith(lname, "code_of_conduct") || StartsWith(lname, "code-of-conduct")) {
    return FileClass{"code_of_conduct", ""};
  }
  if (StartsWith(lname, "issue_template")) return FileClass{"issue_template", ""};
  if (StartsWith(lname, "pull_request_template")) return FileClass{"pr_template", ""};
  if (StartsWith(lname, "release_notes") || StartsWith(lname, "release-notes")) {
    return FileClass{"changelog", ""};
  }
  if (lname == "owners_aliases") return FileClass{"maintainers", ""};
  auto [stem, lang] = SplitName(name);
  if (stem == "README") {
    if (!lang.empty()) return FileClass{"readme_translation", lang};
    if (ldir == "docs" || ldir == "doc") return std::nullopt;  // docs/README is an index page
    return FileClass{"readme", ""};
  }
  if (stem == "LICENSE" || stem == "LICENCE" || stem == "COPYING" || stem == "UNLICENSE") {
    return FileClass{"license", ""};
  }
  if (stem == "CONTRIBUTING") return FileClass{"contributing", ""};
  if (stem == "GOVERNANCE") return FileClass{"governance", ""};
  if (stem == "MAINTAINERS" || stem == "OWNERS" || stem == "CODEOWNERS" || stem == "COMMITTERS") {
    return FileClass{"maintainers", ""};
  }
  if (stem == "SECURITY") return FileClass{"security", ""};
  if (stem == "ADOPTERS" || stem == "USERS") return FileClass{"adopters", ""};
  if (stem == "CHANGELOG" || stem == "CHANGES" || stem == "HISTORY" || stem == "NEWS") {
    return FileClass{"changelog", ""};
  }
  return std::nullopt;
}

std::string DetectSpdx(std::string_view license_text) {
  // Collapse whitespace and case so that re-wrapped licence texts still match.
  std::string t;
  t.reserve(license_text.size());
  bool space = false;
  for (char c : license_text.substr(0, 64 * 1024)) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !t.empty()) t += ' ';
    space = false;
    t += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  auto has = [&](std::string_view s) { return t.find(s) != std::string::npos; };
  // The GPL family names each other in their texts ("use the GNU Lesser General Public License
  // instead"), so the family is the one named first, and its version is the one after the name.
  struct Family {
    std::string_view name;
    std::string_view v2;
    std::string_view v3;
  };
  static constexpr Family kGnu[] = {
      {"gnu affero general public license", "AGPL-3.0", "AGPL-3.0"},
      {"gnu lesser general public license", "LGPL-2.1", "LGPL-3.0"},
      {"gnu library general public license", "LGPL-2.0", "LGPL-2.0"},
      {"gnu general public license", "GPL-2.0", "GPL-3.0"},
  };
  const Family* first = nullptr;
  size_t first_pos = std::string::npos;
  for (const Family& f : kGnu) {
    const size_t pos = t.find(f.name);
    if (pos < first_pos) {
      first_pos = pos;
      first = &f;
    }
  }
  if (first != nullptr) {
    // Full texts say "Version 2, June 1991" right after the name; file notices say "as published
    // by the Free Software Foundation, either version 3 of the License".
    const std::string_view after = std::string_view(t).substr(first_pos + first->name.size(), 120);
    if (after.find("version 3") != std::string_view::npos) return std::string(first->v3);
    if (after.find("version 2") != std::string_view::npos) return std::string(first->v2);
  }
  if (has("apache license") && has("version 2.0")) return "Apache-2.0";
  if (has("mozilla public license") && (has("version 2.0") || has("v. 2.0"))) return "MPL-2.0";
  if (has("business source license")) return "BUSL-1.1";
  if (has("server side public license")) return "SSPL-1.0";
  if (has("elastic license 2.0")) return "Elastic-2.0";
  if (has("eclipse public license - v 2.0") || has("eclipse public license v2.0")) return "EPL-2.0";
  if (has("boost software license")) return "BSL-1.0";
  if (has("unencumbered software released into the public domain")) return "Unlicense";
  if (has("permission is hereby granted, free of charge")) return "MIT";
  if (has("permission to use, copy, modify, and/or distribute this software")) return "ISC";
  if (has("redistribution and use in source and binary forms")) {
    return has("neither the name") || has("names of its contributors") ? "BSD-3-Clause" : "BSD-2-Clause";
  }
  return "";
}

namespace {

// Markdown inline text to plain text: links to their text, emphasis and code marks dropped.
std::string PlainText(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '[') {
      const size_t close = s.find(']', i);
      if (close != std::string_view::npos) {
        out += PlainText(s.substr(i + 1, close - i - 1));
        i = close;
        if (i + 1 < s.size() && s[i + 1] == '(') {
          const size_t paren = s.find(')', i + 1);
          i = paren == std::string_view::npos ? s.size() : paren;
        }
        continue;
      }
    }
    if (c == '*' || c == '_' || c == '`') continue;
    if (c == '!' && i + 1 < s.size() && s[i + 1] == '[') continue;  // an image: keep its alt text
    out += c;
  }
  return std::string(Trim(out));
}

// "Name - what they do", "Name: details", "Name (details)": the name.
std::string NameOf(std::string_view text) {
  std::string plain = PlainText(text);
  for (std::string_view sep : {" - ", " – ", " — ", ": ", " (", " | "}) {
    const size_t at = plain.find(sep);
    if (at != std::string::npos && at > 0) plain.resize(at);
  }
  std::string name(Trim(plain));
  if (name.size() > 100) name.resize(100);
  return IsValidUtf8(name) ? name : SanitizeUtf8(name);
}

bool IsDetailItem(std::string_view item) {
  // "*Application*: ...", "**Launched**: ..."
  const size_t colon = item.find(':');
  return colon != std::string_view::npos && colon < 40 && (item[0] == '*' || item[0] == '_');
}

}  // namespace

std::vector<std::string> ParseAdopters(std::string_view markdown) {
  std::vector<std::string> table, headings, items;
  bool in_table = false;
  bool table_header_seen = false;
  bool in_code = false;
  for (std::string_view raw : SplitLines(markdown)) {
    const std::string_view line = Trim(raw);
    if (StartsWith(line, "```")) {
      in_code = !in_code;
      continue;
    }
    if (in_code) continue;
    if (StartsWith(line, "|")) {
      if (!in_table) {
        in_table = true;
        table_header_seen = false;
      }
      std::string_view cells = line.substr(1);
      const std::string_view first = cells.substr(0, cells.find('|'));
      if (first.find("---") != std::string_view::npos) {
        table_header_seen = true;  // the row under the header
        continue;
      }
      if (table_header_seen) table.push_back(NameOf(first));
      continue;
    }
    in_table = false;
    if (StartsWith(line, "##")) {
      std::string_view h = line;
      while (!h.empty() && h.front() == '#') h.remove_prefix(1);
      headings.push_back(NameOf(h));
    } else if ((StartsWith(line, "- ") || StartsWith(line, "* ") || StartsWith(line, "+ ")) &&
               raw.find_first_not_of(" \t") < 2 && !IsDetailItem(line.substr(2))) {
      items.push_back(NameOf(line.substr(2)));  // top-level items only: nested ones are details
    }
  }
  std::vector<std::string>* best = &table;
  if (headings.size() > best->size()) best = &headings;
  if (items.size() > best->size()) best = &items;
  std::vector<std::string> out;
  for (auto& n : *best) {
    if (!n.empty() && out.size() < 2000) out.push_back(std::move(n));
  }
  return out;
}

}  // namespace oscm::ingest
