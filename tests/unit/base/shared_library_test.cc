#include "base/shared_library.h"

#include <gtest/gtest.h>

#include <cstring>

namespace oscm {
namespace {

TEST(SharedLibraryTest, FindsAFunctionOfALoadedLibrary) {
  auto libc = SharedLibrary::Open("libc.so.6");
  ASSERT_TRUE(libc.has_value()) << libc.error().message();
  decltype(&std::strlen) strlen_fn = nullptr;
  ASSERT_TRUE(libc->Find("strlen", &strlen_fn).ok());
  EXPECT_EQ(strlen_fn("oscm"), 4u);
}

// What a user meets when a library oscm loads on first use is missing: one line naming it.
TEST(SharedLibraryTest, AMissingLibraryOrSymbolIsNamedOnOneLine) {
  auto missing = SharedLibrary::Open("liboscm-no-such-library.so.0");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), StatusCode::kUnsupported);
  EXPECT_NE(missing.error().message().find("liboscm-no-such-library.so.0"), std::string::npos) << missing.error().message();
  EXPECT_EQ(missing.error().message().find('\n'), std::string::npos);

  auto libc = SharedLibrary::Open("libc.so.6");
  ASSERT_TRUE(libc.has_value());
  void (*fn)() = nullptr;
  const Status s = libc->Find("oscm_no_such_symbol", &fn);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_EQ(s.message(), "libc.so.6: no symbol oscm_no_such_symbol");
  EXPECT_EQ(fn, nullptr);
}

}  // namespace
}  // namespace oscm
