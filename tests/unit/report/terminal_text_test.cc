#include "report/terminal_text.h"

#include <gtest/gtest.h>

#include "report/html_report.h"

namespace oscm::report {
namespace {

TEST(TerminalTextTest, DisplayWidthCountsCjkTwiceAndColourNever) {
  EXPECT_EQ(DisplayWidth("tikv"), 4u);
  EXPECT_EQ(DisplayWidth("结晶期"), 6u);
  EXPECT_EQ(DisplayWidth("\x1b[1mtikv\x1b[0m"), 4u);
  EXPECT_EQ(DisplayWidth("Erreur à"), 8u);
}

TEST(TerminalTextTest, FitLinesCutsOnlyWhatIsTooWide) {
  EXPECT_EQ(FitLines("short\nabcdefghij\n", 6), "short\nabcde…\n");
  EXPECT_EQ(FitLines("结晶期结晶期\n", 7), "结晶期…\n") << "a wide character is not split";
  EXPECT_EQ(FitLines("anything", 0), "anything");
  EXPECT_EQ(FitLines("\x1b[1mabcdefgh\x1b[0m", 5), "\x1b[1mabcd…\x1b[0m") << "colour is reset after a cut";
}

TEST(TerminalTextTest, WrapHangingIndentsContinuationLines) {
  EXPECT_EQ(WrapHanging("one two three four", 10, 10, 24), "one two three\n          four");
  EXPECT_EQ(WrapHanging("one two", 10, 10, 0), "one two");
}

TEST(TerminalTextTest, TableAlignsAndDropsOptionalColumns) {
  const std::vector<TextColumn> cols = {{"name"}, {"score", true}, {"note", false, true}};
  const std::vector<std::vector<std::string>> rows = {{"tikv", "58.1", "a long note"}, {"结晶", "9.0", "x"}};
  EXPECT_EQ(RenderTextTable(cols, rows, 0), "name  score  note\ntikv   58.1  a long note\n结晶    9.0  x\n");
  EXPECT_EQ(RenderTextTable(cols, rows, 14), "name  score\ntikv   58.1\n结晶    9.0\n");
}

// A narrow terminal shortens labels (names, then the headers over numbers), never the numbers.
TEST(TerminalTextTest, NarrowTablesShortenLabelsNotNumbers) {
  const std::vector<TextColumn> cols = {{"community", false, false}, {"stage", false, false},
                                        {"popularity", true, false}, {"commercial", true, false}};
  const std::vector<std::vector<std::string>> rows = {{"opengauss-mirror/openGauss-server", "crystallization", "58.1", "46.0"},
                                                      {"矩阵起源 MatrixOne", "development", "100.0", "2.5"}};
  for (const size_t width : {60u, 44u, 36u}) {
    const std::string table = RenderTextTable(cols, rows, width);
    SCOPED_TRACE(table);
    for (const char* number : {" 58.1", " 46.0", " 100.0", " 2.5"}) EXPECT_NE(table.find(number), std::string::npos) << number;
    size_t start = 0;
    for (size_t end = table.find('\n'); end != std::string::npos; start = end + 1, end = table.find('\n', start)) {
      EXPECT_LE(DisplayWidth(std::string_view(table).substr(start, end - start)), width);
    }
  }
  const std::string narrow = RenderTextTable(cols, rows, 36);
  EXPECT_NE(narrow.find("…"), std::string::npos);
  EXPECT_EQ(narrow.find("opengauss-mirror/openGauss-server"), std::string::npos);
}

TEST(HtmlEscapeTest, EscapesMarkup) {
  EXPECT_EQ(HtmlEscape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
}

}  // namespace
}  // namespace oscm::report
