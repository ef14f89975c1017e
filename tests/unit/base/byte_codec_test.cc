#include "base/byte_codec.h"

#include <gtest/gtest.h>

#include <climits>

namespace oscm {
namespace {

TEST(ByteCodecTest, RoundTrip) {
  ByteWriter w;
  const int64_t ints[] = {0, 1, -1, 127, 128, -300, INT64_MAX, INT64_MIN};
  for (const int64_t v : ints) w.I64(v);
  w.U64(UINT64_MAX);
  w.Str("");
  w.Str(std::string("a\0b", 3));
  w.Bool(true);
  ByteReader r(w.data());
  for (const int64_t v : ints) {
    int64_t got = 0;
    ASSERT_TRUE(r.I64(&got));
    EXPECT_EQ(got, v);
  }
  uint64_t u = 0;
  ASSERT_TRUE(r.U64(&u));
  EXPECT_EQ(u, UINT64_MAX);
  std::string s = "x";
  ASSERT_TRUE(r.Str(&s));
  EXPECT_EQ(s, "");
  ASSERT_TRUE(r.Str(&s));
  EXPECT_EQ(s, std::string("a\0b", 3));
  bool b = false;
  ASSERT_TRUE(r.Bool(&b));
  EXPECT_TRUE(b);
  EXPECT_TRUE(r.AtCleanEnd());
}

TEST(ByteCodecErrorTest, TruncatedOrOverlongInputIsRefused) {
  ByteWriter w;
  w.Str("hello");
  const std::string bytes = w.data();
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    ByteReader r(std::string_view(bytes).substr(0, cut));
    std::string s;
    EXPECT_FALSE(r.Str(&s)) << cut;
    EXPECT_FALSE(r.AtCleanEnd());
  }
  const std::string longer_bytes = bytes + "!";
  ByteReader longer(longer_bytes);
  std::string s;
  EXPECT_TRUE(longer.Str(&s));
  EXPECT_FALSE(longer.AtCleanEnd());
  const std::string unending_bytes(11, '\xff');  // a varint that never ends
  ByteReader unending(unending_bytes);
  uint64_t u = 0;
  EXPECT_FALSE(unending.U64(&u));
}

}  // namespace
}  // namespace oscm
