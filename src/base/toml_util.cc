#include "base/toml_util.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "base/time.h"

namespace oscm {

std::string TomlWhere(const std::string& path, const toml::node& node) {
  const toml::source_region& r = node.source();
  return fmt::format("{}:{}:{}", path, r.begin.line, r.begin.column);
}

Status TomlError(const std::string& path, const toml::node& node, std::string_view message) {
  return InvalidArgumentError(fmt::format("{}: {}", TomlWhere(path, node), message));
}

Result<toml::table> ParseToml(std::string_view text, const std::string& path) {
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
