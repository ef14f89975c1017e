#include "ingest/git/pack_residency.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

#include "base/strings.h"

namespace oscm::ingest {
namespace {

// Resident file-backed and shared pages of this process, in bytes (statm's third field).
Result<size_t> ResidentShared() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return IoError(fmt::format("/proc/self/statm: {}", std::strerror(errno)));
  unsigned long size = 0, resident = 0, shared = 0;
  const int n = std::fscanf(f, "%lu %lu %lu", &size, &resident, &shared);
  std::fclose(f);
  if (n != 3) return IoError("/proc/self/statm: unreadable");
  return static_cast<size_t>(shared) * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

}  // namespace

Result<size_t> PackResidency::Trim() {
  OSCM_ASSIGN_OR_RETURN(const size_t shared, ResidentShared());
  if (shared <= limit_bytes_) return size_t{0};
  std::ifstream maps("/proc/self/maps");
  if (!maps) return IoError("/proc/self/maps: cannot open");
  size_t advised = 0;
  std::string line;
  while (std::getline(maps, line)) {
    // "start-end perms offset dev inode   path"; a path may hold spaces, so it is the rest of
    // the line from the first '/'.
    const size_t slash = line.find('/');
    if (slash == std::string::npos) continue;
    const std::string_view path = std::string_view(line).substr(slash);
    if (!EndsWith(path, ".pack") || !StartsWith(path, objects_dir_)) continue;
    unsigned long start = 0, end = 0;
    char perms[5] = {};
    if (std::sscanf(line.c_str(), "%lx-%lx %4s", &start, &end, perms) != 3 || perms[1] == 'w') continue;
    if (madvise(reinterpret_cast<void*>(start), end - start, MADV_DONTNEED) != 0) {
      return IoError(fmt::format("madvise {}: {}", path, std::strerror(errno)));
    }
    advised += end - start;
  }
  return advised;
}

}  // namespace oscm::ingest
