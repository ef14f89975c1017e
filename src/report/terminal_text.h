// Text for terminals: display width (CJK characters take two columns, ANSI colour sequences none),
// cutting lines to a width, and wrapping a paragraph under a hanging indent. Pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace oscm::report {

size_t DisplayWidth(std::string_view text);

// Every line of `text` no wider than `columns`: longer ones are cut and end in "…" (colour
// sequences are kept whole). columns == 0: unchanged.
std::string FitLines(std::string_view text, size_t columns);

// `text` wrapped at spaces to lines of at most `columns` (0: one line), the first line after
// `first_width` columns already used, the following ones indented by `indent` spaces.
std::string WrapHanging(std::string_view text, size_t first_width, size_t indent, size_t columns);

struct TextColumn {
  std::string header;
  bool right = false;     // right-aligned (numbers)
  bool optional = false;  // left out, rightmost first, when the table would be wider than allowed
};

// An aligned table: the header (in bold when `bold` is given), then the rows, columns two spaces
// apart and padded by display width. With max_width > 0, optional columns are left out until the
// table fits (the caller cuts what is still too wide with FitLines).
std::string RenderTextTable(const std::vector<TextColumn>& columns, const std::vector<std::vector<std::string>>& rows,
                            size_t max_width, const char* bold = "", const char* reset = "");

}  // namespace oscm::report
