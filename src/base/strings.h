// Small string helpers shared by the ingest and report stages. Pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace oscm {

std::string AsciiLower(std::string_view s);
std::string_view Trim(std::string_view s);
// 64-bit FNV-1a: a stable hash (the same on every platform and release, unlike std::hash).
uint64_t Fnv1a(std::string_view s);

bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
bool IEquals(std::string_view a, std::string_view b);  // ASCII case-insensitive
std::vector<std::string_view> SplitLines(std::string_view text);

// Where `needle` first (FindAnchored) or last (RFindAnchored) occurs in `hay`, or npos, as
// std::string_view::find and rfind say. They memchr (memrchr) for needle[anchor] and compare
// around each hit, so they are fast when that byte is rare in `hay`, where find stops at every
// occurrence of the needle's first byte. REQUIRES: anchor < needle.size().
size_t FindAnchored(std::string_view hay, std::string_view needle, size_t anchor);
size_t RFindAnchored(std::string_view hay, std::string_view needle, size_t anchor);

// True if `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);
// Returns `s` with each byte of an ill-formed UTF-8 sequence replaced by U+FFFD and control
// characters (C0 other than tab, DEL, C1) removed, so names from broken commits are safe to
// store and print.
std::string SanitizeUtf8(std::string_view s);

struct EscapeOptions {
  bool keep_newlines = false;  // '\n' stays as is (multi-line output)
  bool keep_styles = false;    // oscm's own styles, ESC "[0m" and ESC "[1m", stay as they are
};
// `s` made safe to show on a terminal: each byte of an ill-formed UTF-8 sequence becomes U+FFFD,
// and control characters (C0, DEL, C1) become visible escapes like "\u001b", so that text from
// data ("T\x1b[2J" as a name) cannot clear the screen, move the cursor or rename the window.
// The escapes are JSON's, so JSON text stays valid JSON with the same meaning.
std::string EscapeControls(std::string_view s, const EscapeOptions& options = {});

}  // namespace oscm
