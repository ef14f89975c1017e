#include "report/charts/text_metrics.h"

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace oscm::report {
namespace {

// The family the metrics table describes must be installed (Debian fonts-noto-cjk) and cover CJK,
// or PNG and PDF charts would be drawn in another font than the one labels were placed for.
TEST(TextMetricsTest, ChartFontIsInstalledWithCjkCoverage) {
  FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>("Noto Sans CJK SC"));
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result;
  FcPattern* match = FcFontMatch(nullptr, pattern, &result);
  ASSERT_NE(match, nullptr);
  FcChar8* family = nullptr;
  FcCharSet* charset = nullptr;
  ASSERT_EQ(FcPatternGetString(match, FC_FAMILY, 0, &family), FcResultMatch);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(family)), "Noto Sans CJK SC");
  ASSERT_EQ(FcPatternGetCharSet(match, FC_CHARSET, 0, &charset), FcResultMatch);
  EXPECT_TRUE(FcCharSetHasChar(charset, 0x9886));  // 领
  EXPECT_TRUE(FcCharSetHasChar(charset, 0x6218));  // 战
  FcPatternDestroy(match);
  FcPatternDestroy(pattern);
}

// The estimate agrees with cairo's measurement of the real font within 1.5%.
TEST(TextMetricsTest, AgreesWithTheInstalledFont) {
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4), cairo_surface_destroy);
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
  std::unique_ptr<cairo_font_options_t, decltype(&cairo_font_options_destroy)> options(
      cairo_font_options_create(), cairo_font_options_destroy);
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options(cr.get(), options.get());
  const char* samples[] = {"TiDB",
                           "Apache ShardingSphere",
                           "OceanBase 海量数据库",
                           "矩阵起源 MatrixOne",
                           "领导者",
                           "C→P +2 mo",
                           "Niche players",
                           "2026-09-01",
                           "WWW mmm iii",
                           "Model: default · as of 2026-09-01",
                           "“quoted” 2×3 …",
                           "Zürich Straße"};
  for (const FontWeight weight : {FontWeight::kRegular, FontWeight::kBold}) {
    cairo_select_font_face(
        cr.get(), "Noto Sans CJK SC", CAIRO_FONT_SLANT_NORMAL,
        weight == FontWeight::kBold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr.get(), 100);
    for (const char* s : samples) {
      cairo_text_extents_t e;
      cairo_text_extents(cr.get(), s, &e);
      EXPECT_NEAR(TextWidth(s, 100, weight), e.x_advance, e.x_advance * 0.015) << s;
    }
  }
}

TEST(TextMetricsTest, FitTextCutsAtCharacterBoundariesWithAnEllipsis) {
  EXPECT_EQ(FitText("TiDB", 100, 12), "TiDB");
  const std::string cut = FitText("分布式数据库 Distributed SQL", 60, 10);
  EXPECT_EQ(cut, "分布式数据…");  // five 10 px ideographs and a 10 px ellipsis
  EXPECT_LE(TextWidth(cut, 10), 60);
}

TEST(TextMetricsTest, CjkIsFullWidthAndScalesWithSize) {
  EXPECT_DOUBLE_EQ(TextWidth("领导者", 10), 30);
  EXPECT_DOUBLE_EQ(TextWidth("ab", 20), 2 * TextWidth("ab", 10));
  EXPECT_GT(TextWidth("Leaders", 12, FontWeight::kBold), TextWidth("Leaders", 12));
  EXPECT_DOUBLE_EQ(TextWidth("", 12), 0);
  EXPECT_GT(TextWidth("\xff", 12), 0);  // an ill-formed byte still takes room
}

TEST(TextMetricsTest, WrapTextBreaksAtSpacesAndInsideChinese) {
  const std::vector<std::string> en = WrapText("what a score could be given the missing evidence", 120, 12);
  ASSERT_GT(en.size(), 1u);
  std::string joined;
  for (const std::string& l : en) {
    EXPECT_LE(TextWidth(l, 12), 120) << l;
    EXPECT_NE(l.front(), ' ');
    EXPECT_NE(l.back(), ' ');
    joined += (joined.empty() ? "" : " ") + l;
  }
  EXPECT_EQ(joined, "what a score could be given the missing evidence");
  const std::vector<std::string> zh = WrapText("位置不确定：缺失的证据可能使其落入其他象限", 60, 12);
  ASSERT_GT(zh.size(), 2u);
  for (const std::string& l : zh) EXPECT_LE(TextWidth(l, 12), 60) << l;
  EXPECT_EQ(WrapText("", 100, 12), std::vector<std::string>{""});
  // At most two lines: the second ends in an ellipsis.
  const std::vector<std::string> two = WrapText("Feasibility and supporting services and more words", 100, 12, FontWeight::kRegular, 2);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[1].substr(two[1].size() - 3), "…");
}

}  // namespace
}  // namespace oscm::report
