// Small string helpers shared by the ingest and report stages. Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oscm {

std::string AsciiLower(std::string_view s);
std::string_view Trim(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
bool IEquals(std::string_view a, std::string_view b);  // ASCII case-insensitive
std::vector<std::string_view> SplitLines(std::string_view text);

// True if `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);
// Returns `s` with each byte of an ill-formed UTF-8 sequence replaced by U+FFFD and control
// characters (C0 other than tab, DEL, C1) removed, so names from broken commits are safe to
// store and print.
std::string SanitizeUtf8(std::string_view s);

}  // namespace oscm
