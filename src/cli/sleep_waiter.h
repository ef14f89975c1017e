// SleepWaiter: how the CLI waits out a rate limit or a backoff: it sleeps, with a countdown on a
// terminal (elsewhere one line says how long), and gives up at Ctrl-C.
#pragma once

#include <cstdint>
#include <string_view>

#include "cli/terminal_progress.h"
#include "ingest/http/rest_client.h"

namespace oscm::cli {

class SleepWaiter final : public ingest::Waiter {
 public:
  SleepWaiter(TerminalProgress& progress, bool tty, bool quiet) : progress_(progress), tty_(tty), quiet_(quiet) {}
  Status Wait(int64_t seconds, std::string_view reason) override;

 private:
  TerminalProgress& progress_;
  bool tty_;
  bool quiet_;
};

}  // namespace oscm::cli
