#include "report/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace oscm::report {
namespace {

// Writes the same nested document with any indentation.
std::string NestedDocument(int indent) {
  JsonWriter w(indent);
  w.BeginObject();
  w.Key("a");
  w.Int(1);
  w.Key("b");
  w.BeginArray();
  w.Int(1);
  w.String("x");
  w.BeginObject();
  w.EndObject();
  w.BeginArray();
  w.EndArray();
  w.EndArray();
  w.Key("c");
  w.BeginObject();
  w.Key("d");
  w.Null();
  w.Key("e");
  w.Bool(true);
  w.Key("f");
  w.Bool(false);
  w.Key("g");
  w.BeginArray();
  w.BeginObject();
  w.Key("h");
  w.Number(0.5, 2);
  w.EndObject();
  w.EndArray();
  w.EndObject();
  w.EndObject();
  return w.str();
}

TEST(JsonWriterTest, NestedDefaultIndent) {
  EXPECT_EQ(NestedDocument(2),
            "{\n"
            "  \"a\": 1,\n"
            "  \"b\": [\n"
            "    1,\n"
            "    \"x\",\n"
            "    {},\n"
            "    []\n"
            "  ],\n"
            "  \"c\": {\n"
            "    \"d\": null,\n"
            "    \"e\": true,\n"
            "    \"f\": false,\n"
            "    \"g\": [\n"
            "      {\n"
            "        \"h\": 0.50\n"
            "      }\n"
            "    ]\n"
            "  }\n"
            "}");
  JsonWriter defaulted;
  defaulted.BeginArray();
  defaulted.Int(1);
  defaulted.EndArray();
  EXPECT_EQ(defaulted.str(), "[\n  1\n]");
}

TEST(JsonWriterTest, NestedIndentFour) {
  EXPECT_EQ(NestedDocument(4),
            "{\n"
            "    \"a\": 1,\n"
            "    \"b\": [\n"
            "        1,\n"
            "        \"x\",\n"
            "        {},\n"
            "        []\n"
            "    ],\n"
            "    \"c\": {\n"
            "        \"d\": null,\n"
            "        \"e\": true,\n"
            "        \"f\": false,\n"
            "        \"g\": [\n"
            "            {\n"
            "                \"h\": 0.50\n"
            "            }\n"
            "        ]\n"
            "    }\n"
            "}");
}

TEST(JsonWriterTest, NestedCompact) {
  EXPECT_EQ(NestedDocument(0),
            "{\"a\":1,\"b\":[1,\"x\",{},[]],\"c\":{\"d\":null,\"e\":true,\"f\":false,"
            "\"g\":[{\"h\":0.50}]}}");
}

TEST(JsonWriterTest, EmptyContainers) {
  JsonWriter o;
  o.BeginObject();
  o.EndObject();
  EXPECT_EQ(o.str(), "{}");

  JsonWriter a;
  a.BeginArray();
  a.EndArray();
  EXPECT_EQ(a.str(), "[]");

  JsonWriter k;
  k.BeginObject();
  k.Key("empty_obj");
  k.BeginObject();
  k.EndObject();
  k.Key("empty_arr");
  k.BeginArray();
  k.EndArray();
  k.EndObject();
  EXPECT_EQ(k.str(), "{\n  \"empty_obj\": {},\n  \"empty_arr\": []\n}");
}

TEST(JsonWriterTest, TopLevelScalars) {
  JsonWriter s;
  s.String("hi");
  EXPECT_EQ(s.str(), "\"hi\"");
  JsonWriter i;
  i.Int(std::numeric_limits<int64_t>::min());
  EXPECT_EQ(i.str(), "-9223372036854775808");
  JsonWriter n;
  n.Null();
  EXPECT_EQ(n.str(), "null");
}

TEST(JsonWriterTest, JsonEscape) {
  struct Case {
    std::string in;
    std::string out;
  };
  const std::vector<Case> cases = {
      {"", "\"\""},
      {"plain", "\"plain\""},
      {"say \"hi\"", "\"say \\\"hi\\\"\""},
      {"C:\\path\\x", "\"C:\\\\path\\\\x\""},
      {"a\nb\rc\td", "\"a\\nb\\rc\\td\""},
      {"\x01", "\"\\u0001\""},
      {"\x1f|\x08|\x0c", "\"\\u001f|\\u0008|\\u000c\""},
      {std::string("nul\0x", 5), "\"nul\\u0000x\""},
      {"a/b", "\"a/b\""},                                       // '/' is not escaped
      {"\xE5\xBC\xA0\xE4\xB8\x89", "\"\xE5\xBC\xA0\xE4\xB8\x89\""},  // UTF-8 passes through
      {"\x7f", "\"\x7f\""},
  };
  for (size_t idx = 0; idx < cases.size(); ++idx) {
    SCOPED_TRACE(idx);
    EXPECT_EQ(JsonEscape(cases[idx].in), cases[idx].out);
  }
}

TEST(JsonWriterTest, KeysAndStringsAreEscaped) {
  JsonWriter w;
  w.BeginObject();
  w.Key("we\"ird\\key\x01");
  w.String("line1\nline2 \"q\"");
  w.EndObject();
  EXPECT_EQ(w.str(), "{\n  \"we\\\"ird\\\\key\\u0001\": \"line1\\nline2 \\\"q\\\"\"\n}");
}

TEST(JsonWriterTest, NumberFixedDecimals) {
  struct Case {
    double v;
    int decimals;
    std::string out;
  };
  const std::vector<Case> cases = {
      {1.5, 2, "1.50"},
      {0.123456, 4, "0.1235"},
      {2.0, 0, "2"},
      {100.0, 1, "100.0"},
      {-1.5, 1, "-1.5"},
      {-0.5, 1, "-0.5"},
      {-0.0, 4, "0.0000"},
      {-0.00001, 4, "0.0000"},  // rounds to zero: no negative zero
      {-0.04, 1, "0.0"},
      {-0.0, 0, "0"},
      {-10.0, 0, "-10"},
      {0.0, 3, "0.000"},
      {1e6, 2, "1000000.00"},
      {std::nan(""), 4, "null"},
      {std::numeric_limits<double>::infinity(), 2, "null"},
      {-std::numeric_limits<double>::infinity(), 2, "null"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.out);
    JsonWriter w;
    w.Number(c.v, c.decimals);
    EXPECT_EQ(w.str(), c.out);
  }
}

TEST(JsonWriterTest, NonFiniteInContainers) {
  JsonWriter w;
  w.BeginObject();
  w.Key("ratio");
  w.Number(std::nan(""), 4);
  w.Key("list");
  w.BeginArray();
  w.Number(1.0, 1);
  w.Number(std::numeric_limits<double>::quiet_NaN(), 1);
  w.Number(-0.0, 1);
  w.EndArray();
  w.EndObject();
  EXPECT_EQ(w.str(),
            "{\n"
            "  \"ratio\": null,\n"
            "  \"list\": [\n"
            "    1.0,\n"
            "    null,\n"
            "    0.0\n"
            "  ]\n"
            "}");
}

}  // namespace
}  // namespace oscm::report
