#include "base/strings.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace oscm {
namespace {

using std::string_literals::operator""s;

TEST(StringsTest, AsciiLower) {
  EXPECT_EQ(AsciiLower("Hello World-123 [BOT]"), "hello world-123 [bot]");
  EXPECT_EQ(AsciiLower(""), "");
  EXPECT_EQ(AsciiLower("@AZaz09"), "@azaz09");
  // Non-ASCII bytes are left alone (no locale-dependent folding).
  EXPECT_EQ(AsciiLower("\xC3\x84" "Bc"), "\xC3\x84" "bc");
}

TEST(StringsTest, Trim) {
  EXPECT_EQ(Trim("  abc  "), "abc");
  EXPECT_EQ(Trim("\t\r\n abc def \n\r\t"), "abc def");
  EXPECT_EQ(Trim("abc"), "abc");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim(" \t\r\n "), "");
  EXPECT_EQ(Trim("a"), "a");
  // Inner whitespace is kept.
  EXPECT_EQ(Trim(" a  b "), "a  b");
}

TEST(StringsTest, StartsEndsWithAndIEquals) {
  EXPECT_TRUE(StartsWith("release-1.2", "release-"));
  EXPECT_TRUE(StartsWith("abc", ""));
  EXPECT_FALSE(StartsWith("ab", "abc"));
  EXPECT_FALSE(StartsWith("Release", "release"));
  EXPECT_TRUE(EndsWith("dependabot[bot]", "[bot]"));
  EXPECT_TRUE(EndsWith("abc", ""));
  EXPECT_FALSE(EndsWith("bc", "abc"));
  EXPECT_TRUE(IEquals("Signed-Off-By", "signed-off-by"));
  EXPECT_TRUE(IEquals("", ""));
  EXPECT_FALSE(IEquals("abc", "abd"));
  EXPECT_FALSE(IEquals("abc", "abcd"));
}

