#include "base/buffer_pool.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace oscm {
namespace {

// A buffer given back is the one the next request of its size gets, on any thread: that reuse is
// what keeps resident memory flat across files.
TEST(PooledBufferTest, GivenBackBuffersAreReusedForTheirSize) {
  const size_t size = (size_t{3} << 20) + 17;  // a size no other test asks for
  const char* first = nullptr;
  {
    PooledBuffer a(size);
    ASSERT_EQ(a.size(), size);
    first = a.data();
  }
  const char* on_thread = nullptr;
  std::thread([&] {
    PooledBuffer b(size);
    on_thread = b.data();
  }).join();
  EXPECT_EQ(on_thread, first);
  PooledBuffer c(size);
  PooledBuffer d(size);  // c holds the pooled one; d is new
  EXPECT_EQ(c.data(), first);
  EXPECT_NE(d.data(), first);
  PooledBuffer other(size + 1);
  EXPECT_EQ(other.size(), size + 1);
  EXPECT_NE(other.data(), first);
  // Moves hand the bytes over; the moved-from buffer is empty and gives nothing back.
  PooledBuffer moved(std::move(c));
  EXPECT_TRUE(c.empty());  // NOLINT(bugprone-use-after-move): the state after a move is specified
  EXPECT_EQ(moved.data(), first);
}

}  // namespace
}  // namespace oscm
