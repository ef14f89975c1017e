#include "cli/sleep_waiter.h"

#include <chrono>
#include <cstdio>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.h"

namespace oscm::cli {

Status SleepWaiter::Wait(int64_t seconds, std::string_view reason) {
  if (!quiet_ && !tty_) {
    Printf(stderr, "oscm: %.*s: waiting %lld s\n", static_cast<int>(reason.size()), reason.data(),
                 static_cast<long long>(seconds));
  }
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  int64_t shown = -1;
  while (true) {
    if (g_interrupted.load()) return CancelledError("interrupted");
    const int64_t left = std::chrono::ceil<std::chrono::seconds>(end - std::chrono::steady_clock::now()).count();
    if (left <= 0) break;
    if (left != shown) {  // one line per second: the countdown
      shown = left;
      progress_.Update(fmt::format("{}: {} s left", reason, left), static_cast<uint64_t>(seconds - left),
                       static_cast<uint64_t>(seconds), ProgressUnit::kItems);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  progress_.Done();
  return Status::Ok();
}

}  // namespace oscm::cli
