// EventParser: one GH Archive JSON line to a GhEvent (see GhEvent in oscm/records.h for the layouts).
//
// Holds a reusable simdjson parser, so one EventParser per thread; not thread-safe.
// A line that is not JSON, not an object, or lacks `type` or a parsable `created_at` is rejected
// with kCorruption and a short reason ("invalid JSON: TAPE_ERROR", "no type", ...); the caller
// counts it as a bad line. Events without a repository (Gist, Follow) or without an actor are
// valid and come back with empty fields.
#pragma once

#include <memory>
#include <string_view>

#include "oscm/records.h"
#include "oscm/status.h"

namespace oscm::ingest {

class EventParser {
 public:
  EventParser();
  ~EventParser();
  EventParser(const EventParser&) = delete;
  EventParser& operator=(const EventParser&) = delete;

  // Fills `event` (cleared first) from one line.
  Status Parse(std::string_view line, GhEvent* event);
  // The same, for a line followed in memory by at least kLinePadding readable bytes (as
  // LineSource's lines are): parsed where it lies, not copied first.
  Status ParsePadded(std::string_view line, GhEvent* event);

 private:
  Status Parse(std::string_view line, bool padded, GhEvent* event);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ISO 8601 "2013-02-15T00:00:39-08:00", "2015-01-01T15:00:00Z", or the 2012 API form
// "2012/03/03 12:00:00 -0800", to UTC Unix seconds.
Result<int64_t> ParseGhTime(std::string_view text);

}  // namespace oscm::ingest
