// Text metrics for chart layout: a deterministic width estimate for a UTF-8 string.
//
// Charts place labels before any font is loaded (SVG is the source of truth and must be
// byte-identical on every machine), so widths come from a table instead of a font engine. The
// table holds the advance widths of Noto Sans CJK SC (Debian `fonts-noto-cjk`), the first family
// in kChartFontFamily and the font librsvg/cairo use for PNG and PDF; CJK ideographs, kana,
// hangul, full-width forms, arrows and the punctuation that font draws full width (· × “ ” …)
// are one em. Other characters use an average width.
// text_metrics_test checks the table against cairo's measurement of the installed font.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oscm::report {

// The font-family list every chart declares; the first entry is what the metrics describe.
inline constexpr std::string_view kChartFontFamily =
    "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',"
    "sans-serif";

enum class FontWeight { kRegular, kBold };

// Advance width of `text` at `font_size` pixels (no kerning; within about 1% of the real font).
double TextWidth(std::string_view text, double font_size, FontWeight weight = FontWeight::kRegular);

// `text` cut at a character boundary and ended with "…" so that it is at most `max_width` wide;
// `text` itself when it fits.
std::string FitText(std::string_view text, double max_width, double font_size,
                    FontWeight weight = FontWeight::kRegular);

// `text` broken into lines at most `max_width` wide: at spaces, and inside a word (between any two
// characters) only where the word alone is too wide, as Chinese text has no spaces. At most
// `max_lines` lines (0: no limit); the last one is cut with "…" when text is left over.
std::vector<std::string> WrapText(std::string_view text, double max_width, double font_size,
                                  FontWeight weight = FontWeight::kRegular, size_t max_lines = 0);

// Vertical extent of a line of text relative to its baseline, as fractions of the font size:
// ink of CJK ideographs and Latin descenders lies within [baseline - kTextAscent * size,
// baseline + kTextDescent * size].
inline constexpr double kTextAscent = 0.88;
inline constexpr double kTextDescent = 0.22;
// Offset from a line's vertical centre to its baseline, as a fraction of the font size.
inline constexpr double kTextCenterToBaseline = 0.33;

}  // namespace oscm::report
