// PooledBuffer: a large byte buffer (a file's read or decompression chunk) taken from a
// process-wide pool and given back to it when destroyed, so that the chunks of one file are
// reused by the next, whichever thread reads it.
//
// Without the pool, every file's threads allocated their own multi-megabyte chunks; glibc keeps
// freed chunks of that size in the arena of the thread that freed them, and resident memory grew
// with the number of files (measured: 59, 68 and 74 MB for 8, 16 and 24 GH Archive hours). The
// pool holds at most what the most files read at once needed. New buffers are mapped with their
// pages already in place (MAP_POPULATE): on a VM a page fault costs microseconds, and touching a
// fresh 1 MiB buffer page by page took 256 of them. Thread-safe.
#pragma once

#include <cstddef>
#include <utility>

namespace oscm {

class PooledBuffer {
 public:
  PooledBuffer() = default;
  // A buffer of exactly `size` bytes, contents unspecified.
  explicit PooledBuffer(size_t size);
  ~PooledBuffer();
  PooledBuffer(PooledBuffer&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  PooledBuffer& operator=(PooledBuffer&& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    return *this;
  }
  PooledBuffer(const PooledBuffer&) = delete;
  PooledBuffer& operator=(const PooledBuffer&) = delete;

  char* data() { return data_; }
  const char* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  char* data_ = nullptr;  // owned through the pool: mapped once, never unmapped
  size_t size_ = 0;
};

}  // namespace oscm
