// TerminalProgress: draws progress on stderr when it is a terminal, and nothing otherwise.
// Redraws at most ten times a second. Not thread-safe: call from one thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/progress.h"

namespace oscm::cli {

class TerminalProgress final : public oscm::ProgressSink {
 public:
  explicit TerminalProgress(bool enabled) : enabled_(enabled) {}
  void Update(std::string_view phase, uint64_t done, uint64_t total, ProgressUnit unit) override;
  void Done() override;

 private:
  bool enabled_;
  bool drawn_ = false;
  std::string phase_;
  std::chrono::steady_clock::time_point phase_start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace oscm::cli
