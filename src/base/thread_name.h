// SetThreadName: names the calling thread (at most 15 bytes are kept), so that `top -H`, perf
// and gdb tell a GH Archive ingest's reading, decompressing and scanning threads apart.
#pragma once

#include <pthread.h>

namespace oscm {

inline void SetThreadName(const char* name) { pthread_setname_np(pthread_self(), name); }

}  // namespace oscm
