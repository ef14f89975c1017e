#include "report/charts/chart_file.h"

#include <cairo.h>
#include <gtest/gtest.h>

#include <memory>

#include "report/charts/svg_writer.h"
#include "support/test_util.h"

namespace oscm::report {
namespace {

using oscm::testing::TempDir;

std::string SampleSvg() {
  SvgWriter svg(200, 100, "sample");
  svg.Rect(10, 10, 50, 30, {.fill = "#1f63b5"});
  svg.Text(70, 60, "领导者 <Leaders>", {.size = 20});
  return svg.Finish();
}

// Pixels of the PNG at `path` that are not (near) white; -1 if it cannot be read.
struct PngInfo {
  int width = -1;
  int height = -1;
  int ink = -1;  // pixels clearly darker than white
};
PngInfo ReadPng(const std::string& path) {
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> s(
      cairo_image_surface_create_from_png(path.c_str()), cairo_surface_destroy);
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) return {};
  PngInfo info{cairo_image_surface_get_width(s.get()), cairo_image_surface_get_height(s.get()), 0};
  const int stride = cairo_image_surface_get_stride(s.get());
  const unsigned char* data = cairo_image_surface_get_data(s.get());
  for (int y = 0; y < info.height; ++y) {
    for (int x = 0; x < info.width; ++x) {
      const unsigned char* px = data + y * stride + x * 4;  // B G R A
      if (px[0] + px[1] + px[2] < 3 * 200) ++info.ink;
    }
  }
  return info;
}

TEST(ChartFileTest, FormatFromExtension) {
  EXPECT_EQ(*ChartFormatForPath("a/b.svg"), ChartFormat::kSvg);
  EXPECT_EQ(*ChartFormatForPath("b.PNG"), ChartFormat::kPng);
  EXPECT_EQ(*ChartFormatForPath("c.pdf"), ChartFormat::kPdf);
}

TEST(ChartFileTest, WritesSvgAsIs) {
  TempDir tmp;
  const std::string svg = SampleSvg();
  ASSERT_OK(WriteChartFile(svg, tmp.Sub("c.svg")));
  EXPECT_EQ(oscm::testing::ReadFile(tmp.Sub("c.svg")), svg);
}

TEST(ChartFileTest, PngHasScaledSizeAndInk) {
  TempDir tmp;
  ASSERT_OK(WriteChartFile(SampleSvg(), tmp.Sub("c.png")));
  const PngInfo png = ReadPng(tmp.Sub("c.png"));
  EXPECT_EQ(png.width, 400);
  EXPECT_EQ(png.height, 200);
  // The 50 x 30 rectangle alone is 6000 pixels at scale 2; text adds more.
  EXPECT_GT(png.ink, 6000 + 500);
  ASSERT_OK(WriteChartFile(SampleSvg(), tmp.Sub("c1.png"), {.png_scale = 1}));
  EXPECT_EQ(ReadPng(tmp.Sub("c1.png")).width, 200);
}

TEST(ChartFileTest, SizedFilesScaleTheDrawing) {
  TempDir tmp;
  ASSERT_OK(WriteChartFile(SampleSvg(), tmp.Sub("big.png"), {.width = 1000, .height = 500}));
  const PngInfo png = ReadPng(tmp.Sub("big.png"));
  EXPECT_EQ(png.width, 1000);
  EXPECT_EQ(png.height, 500);
  // The drawing fills it: 25 times the ink of a 1:1 rendering, roughly.
  ASSERT_OK(WriteChartFile(SampleSvg(), tmp.Sub("one.png"), {.png_scale = 1}));
  EXPECT_GT(png.ink, 20 * ReadPng(tmp.Sub("one.png")).ink);
  ASSERT_OK(WriteChartFile(SampleSvg(), tmp.Sub("slide.pdf"), {.width = 960, .height = 480}));
  EXPECT_NE(oscm::testing::ReadFile(tmp.Sub("slide.pdf")).find("/MediaBox [ 0 0 960 480 ]"), std::string::npos);
  // An SVG states the size and keeps its own coordinates in the viewBox.
  ASSERT_OK(WriteChartFile(SampleSvg(), tmp.Sub("sized.svg"), {.width = 600, .height = 300}));
  const std::string svg = oscm::testing::ReadFile(tmp.Sub("sized.svg"));
  EXPECT_NE(svg.find("width=\"600\" height=\"300\" viewBox=\"0 0 200 100\""), std::string::npos) << svg.substr(0, 200);
}

TEST(ChartFileTest, BlankSvgGivesBlankPng) {
  // The ink count above can fail: a document with nothing drawn has none.
  TempDir tmp;
  ASSERT_OK(WriteChartFile(SvgWriter(50, 20, "").Finish(), tmp.Sub("blank.png")));
  EXPECT_EQ(ReadPng(tmp.Sub("blank.png")).ink, 0);
}

TEST(ChartFileTest, PdfIsAPdfWithTheCjkFontEmbedded) {
  TempDir tmp;
  ASSERT_OK(WriteChartFile(SampleSvg(), tmp.Sub("c.pdf")));
  const std::string pdf = oscm::testing::ReadFile(tmp.Sub("c.pdf"));
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.find("NotoSansCJK"), std::string::npos) << "CJK font not embedded";
  EXPECT_NE(pdf.find("/MediaBox [ 0 0 150 75 ]"), std::string::npos)
      << "page is not 200 x 100 px at 0.75 pt/px";
}

TEST(ChartFileErrorTest, UnknownExtension) {
  TempDir tmp;
  const Status s = WriteChartFile(SampleSvg(), tmp.Sub("c.jpg"));
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("unknown chart format '.jpg' (use .svg, .png or .pdf)"),
            std::string::npos)
      << s.ToString();
  EXPECT_EQ(WriteChartFile(SampleSvg(), tmp.Sub("noext")).code(), StatusCode::kInvalidArgument);
}

TEST(ChartFileErrorTest, UnwritablePath) {
  TempDir tmp;
  for (const char* name : {"c.svg", "c.png", "c.pdf"}) {
    const std::string path = tmp.Sub("missing-dir/") + name;
    const Status s = WriteChartFile(SampleSvg(), path);
    EXPECT_EQ(s.code(), StatusCode::kIoError) << s.ToString();
    EXPECT_NE(s.message().find("cannot write " + path), std::string::npos) << s.ToString();
  }
}

TEST(ChartFileErrorTest, BrokenSvg) {
  TempDir tmp;
  EXPECT_EQ(WriteChartFile("<svg", tmp.Sub("c.png")).code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace oscm::report
