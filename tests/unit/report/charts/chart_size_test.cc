#include "report/charts/chart_size.h"

#include <gtest/gtest.h>

#include "support/test_util.h"

namespace oscm::report {
namespace {

TEST(ChartSizeTest, PresetsAreSlideCanvases) {
  auto size = ParseChartSize("16:9");
  ASSERT_OK(size);
  EXPECT_TRUE(size->preset);
  const Canvas c = ChartCanvas(*size, ChartFormat::kPng);
  EXPECT_EQ(c.width, 1280);
  EXPECT_EQ(c.height, 720);
  // A full-HD PNG, a 10 x 5.625 inch PDF page (PowerPoint's 16:9 slide), an SVG at canvas size.
  const ChartFileOptions png = ChartFileOptionsFor(*size, ChartFormat::kPng);
  EXPECT_EQ(png.width, 1920);
  EXPECT_EQ(png.height, 1080);
  const ChartFileOptions pdf = ChartFileOptionsFor(*size, ChartFormat::kPdf);
  EXPECT_EQ(pdf.width, 960);
  EXPECT_EQ(pdf.height, 540);
  EXPECT_EQ(ChartFileOptionsFor(*size, ChartFormat::kSvg).width, 1280);
  EXPECT_EQ(ChartCanvas(*ParseChartSize("4:3"), ChartFormat::kSvg).width, 960);
  EXPECT_EQ(ChartCanvas(*ParseChartSize("1:1"), ChartFormat::kSvg).width, 720);
  EXPECT_EQ(ChartCanvas(*ParseChartSize("1:1"), ChartFormat::kSvg).height, 720);
}

TEST(ChartSizeTest, PixelSizesKeepTheirAspectOnAReadableCanvas) {
  auto hd = ParseChartSize("1920x1080");
  ASSERT_OK(hd);
  EXPECT_FALSE(hd->preset);
  // The drawing of 16:9, scaled to the file: text neither tiny on a 4K image nor crowded on a
  // small one.
  for (const char* text : {"1920x1080", "3840x2160"}) {
    const Canvas c = ChartCanvas(*ParseChartSize(text), ChartFormat::kPng);
    EXPECT_EQ(c.width, 1280) << text;
    EXPECT_EQ(c.height, 720) << text;
  }
  // A small image is drawn on a canvas at least 600 px high and scaled down.
  const Canvas small = ChartCanvas(*ParseChartSize("640x360"), ChartFormat::kPng);
  EXPECT_EQ(small.height, 600);
  EXPECT_EQ(small.width, 1067);
  const ChartFileOptions o = ChartFileOptionsFor(*hd, ChartFormat::kPng);
  EXPECT_EQ(o.width, 1920);
  EXPECT_EQ(o.height, 1080);
  // Between 600 and 720 the short side is kept as asked.
  const Canvas c = ChartCanvas(*ParseChartSize("1000x650"), ChartFormat::kSvg);
  EXPECT_EQ(c.width, 1000);
  EXPECT_EQ(c.height, 650);
  // PDF sizes are points: 540 pt is 720 px.
  const Canvas pdf = ChartCanvas(*ParseChartSize("540x540"), ChartFormat::kPdf);
  EXPECT_EQ(pdf.width, 720);
  EXPECT_EQ(ChartFileOptionsFor(*ParseChartSize("540x540"), ChartFormat::kPdf).width, 540);
}

TEST(ChartSizeTest, BadSizesAreNamed) {
  for (const auto& [text, message] :
       {std::pair{"16x9x2", "expected 16:9, 4:3, 1:1 or WIDTHxHEIGHT"}, std::pair{"big", "expected 16:9"},
        std::pair{"3:2", "expected 16:9"}, std::pair{"x100", "expected"}, std::pair{"-5x100", "100 to 20000"},
        std::pair{"50x50", "100 to 20000"}, std::pair{"30000x20000", "100 to 20000"},
        std::pair{"2000x300", "at most 3:1"}}) {
    auto size = ParseChartSize(text);
    ASSERT_FALSE(size.has_value()) << text;
    EXPECT_EQ(size.error().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(size.error().message().find(message), std::string::npos) << text << ": " << size.error().message();
    EXPECT_NE(size.error().message().find(std::string("'") + text + "'"), std::string::npos);
  }
}

}  // namespace
}  // namespace oscm::report
