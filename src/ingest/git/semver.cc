#include "ingest/git/semver.h"

#include "base/strings.h"

namespace oscm::ingest {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads a non-negative integer of at most 9 digits at s[*i].
bool ReadNumber(std::string_view s, size_t* i, int64_t* out) {
  const size_t start = *i;
  int64_t v = 0;
  while (*i < s.size() && IsDigit(s[*i]) && *i - start < 9) {
    v = v * 10 + (s[*i] - '0');
    ++*i;
  }
  if (*i == start || (*i < s.size() && IsDigit(s[*i]))) return false;
  *out = v;
  return true;
}

}  // namespace

std::optional<SemVer> ParseVersionTag(std::string_view tag) {
  std::string_view s = Trim(tag);
  if (const size_t slash = s.rfind('/'); slash != std::string_view::npos) s = s.substr(slash + 1);
  // Drop a leading name: everything up to the first digit, if it ends in a separator or 'v'.
  size_t first_digit = 0;
  while (first_digit < s.size() && !IsDigit(s[first_digit])) ++first_digit;
  if (first_digit == s.size()) return std::nullopt;
  if (first_digit > 0) {
    const char before = s[first_digit - 1];
    if (before != 'v' && before != 'V' && before != '-' && before != '_' && before != '.') {
      return std::nullopt;
    }
  }
  s = s.substr(first_digit);
  SemVer v;
  size_t i = 0;
  if (!ReadNumber(s, &i, &v.major)) return std::nullopt;
  int parts = 1;
  while (parts < 3 && i + 1 < s.size() && s[i] == '.' && IsDigit(s[i + 1])) {
    ++i;
    if (!ReadNumber(s, &i, parts == 1 ? &v.minor : &v.patch)) return std::nullopt;
    ++parts;
  }
  // A bare number like "2024", "42" or a date "2024-01-15" is too weak to be called a version;
  // with a prefix ("v2", "v2-rc1") it is one.
  if (parts == 1) {
    if (first_digit == 0) return std::nullopt;
    if (i != s.size() && s[i] != '-') return std::nullopt;
  }
  // A fourth numeric component (1.2.3.4) is folded into the build and ignored.
  while (i + 1 < s.size() && s[i] == '.' && IsDigit(s[i + 1])) {
    ++i;
    while (i < s.size() && IsDigit(s[i])) ++i;
  }
  std::string_view rest = s.substr(i);
  if (const size_t plus = rest.find('+'); plus != std::string_view::npos) rest = rest.substr(0, plus);
  while (!rest.empty() && (rest.front() == '-' || rest.front() == '.' || rest.front() == '_')) {
    rest.remove_prefix(1);
  }
  const std::string label = AsciiLower(rest);
  if (!label.empty()) {
    static const char* kPre[] = {"rc", "alpha", "beta", "pre", "dev", "snapshot", "nightly",
                                 "preview", "a", "b", "m", "test", "canary", "next"};
    bool known = false;
    for (const char* p : kPre) {
      if (StartsWith(label, p)) {
        const size_t n = std::string_view(p).size();
        // Short labels (a, b, m) only count when a number follows: 1.0a1, 2.0.0-m3.
        known = n > 1 || (label.size() > n && (IsDigit(label[n]) || label[n] == '.'));
        if (known) break;
      }
    }
    // Anything else after the numbers (e.g. "-final", "-ga", "-lts") is part of a final release.
    if (known) v.prerelease = label;
  }
  return v;
}

}  // namespace oscm::ingest
