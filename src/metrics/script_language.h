// The language a short text (an issue title) is written in, told by its script: Chinese (Han
// characters without Japanese kana), Latin script (taken as English: GitHub's Latin-script titles
// are overwhelmingly English), or another script. Code spans, URLs and digits do not count.
#pragma once

#include <cstdint>
#include <string_view>

namespace oscm::metrics {

enum class TextLanguage : uint8_t { kNone, kChinese, kEnglish, kOther };

TextLanguage LanguageOfText(std::string_view utf8);

}  // namespace oscm::metrics
