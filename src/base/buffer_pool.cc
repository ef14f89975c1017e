#include "base/buffer_pool.h"

#include <mutex>

namespace oscm {
namespace {

struct Pool {
  std::mutex mu;
  std::vector<std::vector<char>> free;  // buffers of any size, reused for their size
};

Pool& SharedPool() {
  static Pool* pool = new Pool();  // never destroyed: buffers may come back during exit
  return *pool;
}

}  // namespace

PooledBuffer::PooledBuffer(size_t size) {
  Pool& pool = SharedPool();
  {
    std::lock_guard<std::mutex> lock(pool.mu);
    for (auto it = pool.free.begin(); it != pool.free.end(); ++it) {
      if (it->size() == size) {
        bytes_ = std::move(*it);
        pool.free.erase(it);
        return;
      }
    }
  }
  bytes_.resize(size);
}

PooledBuffer::~PooledBuffer() {
  if (bytes_.empty()) return;
  Pool& pool = SharedPool();
  std::lock_guard<std::mutex> lock(pool.mu);
  pool.free.push_back(std::move(bytes_));
}

}  // namespace oscm
