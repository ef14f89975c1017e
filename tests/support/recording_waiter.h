// RecordingWaiter: a Waiter for HTTP clients under test: records how long it was asked to wait
// (nothing sleeps) and answers `result` (kCancelled plays Ctrl-C during a wait).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/http/rest_client.h"

namespace oscm::testing {

class RecordingWaiter final : public ingest::Waiter {
 public:
  Status Wait(int64_t seconds, std::string_view) override {
    waits.push_back(seconds);
    return result;
  }
  std::vector<int64_t> waits;
  Status result;
};

}  // namespace oscm::testing
