#include "base/strings.h"

#include <cstring>

namespace oscm {

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return s.substr(b, e - b);
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = nl + 1;
  }
  return lines;
}

namespace {

// Length of the well-formed UTF-8 sequence starting at s[i], or 0 if ill-formed (RFC 3629).
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  size_t len = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return 0;
  }
  return len;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = Utf8SequenceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string SanitizeUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    const bool c0_or_del = n == 1 && ((c < 0x20 && c != '\t') || c == 0x7F);
    const bool c1 = n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0;  // U+0080..U+009F
    if (!c0_or_del && !c1) out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string EscapeControls(std::string_view s, const EscapeOptions& options) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (options.keep_styles && c == 0x1B) {
      const std::string_view rest = s.substr(i);
      if (StartsWith(rest, "\x1b[0m") || StartsWith(rest, "\x1b[1m")) {
        out.append(rest.substr(0, 4));
        i += 4;
        continue;
      }
    }
    const bool c0_or_del = n == 1 && ((c < 0x20 && !(c == '\n' && options.keep_newlines)) || c == 0x7F);
    const bool c1 = n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0;  // U+0080..U+009F
    if (c0_or_del || c1) {
      const unsigned code = c1 ? static_cast<unsigned char>(s[i + 1]) : c;
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[code >> 4];
      out += kHex[code & 0xF];
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

size_t FindAnchored(std::string_view hay, std::string_view needle, size_t anchor) {
  if (hay.size() < needle.size()) return std::string_view::npos;
  const char* p = hay.data() + anchor;
  const char* const last = hay.data() + hay.size() - (needle.size() - anchor - 1);
  while (p < last) {
    p = static_cast<const char*>(std::memchr(p, needle[anchor], static_cast<size_t>(last - p)));
    if (p == nullptr) return std::string_view::npos;
    if (std::memcmp(p - anchor, needle.data(), needle.size()) == 0) return static_cast<size_t>(p - anchor - hay.data());
    ++p;
  }
  return std::string_view::npos;
}

size_t RFindAnchored(std::string_view hay, std::string_view needle, size_t anchor) {
  if (hay.size() < needle.size()) return std::string_view::npos;
  // Hits at [anchor, end) leave room for the needle on both sides.
  size_t end = hay.size() - (needle.size() - anchor - 1);
  while (end > anchor) {
    const auto* q = static_cast<const char*>(memrchr(hay.data() + anchor, needle[anchor], end - anchor));
    if (q == nullptr) return std::string_view::npos;
    const auto at = static_cast<size_t>(q - hay.data());
    if (std::memcmp(q - anchor, needle.data(), needle.size()) == 0) return at - anchor;
    end = at;
  }
  return std::string_view::npos;
}

}  // namespace oscm
