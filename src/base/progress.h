// ProgressSink: how long-running library work reports progress without printing.
//
// The library calls Update from the thread doing the work; the CLI decides whether to draw
// anything (only on a terminal). Implementations must be cheap: Update may be called per item.
#pragma once

#include <cstdint>
#include <mutex>
#include <string_view>

namespace oscm {

// What `done` and `total` count, so that a sink can show "12.3 MB/s" rather than a raw number.
enum class ProgressUnit { kItems, kBytes };

class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  // `total` is 0 when unknown.
  virtual void Update(std::string_view phase, uint64_t done, uint64_t total,
                      ProgressUnit unit = ProgressUnit::kItems) = 0;
  virtual void Done() = 0;
};

class NullProgress final : public ProgressSink {
 public:
  void Update(std::string_view, uint64_t, uint64_t, ProgressUnit) override {}
  void Done() override {}
};

// Forwards to another sink, one call at a time, for reports from several threads.
class LockedProgress final : public ProgressSink {
 public:
  explicit LockedProgress(ProgressSink* inner) : inner_(inner) {}
  void Update(std::string_view phase, uint64_t done, uint64_t total, ProgressUnit unit) override {
    std::lock_guard<std::mutex> lock(mu_);
    inner_->Update(phase, done, total, unit);
  }
  void Done() override {
    std::lock_guard<std::mutex> lock(mu_);
    inner_->Done();
  }

 private:
  std::mutex mu_;
  ProgressSink* inner_;
};

}  // namespace oscm
