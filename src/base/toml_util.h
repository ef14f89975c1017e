// Reading user-written TOML (models, profiles, landscapes) with errors that name the place:
// "file:line:col: reason". toml++ is used header-only and without exceptions; every file that
// includes toml++ must do so through this header so that the library is configured the same way.
#pragma once

#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 0
// toml++ 3.3 asserts on some malformed input that its parser then reports as an error (a table
// header "[{"): its internal checks must not abort a Debug build on a user's typo.
#define TOML_ASSERT(expr) static_assert(true)
#include <toml++/toml.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "oscm/status.h"

namespace oscm {

std::string TomlWhere(const std::string& path, const toml::node& node);

// kInvalidArgument "path:line:col: message".
Status TomlError(const std::string& path, const toml::node& node, std::string_view message);

// Parses `text`; a syntax error becomes kInvalidArgument with its place.
Result<toml::table> ParseToml(std::string_view text, const std::string& path);
// The whole file; kNotFound "path: cannot read file" when it cannot be read.
Result<std::string> ReadTextFile(const std::string& path);

// An error naming the first key of `table` that is not in `allowed`.
Status CheckKeys(const toml::table& table, const std::string& path, std::string_view what,
                 std::initializer_list<std::string_view> allowed);

// Typed reads of `table[key]`: nullopt when the key is absent, an error when it has another type.
Result<std::optional<std::string>> TomlString(const toml::table& table, std::string_view key,
                                              const std::string& path);
Result<std::optional<double>> TomlNumber(const toml::table& table, std::string_view key,
                                         const std::string& path);
// A TOML date (2024-03-07) or a "YYYY-MM-DD" string, as Unix seconds at 00:00 UTC.
Result<std::optional<int64_t>> TomlDate(const toml::table& table, std::string_view key,
                                        const std::string& path);

// Same, for keys that must be present (the error names the table's place).
Result<std::string> RequiredString(const toml::table& table, std::string_view key,
                                   const std::string& path);
Result<int64_t> RequiredDate(const toml::table& table, std::string_view key, const std::string& path);

}  // namespace oscm
