#include "base/toml_util.h"

#include <cstdint>
#include <fstream>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "base/strings.h"
#include "base/time.h"

namespace oscm {

std::string TomlWhere(const std::string& path, const toml::node& node) {
  const toml::source_region& r = node.source();
  return fmt::format("{}:{}:{}", path, r.begin.line, r.begin.column);
}

Status TomlError(const std::string& path, const toml::node& node, std::string_view message) {
  return InvalidArgumentError(fmt::format("{}: {}", TomlWhere(path, node), message));
}

namespace {

// Whether toml++ 3.3's whitespace test reaches its "unreachable" branch (undefined behaviour) on
// `c`: its generated table leaves some 1,018-code-point blocks to a switch without a case for them
// (U+00A1..U+0499, U+2C5E..U+3057, U+FB26..U+FEFE, but not U+3000 or U+FEFF).
bool TomlppMisreads(char32_t c) {
  if (c <= 0xA0 || c >= 0xFEFF || c == 0x3000) return false;
  const uint64_t block = (static_cast<uint64_t>(c) - 0xA0) / 0x3FA;
  if (((uint64_t{1} << block) & 0x7FFFFFFFFFFFF75Eull) != 0) return false;
  return block != 5 && block != 7;
}

// Whitespace as toml++ 3.3 sees it (it skips all of it after a line-ending backslash).
bool IsTomlppWhitespace(char32_t c) {
  return c == ' ' || c == '\t' || (c >= '\n' && c <= '\r') || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         c == 0x180E || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x2060 || c == 0x3000 || c == 0xFEFF;
}

// toml++ 3.3 asks whether a character is whitespace outside strings and comments, after a
// backslash in a multi-line basic string, and on the first character after a line-ending
// backslash; on the characters above it then has undefined behaviour. Outside strings and
// comments such a character is invalid TOML anyway; in the two string places it is rare, and is
// refused with its place so that the file can be changed. Everything else is left to toml++.
Status CheckTomlppCanRead(std::string_view text, const std::string& path) {
  enum class In { kCode, kComment, kBasic, kLiteral, kMlBasic, kMlLiteral } in = In::kCode;
  int line = 1;
  int column = 0;
  std::vector<char> brackets;  // the arrays ('[') and inline tables ('{') a value is in
  bool value_next = false;     // a value starts at the next token (after '=', or in an array)
  bool in_bare_value = false;  // inside a value that is not a string, array or inline table
  bool escaped = false;      // the previous character of a basic string was an escaping backslash
  bool line_ending = false;  // skipping whitespace after a line-ending backslash
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = n == 1 ? b : (b & (0x7Fu >> n));
    for (size_t k = 1; k < n && i + k < text.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    const std::string_view rest = text.substr(i);
    i += n;
    ++column;
    const auto refuse = [&](std::string_view where) {
      return InvalidArgumentError(
          fmt::format("{}:{}:{}: character U+{:04X} {}", path, line, column, static_cast<uint32_t>(c), where));
    };
    const auto skip_two = [&] {  // the rest of a triple quote
      i += 2;
      column += 2;
    };
    if (c == '\n') {
      ++line;
      column = 0;
    }
    switch (in) {
      case In::kCode: {
        if (TomlppMisreads(c)) return refuse("outside a string or comment");
        // A bare value (a number, a date, true, or something malformed such as 0<="...) runs to
        // whitespace, ']', '}', ',' or '#': toml++ scans through everything else, quotes included,
        // looking for its end, so a quote inside one opens no string.
        const bool ends_value = IsTomlppWhitespace(c) || c == ']' || c == '}' || c == ',' || c == '#';
        if (in_bare_value && !ends_value) break;
        in_bare_value = false;
        if (c == '\n' && brackets.empty()) value_next = false;
        if (c == '#') {
          in = In::kComment;
          break;
        }
        if (ends_value) {
          if (c == ',') value_next = !brackets.empty() && brackets.back() == '[';
          if ((c == ']' || c == '}') && !brackets.empty()) brackets.pop_back();
          break;
        }
        if (value_next) {  // the start of a value
          if (c == '[') {
            brackets.push_back('[');
            break;
          }
          value_next = false;
          if (c == '{') {
            brackets.push_back('{');
            break;
          }
          if (c != '"' && c != '\'') {
            in_bare_value = true;
            break;
          }
        } else if (c == '=') {  // after a key
          value_next = true;
          break;
        }
        // A string: a value, or a quoted key.
        if (StartsWith(rest, R"(""")")) {
          in = In::kMlBasic;
          skip_two();
        } else if (StartsWith(rest, R"(''')")) {
          in = In::kMlLiteral;
          skip_two();
        } else if (c == '"') {
          in = In::kBasic;
        } else if (c == '\'') {
          in = In::kLiteral;
        }
        break;
      }
      case In::kComment:
        if (c == '\n') {
          in = In::kCode;
          if (brackets.empty()) value_next = false;
        }
        break;
      case In::kLiteral:
        if (c == '\'' || c == '\n') in = In::kCode;
        break;
      case In::kMlLiteral:
        if (StartsWith(rest, R"(''')")) {
          in = In::kCode;
          skip_two();
        }
        break;
      case In::kBasic:
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"' || c == '\n') {
          in = In::kCode;
        }
        break;
      case In::kMlBasic:
        if (line_ending) {
          if (IsTomlppWhitespace(c)) break;
          line_ending = false;
          if (TomlppMisreads(c)) return refuse("right after a line-ending backslash, where toml++ cannot read it");
        }
        if (escaped) {
          escaped = false;
          if (TomlppMisreads(c)) return refuse("after a backslash");
          line_ending = IsTomlppWhitespace(c);
        } else if (c == '\\') {
          escaped = true;
        } else if (StartsWith(rest, R"(""")")) {
          in = In::kCode;
          skip_two();
        }
        break;
    }
  }
  return Status::Ok();
}

}  // namespace

