// ParseToml: toml++ with errors that name file, line and column, and without the undefined
// behaviour toml++ 3.3 has on some characters where it tests for whitespace.
#include <gtest/gtest.h>

#include <string>

#include "base/toml_util.h"
#include "support/test_util.h"

namespace oscm {
namespace {

TEST(TomlUtilTest, CharactersTomlppMisreadsAreRefusedWithTheirPlace) {
  const std::pair<std::string, std::string> kCases[] = {
      // Outside strings and comments: invalid TOML anyway (toml++ reached "unreachable" on them).
      {"name = \"x\"\n\xC3\xA9 = 1\n", "t.toml:2:1: character U+00E9 outside a string or comment"},
      {"[pa\xE2\xB4\x80]\n", "t.toml:1:4: character U+2D00 outside a string or comment"},
      // Inside a malformed value toml++ scans on through quotes (found by fuzzing).
      {"nam=1*x\"ff\":\"clo\xD1\xA0\"\n", "t.toml:1:17: character U+0460 outside a string or comment"},
      {"nam=0*x<m.cfg[{\"num\xD2\x95\n", "t.toml:1:20: character U+0495 outside a string or comment"},
      {"pZ=9807<=\"\xCB\x9A\"=2\n", "t.toml:1:11: character U+02DA outside a string or comment"},
      {"a = 1 \xEF\xB8\x80\n", "t.toml:1:7: character U+FE00 outside a string or comment"},
      // The first character after a line-ending backslash, and after a backslash.
      {"a = \"\"\"one \\\n   \xD0\x81\"\"\"\n", "t.toml:2:4: character U+0401 right after a line-ending backslash"},
      {"a = \"\"\"\\\n\xEF\xBB\xBF\n\xEF\xB4\xBF\"\"\"\n", "t.toml:3:1: character U+FD3F right after a line-ending"},  // BOM is whitespace
      {"a = \"\"\"\\\xC3\xA9\"\"\"\n", "t.toml:1:9: character U+00E9 after a backslash"},
  };
  for (const auto& [text, want] : kCases) {
    auto t = ParseToml(text, "t.toml");
    ASSERT_FALSE(t.has_value()) << text;
    EXPECT_EQ(t.error().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(t.error().message().find(want), std::string::npos) << text << "\n-> " << t.error().message();
  }
}

TEST(TomlUtilTest, TheSameCharactersInStringsAndCommentsAreRead) {
  const std::string text =
      "# caf\xC3\xA9 \xE3\x80\x80 \xD0\x81\n"
      "name = \"Caf\xC3\xA9 \xD0\x81\xD0\xB6\"  # \xC3\xA9\n"
      "other = 'caf\xC3\xA9'\n"
      "long = \"\"\"caf\xC3\xA9\n\xD0\x81 \\\n   x\xC3\xA9\"\"\"\n"
      "lit = '''\n\xC3\xA9 '' \xD0\x81'''\n"
      "after = \"\xE2\xB4\x80\"\n"
      "list = [\"\xC3\xA9\",'\xC3\xA9', { k = \"\xC3\xA9\" }]\n"
      "\"quoted \xC3\xA9\" = 1\n"
      "nested = [[\"\xC3\xA9\"], [{k=\"\xC3\xA9\", \"\xC3\xA9\"=2}]]\n"
      "multi = [\n  1, # \xC3\xA9\n  \"\xC3\xA9\",\n]\n"
      "tight=\"\xC3\xA9\"\n"
      "[\"t\xC3\xA9\".x]\n"
      "k = \"\xC3\xA9\"\n";
  auto t = ParseToml(text, "t.toml");
  ASSERT_OK(t);
  EXPECT_EQ((*t)["name"].value_or(std::string()), "Caf\xC3\xA9 \xD0\x81\xD0\xB6");
  EXPECT_EQ((*t)["other"].value_or(std::string()), "caf\xC3\xA9");
  EXPECT_EQ((*t)["long"].value_or(std::string()), "caf\xC3\xA9\n\xD0\x81 x\xC3\xA9");
  EXPECT_EQ((*t)["lit"].value_or(std::string()), "\xC3\xA9 '' \xD0\x81");
  EXPECT_EQ((*t)["after"].value_or(std::string()), "\xE2\xB4\x80");
}

}  // namespace
}  // namespace oscm
