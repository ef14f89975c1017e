#include "report/charts/svg_writer.h"

#include <gtest/gtest.h>

namespace oscm::report {
namespace {

TEST(SvgWriterTest, EscapesMarkupAndDropsControlCharacters) {
  EXPECT_EQ(XmlEscape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(XmlEscape("a&b \"c\" 'd'"), "a&amp;b &quot;c&quot; &#39;d&#39;");
  EXPECT_EQ(XmlEscape(std::string("x\x01y\x1b") + "z\tw"), "xyz\tw");
  EXPECT_EQ(XmlEscape("领导者 Leaders"), "领导者 Leaders");
}

TEST(SvgWriterTest, NumbersAreShortAndStable) {
  const struct {
    double v;
    const char* expected;
  } cases[] = {{12, "12"},     {12.5, "12.5"},   {1.0 / 3, "0.33"}, {-0.001, "0"},
               {-4.1, "-4.1"}, {1e6, "1000000"}, {2.675, "2.67"}};
  for (const auto& c : cases) EXPECT_EQ(SvgNumber(c.v), c.expected) << c.v;
}

TEST(SvgWriterTest, TextFromDataCannotBecomeMarkup) {
  SvgWriter svg(100, 50, "</title><script>x</script>");
  svg.Text(1, 2, "<script>alert(1)</script>", {});
  svg.TextCentered(1, 2, "\"><g onload=\"x", {.anchor = TextAnchor::kMiddle});
  const std::string out = svg.Finish();
  EXPECT_EQ(out.find("<script"), std::string::npos) << out;
  EXPECT_EQ(out.find("<g onload"), std::string::npos) << out;
  EXPECT_NE(out.find("<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(">&lt;script&gt;alert(1)&lt;/script&gt;</text>"), std::string::npos) << out;
}

TEST(SvgWriterTest, WritesPrimitives) {
  SvgWriter svg(10, 10, "t");
  svg.BeginGroup("g1");
  svg.Rect(
      1, 2, 3, 4,
      {.fill = "#ff0000", .stroke = "#000000", .stroke_width = 0.5, .dash = "2 1", .opacity = 0.5});
  svg.Path(PathData().MoveTo({0, 0}).LineTo({1.25, 2}).ArcTo(3, true, false, {4, 5}).Close(),
           {.stroke = "#00ff00"});
  svg.EndGroup();
  EXPECT_EQ(svg.Finish(),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" viewBox=\"0 0 10 "
            "10\" font-family=\"" +
                std::string(kChartFontFamily) +
                "\">\n<title>t</title>\n<rect width=\"10\" height=\"10\" fill=\"#ffffff\"/>\n<g "
                "class=\"g1\">\n"
                "<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\" fill=\"#ff0000\" "
                "stroke=\"#000000\" stroke-width=\"0.5\" "
                "stroke-dasharray=\"2 1\" opacity=\"0.5\"/>\n"
                "<path d=\"M 0 0 L 1.25 2 A 3 3 0 1 0 4 5 Z\" fill=\"none\" stroke=\"#00ff00\" "
                "stroke-width=\"1\"/>\n"
                "</g>\n</svg>\n");
}

TEST(SvgWriterTest, ArrowHeadEndsAtTheTip) {
  const std::vector<Point> head = ArrowHead({10, 0}, {1, 0}, 4, 2);
  ASSERT_EQ(head.size(), 3u);
  EXPECT_DOUBLE_EQ(head[0].x, 10);
  EXPECT_DOUBLE_EQ(head[1].x, 6);
  EXPECT_DOUBLE_EQ(head[2].x, 6);
  EXPECT_DOUBLE_EQ(std::abs(head[1].y - head[2].y), 4);
}

}  // namespace
}  // namespace oscm::report