TEST(StringsTest, SplitLines) {
  struct Case {
    std::string text;
    std::vector<std::string_view> lines;
  };
  const std::vector<Case> cases = {
      {"", {}},
      {"a", {"a"}},
      {"a\n", {"a"}},
      {"a\nb", {"a", "b"}},
      {"a\nb\n", {"a", "b"}},
      {"a\r\nb\r\n", {"a", "b"}},
      {"a\r\n\r\nb", {"a", "", "b"}},
      {"\n", {""}},
      {"\n\n", {"", ""}},
      {"a\n\nb\n\n", {"a", "", "b", ""}},
      {"mixed\r\nunix\nend", {"mixed", "unix", "end"}},
      // Only one trailing \r is part of the line ending.
      {"x\r\r\n", {"x\r"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(SplitLines(c.text), c.lines);
  }
}

TEST(StringsTest, IsValidUtf8) {
  struct Case {
    std::string text;
    bool valid;
  };
  const std::vector<Case> cases = {
      {"", true},
      {"plain ascii", true},
      {"\xE5\xBC\xA0\xE4\xB8\x89", true},                 // 张三
      {"\xE4\xB8\xAD\xE6\x96\x87 and \xE6\x97\xA5\xE6\x9C\xAC", true},
      {"caf\xC3\xA9", true},                              // café
      {"\xF0\x9F\x98\x80", true},                         // U+1F600
      {"\xF4\x8F\xBF\xBF", true},                         // U+10FFFF
      {"\xED\x9F\xBF", true},                             // U+D7FF, just below surrogates
      {"\xEE\x80\x80", true},                             // U+E000, just above
      {"nul\0inside"s, true},                             // NUL is ASCII
      {"\xC0\xAF", false},                                // overlong '/'
      {"\xC1\xBF", false},                                // overlong
      {"\xE0\x80\xAF", false},                            // overlong 3-byte
      {"\xF0\x80\x80\xAF", false},                        // overlong 4-byte
      {"\xED\xA0\x80", false},                            // high surrogate U+D800
      {"\xED\xBF\xBF", false},                            // low surrogate U+DFFF
      {"\xF4\x90\x80\x80", false},                        // above U+10FFFF
      {"\xF5\x80\x80\x80", false},
      {"\xFF", false},
      {"\x80", false},                                    // lone continuation byte
      {"\xE5\xBC", false},                                // truncated 3-byte at end
      {"\xE5\xBC" "a", false},                            // truncated 3-byte before ASCII
      {"\xF0\x9F\x98", false},                            // truncated 4-byte
      {"\xC3", false},                                    // truncated 2-byte
      {"ok \xE4\xB8\xAD then \xE4\xB8", false},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(IsValidUtf8(cases[i].text), cases[i].valid);
  }
}

TEST(StringsTest, SanitizeUtf8) {
  const std::string kFffd = "\xEF\xBF\xBD";
  struct Case {
    std::string in;
    std::string out;
  };
  const std::vector<Case> cases = {
      {"", ""},
      {"Alice", "Alice"},
      {"\xE5\xBC\xA0\xE4\xB8\x89", "\xE5\xBC\xA0\xE4\xB8\x89"},
      {"a\tb", "a\tb"},                         // tab is kept
      {"a\nb\rc", "abc"},                       // other control characters are dropped
      {"a\x01\x1F" "b", "ab"},
      {"x\0y"s, "xy"},
      {"\xFF", kFffd},
      {"a\xFF" "b", "a" + kFffd + "b"},
      {"\xC0\xAF", kFffd + kFffd},              // each ill-formed byte is replaced
      {"\xED\xA0\x80", kFffd + kFffd + kFffd},  // surrogate
      {"ab\xE5\xBC", "ab" + kFffd + kFffd},     // truncated sequence at the end
      {"caf\xC3\xA9 \x80", "caf\xC3\xA9 " + kFffd},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE(i);
    const std::string got = SanitizeUtf8(cases[i].in);
    EXPECT_EQ(got, cases[i].out);
    EXPECT_TRUE(IsValidUtf8(got));
  }
}

TEST(StringsTest, SanitizeIsIdempotentOnValidText) {
  const std::string s = "Jos\xC3\xA9 \xE5\xBC\xA0\tX";
  EXPECT_EQ(SanitizeUtf8(s), s);
  EXPECT_EQ(SanitizeUtf8(SanitizeUtf8("a\xFF\x01" "b")), SanitizeUtf8("a\xFF\x01" "b"));
}

TEST(StringsTest, EscapeControls) {
  const std::string kFffd = "\xEF\xBF\xBD";
  struct Case {
    std::string in;
    std::string out;
    EscapeOptions options;
  };
  const std::vector<Case> cases = {
      {"", "", {}},
      {"T\x1b[2J", "T\\u001b[2J", {}},  // clears the screen when raw
      {"\x1b]0;owned\x07", "\\u001b]0;owned\\u0007", {}},  // sets the window title when raw
      {"a\rb\tc\x7f" "d", "a\\u000db\\u0009c\\u007fd", {}},
      {"x\0y"s, "x\\u0000y", {}},
      {"\xC2\x9B" "2J \xC2\xA0", "\\u009b2J \xC2\xA0", {}},  // C1 CSI escaped; U+00A0 is text
      {"a\nb", "a\\u000ab", {}},
      {"a\nb", "a\nb", {.keep_newlines = true}},
      {"\x1b[1mName\x1b[0m", "\\u001b[1mName\\u001b[0m", {}},
      {"\x1b[1mName\x1b[0m\x1b[2J", "\x1b[1mName\x1b[0m\\u001b[2J", {.keep_styles = true}},
      {"\x1b[31m", "\\u001b[31m", {.keep_styles = true}},  // only oscm's own styles
      {"\xE5\xBC\xA0\xE4\xB8\x89 caf\xC3\xA9", "\xE5\xBC\xA0\xE4\xB8\x89 caf\xC3\xA9", {}},
      {"a\xFF" "b", "a" + kFffd + "b", {}},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(EscapeControls(cases[i].in, cases[i].options), cases[i].out);
  }
}

// FindAnchored and RFindAnchored answer as std::string_view::find and rfind, for every anchor,
// on random strings over a small alphabet (so that hits, near misses and overlaps are common)
// and at the edges: needle as long as the haystack, longer, at the very start and end.
TEST(StringsTest, AnchoredFindsAgreeWithFindAndRfind) {
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(state >> 33);
  };
  auto random_string = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += "ab\"_:"[next() % 5];
    return s;
  };
  for (int round = 0; round < 3000; ++round) {
    const std::string hay = random_string(next() % 40);
    const std::string needle = random_string(1 + next() % 5);
    for (size_t anchor = 0; anchor < needle.size(); ++anchor) {
      SCOPED_TRACE(hay + " / " + needle + " / " + std::to_string(anchor));
      EXPECT_EQ(FindAnchored(hay, needle, anchor), std::string_view(hay).find(needle));
      EXPECT_EQ(RFindAnchored(hay, needle, anchor), std::string_view(hay).rfind(needle));
    }
  }
  EXPECT_EQ(FindAnchored("\"type\":\"", "\"type\":\"", 3), 0u);
  EXPECT_EQ(RFindAnchored("x\"type\":\"", "\"type\":\"", 7), 1u);
  EXPECT_EQ(FindAnchored("ab", "abc", 2), std::string_view::npos);
  EXPECT_EQ(RFindAnchored("", "a", 0), std::string_view::npos);
}

}  // namespace
}  // namespace oscm
