#include "metrics/script_language.h"

#include <gtest/gtest.h>

namespace oscm::metrics {
namespace {

TEST(LanguageOfTextTest, ByScript) {
  EXPECT_EQ(LanguageOfText("panic when the region splits"), TextLanguage::kEnglish);
  EXPECT_EQ(LanguageOfText("执行计划缓存失效"), TextLanguage::kChinese);
  EXPECT_EQ(LanguageOfText("修复 TiKV 的 panic"), TextLanguage::kChinese) << "Chinese with product names";
  EXPECT_EQ(LanguageOfText("Support the `执行` keyword in the SQL parser for compatibility"), TextLanguage::kEnglish)
      << "code spans do not count";
  EXPECT_EQ(LanguageOfText("クエリが遅い"), TextLanguage::kOther) << "Japanese (kana)";
  EXPECT_EQ(LanguageOfText("Ошибка при запуске"), TextLanguage::kOther);
  EXPECT_EQ(LanguageOfText("Erreur à l'exécution"), TextLanguage::kEnglish) << "Latin script counts as English";
  EXPECT_EQ(LanguageOfText("1234 !!"), TextLanguage::kNone);
  EXPECT_EQ(LanguageOfText(""), TextLanguage::kNone);
  EXPECT_EQ(LanguageOfText("\xff\xfe broken"), TextLanguage::kEnglish) << "invalid UTF-8 is not a crash";
}

}  // namespace
}  // namespace oscm::metrics
