#include "report/terminal_text.h"

namespace oscm::report {
namespace {

// Bytes of the UTF-8 sequence starting with `c`.
size_t SequenceLength(unsigned char c) { return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1; }

// Columns of the character at s[i] (n bytes): East Asian wide characters take two.
size_t CharWidth(std::string_view s, size_t i, size_t n) {
  if (n < 3) return 1;
  uint32_t cp = n == 3 ? ((s[i] & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu)
                       : ((s[i] & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
  const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
                    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
  return wide ? 2 : 1;
}

// Length of an ANSI escape sequence at s[i], or 0.
size_t EscapeLength(std::string_view s, size_t i) {
  if (s[i] != '\x1b' || i + 1 >= s.size() || s[i + 1] != '[') return 0;
  size_t j = i + 2;
  while (j < s.size() && !(s[j] >= '@' && s[j] <= '~')) ++j;
  return j < s.size() ? j - i + 1 : s.size() - i;
}

}  // namespace

size_t DisplayWidth(std::string_view s) {
  size_t cols = 0;
  for (size_t i = 0; i < s.size();) {
    if (size_t e = EscapeLength(s, i)) {
      i += e;
      continue;
    }
    const size_t n = std::min(SequenceLength(static_cast<unsigned char>(s[i])), s.size() - i);
    cols += CharWidth(s, i, n);
    i += n;
  }
  return cols;
}

std::string FitLines(std::string_view text, size_t columns) {
  if (columns == 0) return std::string(text);
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    const bool newline = end != std::string_view::npos;
    if (!newline) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (DisplayWidth(line) <= columns) {
      out += line;
    } else {
      size_t cols = 0;
      for (size_t i = 0; i < line.size();) {
        if (size_t e = EscapeLength(line, i)) {
          out += line.substr(i, e);
          i += e;
          continue;
        }
        const size_t n = std::min(SequenceLength(static_cast<unsigned char>(line[i])), line.size() - i);
        const size_t w = CharWidth(line, i, n);
        if (cols + w > columns - 1) break;
        out += line.substr(i, n);
        cols += w;
        i += n;
      }
      out += "…";
      if (line.find('\x1b') != std::string_view::npos) out += "\x1b[0m";
    }
    if (newline) out += '\n';
    start = end + 1;
  }
  return out;
}

std::string WrapHanging(std::string_view text, size_t first_width, size_t indent, size_t columns) {
  if (columns == 0 || columns <= indent + 10) return std::string(text);
  std::string out;
  size_t used = first_width;
  size_t start = 0;
  bool first_word = true;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    const size_t w = DisplayWidth(word);
    if (!first_word && used + 1 + w > columns) {
      out += '\n' + std::string(indent, ' ');
      used = indent;
    } else if (!first_word) {
      out += ' ';
      ++used;
    }
    out += word;
    used += w;
    first_word = false;
    start = end + 1;
  }
  return out;
}

std::string RenderTextTable(const std::vector<TextColumn>& columns, const std::vector<std::vector<std::string>>& rows,
                            size_t max_width, const char* bold, const char* reset) {
  std::vector<size_t> widths(columns.size(), 0);
  for (size_t c = 0; c < columns.size(); ++c) {
    widths[c] = DisplayWidth(columns[c].header);
    for (const auto& row : rows) widths[c] = std::max(widths[c], DisplayWidth(row[c]));
  }
  std::vector<bool> shown(columns.size(), true);
  auto total = [&] {
    size_t t = 0;
    for (size_t c = 0; c < columns.size(); ++c) t += shown[c] ? widths[c] + 2 : 0;
    return t;
  };
  for (size_t c = columns.size(); max_width > 0 && total() > max_width && c-- > 0;) {
    if (columns[c].optional) shown[c] = false;
  }
  // Still too wide: labels give way, never numbers. First the headers of number columns down to
  // their values' width, then the text columns, widest first, down to kMinLabel columns; their
  // cells end in "…".
  constexpr size_t kMinLabel = 6;
  size_t excess = max_width > 0 && total() > max_width ? total() - max_width : 0;
  for (size_t c = 0; c < columns.size() && excess > 0; ++c) {
    if (!shown[c] || !columns[c].right) continue;
    size_t values = 3;
    for (const auto& row : rows) values = std::max(values, DisplayWidth(row[c]));
    const size_t cut = widths[c] > values ? std::min(excess, widths[c] - values) : 0;
    widths[c] -= cut;
    excess -= cut;
  }
  while (excess > 0) {
    size_t widest = columns.size();
    for (size_t c = 0; c < columns.size(); ++c) {
      if (shown[c] && !columns[c].right && widths[c] > kMinLabel && (widest == columns.size() || widths[c] > widths[widest])) {
        widest = c;
      }
    }
    if (widest == columns.size()) break;  // the caller's FitLines cuts the rest
    --widths[widest];
    --excess;
  }
  auto line = [&](auto cell) {
    std::string out;
    for (size_t c = 0; c < columns.size(); ++c) {
      if (!shown[c]) continue;
      std::string text = cell(c);
      if (DisplayWidth(text) > widths[c]) text = FitLines(text, widths[c]);
      const std::string pad(widths[c] - DisplayWidth(text), ' ');
      out += columns[c].right ? pad + text : text + pad;
      out += "  ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  std::string out = std::string(bold) + line([&](size_t c) { return columns[c].header; }) + reset + "\n";
  for (const auto& row : rows) out += line([&](size_t c) { return row[c]; }) + "\n";
  return out;
}

}  // namespace oscm::report
