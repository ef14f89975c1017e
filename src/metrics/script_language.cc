#include "metrics/script_language.h"

namespace oscm::metrics {

TextLanguage LanguageOfText(std::string_view s) {
  int64_t han = 0, kana = 0, latin = 0, other = 0;
  bool in_code = false;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    uint32_t cp = c;
    size_t n = 1;
    if (c >= 0xF0 && i + 3 < s.size()) {
      cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
      n = 4;
    } else if (c >= 0xE0 && i + 2 < s.size()) {
      cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
      n = 3;
    } else if (c >= 0xC0 && i + 1 < s.size()) {
      cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
      n = 2;
    }
    i += n;
    if (cp == '`') in_code = !in_code;  // identifiers in code spans say nothing about the writer
    if (in_code) continue;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
      ++latin;
    } else if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)) {
      ++han;
    } else if (cp >= 0x3040 && cp <= 0x30FF) {
      ++kana;
    } else if (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && cp <= 0x24F) {
      ++latin;  // accented Latin letters
    } else if ((cp >= 0x370 && cp <= 0x1FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF)) {
      ++other;  // Greek, Cyrillic, Arabic, Indic..., Hangul
    }
  }
  if (kana > 0) return TextLanguage::kOther;  // Japanese mixes kana with Han
  // One Han character weighs about as much as a Latin word: "修复 TiKV panic" is Chinese.
  if (han > 0 && han * 3 >= latin / 2) return TextLanguage::kChinese;
  if (other > latin) return TextLanguage::kOther;
  return latin > 0 ? TextLanguage::kEnglish : TextLanguage::kNone;
}

}  // namespace oscm::metrics
