#include "cli/terminal_progress.h"

#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.h"

namespace oscm::cli {

namespace {

std::string Amount(double v, ProgressUnit unit) {
  if (unit == ProgressUnit::kItems) return fmt::format("{:.0f}", v);
  return fmt::format("{:.1f} MB", v / 1e6);
}

}  // namespace

void TerminalProgress::Update(std::string_view phase, uint64_t done, uint64_t total, ProgressUnit unit) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (phase != phase_) {
    phase_ = std::string(phase);
    phase_start_ = now;
  } else if (now - last_draw_ < std::chrono::milliseconds(100)) {
    return;
  }
  last_draw_ = now;
  const double secs = std::chrono::duration<double>(now - phase_start_).count();
  const double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
  std::string line = fmt::format("{}: {}", phase, Amount(static_cast<double>(done), unit));
  if (total > 0) {
    line += fmt::format(" of {} ({:.0f}%)", Amount(static_cast<double>(total), unit),
                        100.0 * static_cast<double>(done) / static_cast<double>(total));
    if (rate > 0 && done < total) line += fmt::format(", ETA {:.0f}s", static_cast<double>(total - done) / rate);
  }
  if (secs > 0.5) line += fmt::format(", {}/s", Amount(rate, unit));
  // The line's own escape clears it; the phase (a file or repository name) is data.
  std::fputs("\r\x1b[2K", stderr);
  Print(stderr, line);
  std::fflush(stderr);
  drawn_ = true;
}

void TerminalProgress::Done() {
  if (enabled_ && drawn_) {
    std::fprintf(stderr, "\r\x1b[2K");
    std::fflush(stderr);
  }
  drawn_ = false;
  phase_.clear();
}

}  // namespace oscm::cli
