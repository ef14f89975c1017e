#include "base/buffer_pool.h"

#include <sys/mman.h>

#include <mutex>
#include <new>
#include <vector>

// GCC says __SANITIZE_ADDRESS__; clang 14 only answers __has_feature.
#if defined(__SANITIZE_ADDRESS__)
#define OSCM_BUFFERS_FROM_HEAP 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OSCM_BUFFERS_FROM_HEAP 1
#endif
#endif

namespace oscm {
namespace {

struct Pool {
  std::mutex mu;
  std::vector<std::pair<char*, size_t>> free;  // buffers of any size, reused for their size
};

Pool& SharedPool() {
  static Pool* pool = new Pool();  // never destroyed: buffers may come back during exit
  return *pool;
}

}  // namespace

PooledBuffer::PooledBuffer(size_t size) {
  if (size == 0) return;
  Pool& pool = SharedPool();
  {
    std::lock_guard<std::mutex> lock(pool.mu);
    for (auto it = pool.free.begin(); it != pool.free.end(); ++it) {
      if (it->second == size) {
        data_ = it->first;
        size_ = size;
        pool.free.erase(it);
        return;
      }
    }
  }
#if defined(OSCM_BUFFERS_FROM_HEAP)
  // From the heap, so that AddressSanitizer sees a read past the end (a mapping ends on a page).
  data_ = new char[size];
#else
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();  // out of memory: the one exception oscm lets fly
  data_ = static_cast<char*>(p);
#endif
  size_ = size;
}

PooledBuffer::~PooledBuffer() {
  if (size_ == 0) return;
  Pool& pool = SharedPool();
  std::lock_guard<std::mutex> lock(pool.mu);
  pool.free.emplace_back(data_, size_);
}

}  // namespace oscm