Result<toml::table> ParseToml(std::string_view text, const std::string& path) {
  OSCM_RETURN_IF_ERROR(CheckTomlppCanRead(text, path));
  toml::parse_result parsed = toml::parse(text, path);
  if (!parsed) {
    const toml::parse_error& e = parsed.error();
    return InvalidArgumentError(fmt::format("{}:{}:{}: {}", path, e.source().begin.line,
                                            e.source().begin.column, e.description()));
  }
  return std::move(parsed).table();
}

Result<std::string> ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(fmt::format("{}: cannot read file", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Status CheckKeys(const toml::table& table, const std::string& path, std::string_view what,
                 std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, node] : table) {
    bool known = false;
    for (std::string_view a : allowed) known = known || key.str() == a;
    if (!known) {
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      return TomlError(path, node, fmt::format("unknown key '{}' in {} (expected {})", key.str(), what, list));
    }
  }
  return Status::Ok();
}

Result<std::optional<std::string>> TomlString(const toml::table& table, std::string_view key,
                                              const std::string& path) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return std::optional<std::string>();
  const auto* s = node->as_string();
  if (s == nullptr) return TomlError(path, *node, fmt::format("'{}' must be a string", key));
  return std::optional<std::string>(s->get());
}

Result<std::optional<double>> TomlNumber(const toml::table& table, std::string_view key,
                                         const std::string& path) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return std::optional<double>();
  if (const auto* i = node->as_integer()) return std::optional<double>(static_cast<double>(i->get()));
  if (const auto* f = node->as_floating_point()) return std::optional<double>(f->get());
  return TomlError(path, *node, fmt::format("'{}' must be a number", key));
}

Result<std::optional<int64_t>> TomlDate(const toml::table& table, std::string_view key,
                                        const std::string& path) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return std::optional<int64_t>();
  if (const auto* d = node->as_date()) {
    const toml::date v = d->get();
    return std::optional<int64_t>(DaysFromCivil(v.year, v.month, v.day) * 86400);
  }
  if (const auto* s = node->as_string()) {
    auto parsed = ParseDate(s->get());
    if (parsed) return std::optional<int64_t>(*parsed);
  }
  return TomlError(path, *node, fmt::format("'{}' must be a date (YYYY-MM-DD)", key));
}

Result<std::string> RequiredString(const toml::table& table, std::string_view key, const std::string& path) {
  OSCM_ASSIGN_OR_RETURN(auto v, TomlString(table, key, path));
  if (!v || v->empty()) return TomlError(path, table, fmt::format("missing '{}'", key));
  return *std::move(v);
}

Result<int64_t> RequiredDate(const toml::table& table, std::string_view key, const std::string& path) {
  OSCM_ASSIGN_OR_RETURN(auto v, TomlDate(table, key, path));
  if (!v) return TomlError(path, table, fmt::format("missing '{}'", key));
  return *v;
}

}  // namespace oscm
