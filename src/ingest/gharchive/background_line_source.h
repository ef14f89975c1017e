// BackgroundLineSource: runs another LineSource on its own thread, a few batches ahead, so that
// decompression (on that thread) and parsing (on the caller's) overlap on two cores.
//
// It has the same contract as the source it wraps: the same lines in the same order, the same
// line numbers, and the same error after the last good line. Memory is bounded by a few batches
// of about 1 MiB. Next() must be called from one thread; destroying the source stops and joins
// the background thread.
#pragma once

#include <memory>

#include "ingest/gharchive/line_source.h"

namespace oscm::ingest {

std::unique_ptr<LineSource> MakeBackgroundLineSource(std::unique_ptr<LineSource> inner);

}  // namespace oscm::ingest
