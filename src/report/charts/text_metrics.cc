#include "report/charts/text_metrics.h"

#include <cstdint>

namespace oscm::report {
namespace {

// Advance widths in 1/1000 em of U+0020..U+007E, measured from Noto Sans CJK SC with cairo
// (hinting off).
constexpr uint16_t kRegular[95] = {
    224, 323, 474, 555, 555, 921, 680, 278, 338, 338, 467, 555, 278, 347, 278, 392,  //
    555, 555, 555, 555, 555, 555, 555, 555, 555, 555, 278, 278, 555, 555, 555, 474,  //
    946, 608, 657, 638, 688, 589, 552, 689, 728, 293, 535, 646, 543, 812, 723, 742,  //
    633, 742, 635, 596, 599, 721, 575, 878, 573, 531, 603, 338, 392, 338, 555, 559,  //
    606, 563, 618, 510, 620, 554, 325, 564, 607, 275, 275, 552, 284, 926, 610, 606,  //
    620, 620, 388, 468, 377, 607, 521, 802, 498, 521, 475, 338, 270, 338, 555};
constexpr uint16_t kBold[95] = {
    227,  370, 574, 590, 590, 963, 740, 325, 378, 378, 507, 590, 325, 370, 325, 387,  //
    590,  590, 590, 590, 590, 590, 590, 590, 590, 590, 325, 325, 590, 590, 590, 514,  //
    1007, 641, 681, 656, 714, 615, 585, 717, 757, 330, 568, 686, 578, 853, 749, 770,  //
    667,  770, 682, 624, 625, 748, 619, 915, 627, 580, 613, 378, 387, 378, 590, 567,  //
    626,  591, 644, 527, 644, 581, 372, 597, 640, 304, 306, 604, 315, 964, 641, 626,  //
    644,  644, 436, 495, 421, 637, 576, 863, 562, 574, 511, 378, 296, 378, 590};

bool IsFullWidth(uint32_t c) {
  // Noto Sans CJK draws some Latin-1 and general punctuation full width too: · × ‘ ’ “ ” • ‥ …
  if (c == 0xB7 || c == 0xD7 || (c >= 0x2018 && c <= 0x201F) || c == 0x2022 || c == 0x2025 ||
      c == 0x2026) {
    return true;
  }
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2190 && c <= 0x21FF) ||  // jamo, arrows
         (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||  // CJK, kana, hangul
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
         (c >= 0x20000 && c <= 0x3FFFD);
}

// Decodes one UTF-8 sequence at `s[i]`, advancing `i`; an ill-formed byte decodes as U+FFFD.
uint32_t NextCodePoint(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + static_cast<size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  uint32_t c = len == 1 ? b0 : b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += static_cast<size_t>(len);
  return c;
}

// Advance of one code point in 1/1000 em.
double Units(uint32_t c, FontWeight weight) {
  if (c >= 0x20 && c < 0x7F) return (weight == FontWeight::kBold ? kBold : kRegular)[c - 0x20];
  if (IsFullWidth(c)) return 1000;
  if (c >= 0x20) return weight == FontWeight::kBold ? 640 : 610;
  return 0;  // control characters are dropped on output
}

}  // namespace

double TextWidth(std::string_view text, double font_size, FontWeight weight) {
  double units = 0;
  for (size_t i = 0; i < text.size();) units += Units(NextCodePoint(text, i), weight);
  return units * font_size / 1000.0;
}

std::string FitText(std::string_view text, double max_width, double font_size, FontWeight weight) {
  if (TextWidth(text, font_size, weight) <= max_width) return std::string(text);
  const double budget = max_width * 1000.0 / font_size - Units(0x2026, weight);
  double units = 0;
  size_t end = 0;
  for (size_t i = 0; i < text.size();) {
    units += Units(NextCodePoint(text, i), weight);
    if (units > budget) break;
    end = i;
  }
  return std::string(text.substr(0, end)) + "…";
}

std::vector<std::string> WrapText(std::string_view text, double max_width, double font_size,
                                  FontWeight weight, size_t max_lines) {
  std::vector<std::string> lines;
  std::string line;
  auto width = [&](std::string_view s) { return TextWidth(s, font_size, weight); };
  auto push = [&](std::string l) {
    while (!l.empty() && l.back() == ' ') l.pop_back();
    lines.push_back(std::move(l));
  };
  size_t i = 0;
  while (i < text.size()) {
    // The next word and the spaces before it.
    size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(i, end - i);
    const std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
    if (width(candidate) <= max_width) {
      line = candidate;
    } else if (!line.empty() && width(word) <= max_width) {
      push(std::move(line));
      line = std::string(word);
    } else {
      // A word wider than a line (or a run of Chinese): as many characters as fit, then the rest.
      std::string rest = line.empty() ? std::string(word) : line + " " + std::string(word);
      while (width(rest) > max_width) {
        size_t cut = 0;
        for (size_t k = 0; k < rest.size();) {
          size_t next = k + 1;
          while (next < rest.size() && (static_cast<unsigned char>(rest[next]) & 0xC0) == 0x80) ++next;
          if (width(std::string_view(rest).substr(0, next)) > max_width) break;
          cut = next;
          k = next;
        }
        if (cut == 0) cut = 1;
        push(rest.substr(0, cut));
        rest = rest.substr(cut);
        while (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
      }
      line = rest;
    }
    i = end;
    while (i < text.size() && text[i] == ' ') ++i;
  }
  if (!line.empty() || lines.empty()) push(std::move(line));
  if (max_lines > 0 && lines.size() > max_lines) {
    // What is left joined to the last line is wider than a line (the wrap moved it on), so
    // fitting it ends the last line in "…".
    std::string tail = lines[max_lines - 1];
    for (size_t k = max_lines; k < lines.size(); ++k) tail += " " + lines[k];
    lines.resize(max_lines);
    lines.back() = FitText(tail, max_width, font_size, weight);
  }
  return lines;
}

}  // namespace oscm::report
