// libFuzzer target: arbitrary bytes as one GH Archive line. Parse must return ok or an error,
// never crash, and an accepted event must have a type and an id.
#include <cstdint>
#include <string_view>

#include "ingest/gharchive/event_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static oscm::ingest::EventParser parser;
  oscm::GhEvent event;
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  if (parser.Parse(line, &event).ok() && (event.type.empty() || event.id.empty())) __builtin_trap();
  (void)oscm::ingest::ParseGhTime(line);
  return 0;
}
