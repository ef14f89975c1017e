// BatchPipe<T>: a bounded single-producer, single-consumer queue of batches, for overlapping a
// reading stage with a writing stage on two threads.
//
// The producer calls Push for each item and Close when done (or Abort on failure); the consumer
// calls Pop until it returns false. Items travel in batches so that the lock is taken once per
// batch, not per item. Memory is bounded by max_batches * batch_size items.
// Thread-safety: one producer thread and one consumer thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <utility>
#include <vector>

namespace oscm {

template <typename T>
class BatchPipe {
 public:
  explicit BatchPipe(size_t batch_size = 256, size_t max_batches = 16)
      : batch_size_(batch_size), max_batches_(max_batches) {}

  // Producer. Returns false when the consumer has stopped; the producer should then stop too.
  bool Push(T item) {
    pending_.push_back(std::move(item));
    if (pending_.size() < batch_size_) return true;
    return Flush();
  }
  // Producer: flushes what is pending and marks the end of the stream.
  void Close() {
    Flush();
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    cv_.notify_all();
  }

  // Consumer: the next batch, or false once the stream is closed and drained (or stopped).
  bool Pop(std::vector<T>* batch) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return !batches_.empty() || closed_ || stopped_; });
    if (batches_.empty() || stopped_) return false;
    *batch = std::move(batches_.front());
    batches_.pop_front();
    cv_.notify_all();
    return true;
  }
  // Consumer: gives up; the producer's next Push returns false.
  void Stop() {
    std::lock_guard<std::mutex> lock(mu_);
    stopped_ = true;
    cv_.notify_all();
  }

 private:
  bool Flush() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return batches_.size() < max_batches_ || stopped_; });
    if (stopped_) return false;
    if (!pending_.empty()) batches_.push_back(std::move(pending_));
    pending_ = std::vector<T>();
    pending_.reserve(batch_size_);
    cv_.notify_all();
    return true;
  }

  const size_t batch_size_;
  const size_t max_batches_;
  std::vector<T> pending_;  // producer-only
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::vector<T>> batches_;
  bool closed_ = false;
  bool stopped_ = false;
};

}  // namespace oscm
