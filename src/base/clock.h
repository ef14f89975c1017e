// Clock: the seam through which oscm learns "now", so that --as-of and tests pin it.
//
// Thread-safety: implementations are immutable after construction.
#pragma once

#include <cstdint>
#include <ctime>

namespace oscm {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t NowUnix() const = 0;
};

class SystemClock final : public Clock {
 public:
  int64_t NowUnix() const override { return static_cast<int64_t>(std::time(nullptr)); }
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(int64_t now) : now_(now) {}
  int64_t NowUnix() const override { return now_; }

 private:
  int64_t now_;
};

}  // namespace oscm
