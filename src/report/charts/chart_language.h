// The fixed words charts print (legends, stage and ring names, captions) in English or Chinese.
// Words that come from data or from the model file (community names, quadrant labels, axis
// titles) are passed in by the caller instead. Pure functions; thread-safe.
#pragma once

#include <string_view>

namespace oscm::report {

enum class ChartLanguage { kEnglish, kChinese };

// `english` or `chinese` by language; for one-off phrases in chart code.
inline std::string_view Localized(ChartLanguage lang, std::string_view english,
                                  std::string_view chinese) {
  return lang == ChartLanguage::kChinese ? chinese : english;
}

// Lifecycle stage 0..3: trigger 触发期, development 发展期, crystallization 结晶期, popularity
// 流行期.
std::string_view StageName(int stage, ChartLanguage lang);

}  // namespace oscm::report
